// A user's rules (function.hpp) in the canonical form, proved at compile time: told apart by
// type, never by printed name; derivatives of any arity, canonical like the library's own.
#include <string_view>
#include <tuple>

#include <leibniz/leibniz.hpp>

using namespace leibniz;
using namespace leibniz::literals;

namespace {
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;
}  // namespace

namespace first {
struct rule {
    static constexpr std::string_view name = "g";
    template <class X> static constexpr auto value(X const& t) { return t; }
    template <class X, class Y> static constexpr auto derivative(X const& t, Y const&) { return 2_c * t; }
};
}  // namespace first
namespace second {
struct rule {  // the same name, another function
    static constexpr std::string_view name = "g";
    template <class X> static constexpr auto value(X const& t) { return 2 * t; }
    template <class X, class Y> static constexpr auto derivative(X const&, Y const&) { return 2_c; }
};
}  // namespace second
struct sine_rule {  // named like leibniz's sin
    static constexpr std::string_view name = "sin";
    template <class X> static constexpr auto value(X const& t) {
        using std::sin;
        return sin(t);
    }
    template <class X, class Y> static constexpr auto derivative(X const& t, Y const&) { return cos(t); }
};
struct weighted_rule {  // three arguments: a * b^2 * c, partials written with y
    static constexpr std::string_view name = "weighted";
    template <class A, class B, class C> static constexpr auto value(A const& a, B const& b, C const& c) {
        return a * b * b * c;
    }
    template <class A, class B, class C, class Y>
    static constexpr auto partials(A const& a, B const& b, C const& c, Y const& v) {
        return std::tuple{v / a, 2_c * v / b, v / c};
    }
};
constexpr function<first::rule> g1{};
constexpr function<second::rule> g2{};
constexpr function<sine_rule> my_sin{};
constexpr function<weighted_rule> weighted{};
constexpr auto w1 = with_derivative<"w">([](auto t) { return t; }, [](auto, auto) { return 1_c; });
constexpr auto w2 = with_derivative<"w">([](auto t) { return t; }, [](auto, auto) { return 1_c; });

// identity by type
static_assert(g1(x) - g2(x) != 0_c && g1(x) - g1(x) == 0_c && g2(x) + g2(x) == 2_c * g2(x));
static_assert(g1(x) * g2(x) != pow(g1(x), 2_c) && g1(x) * g1(x) == pow(g1(x), 2_c));
static_assert(sin(x) - my_sin(x) != 0_c && sin(x) + my_sin(x) != 2_c * sin(x));
static_assert(w1(x) - w2(x) != 0_c && w1(x) / w1(x) == 1_c);
// derivatives through the chain and product rules, in canonical form
static_assert(d(g1(x), x) == 2_c * x && d(g2(x), x) == 2_c);
static_assert(d(g1(x * y), y) == 2_c * x * x * y);
static_assert(d(my_sin(x), x) == cos(x) && d(my_sin(x), x) == d(sin(x), x));
static_assert(d(g1(sin(x)), x) == 2_c * sin(x) * cos(x));
static_assert(d(weighted(x, y, z), x) == weighted(x, y, z) / x);
static_assert(d(weighted(x, y, z), y) == 2_c * weighted(x, y, z) / y);
static_assert(d(weighted(x, x, z), x) == 3_c * weighted(x, x, z) / x);
static_assert(d(weighted(x, y, z), x, y) == d(weighted(x, y, z), y, x));
static_assert(d(w1(x * x), x) == 2_c * x && d(w1(x), y) == 0_c);
// the protocol, by concept
static_assert(function_rule<weighted_rule, 3> && !function_rule<weighted_rule, 1> && function_rule<sine_rule, 1>);
