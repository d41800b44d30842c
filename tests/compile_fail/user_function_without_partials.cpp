// A user's rule called with two arguments needs partials(a, b, y), not derivative(x, y).
// expect-error: leibniz::function<Rule>: a rule of two or more arguments has partials\(a, b, \.\.\., y\)
#include <string_view>

#include <leibniz/leibniz.hpp>

struct mean_rule {
    static constexpr std::string_view name = "mean";
    template <class A, class B> static constexpr auto value(A const& a, B const& b) { return (a + b) / 2; }
    template <class X, class Y> static constexpr auto derivative(X const&, Y const&) { return 0.5; }
};
inline constexpr leibniz::function<mean_rule> mean{};

int main() {
    constexpr leibniz::var<"x"> x;
    constexpr leibniz::var<"y"> y;
    auto f = mean(x, y);
    (void)f;
}
