// A user's derivative that, called with expressions, holds a runtime number (0.5 * ...): its
// type cannot carry the 0.5 into d, so d refuses it rather than lose the number.
// expect-error: leibniz::d: a function's derivative, called with expressions, holds a runtime number
#include <string_view>

#include <leibniz/leibniz.hpp>

struct half_sine_rule {
    static constexpr std::string_view name = "half_sin";
    template <class X> static constexpr auto value(X const& x) {
        using std::sin;
        return 0.5 * sin(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        using std::cos;
        return 0.5 * cos(x);
    }
};
inline constexpr leibniz::function<half_sine_rule> half_sin{};

int main() {
    constexpr leibniz::var<"x"> x;
    auto f = leibniz::d(half_sin(x), x);
    (void)f;
}
