// A user's rule with a name and a value but no derivative: refused where the function is
// called, with the sentence that says which member to add.
// expect-error: leibniz::function<Rule>: the rule has no derivative\(x, y\)
#include <string_view>

#include <leibniz/leibniz.hpp>

struct half_rule {
    static constexpr std::string_view name = "half";
    template <class X> static constexpr auto value(X const& x) { return x / 2; }
};
inline constexpr leibniz::function<half_rule> half{};

int main() {
    constexpr leibniz::var<"x"> x;
    auto f = half(x);
    (void)f;
}
