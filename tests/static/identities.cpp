// Derivative identities proved at compile time: building this file is the test.
// Each line states d(f) == g between canonical forms; a wrong rule or a simplifier that
// misses a rewrite stops the build with the failing line.
#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;

// ---- the canonical form ------------------------------------------------------------------
static_assert(x + x == 2_c * x);
static_assert(x * x == pow(x, 2_c));
static_assert(x * y == y * x);
static_assert(x + y == y + x);
static_assert((x + y) + z == x + (y + z));
static_assert(x - x == 0_c);
static_assert(x / x == 1_c);
static_assert(x * pow(x, -1_c) == 1_c);
static_assert(2_c * (x + y) == 2_c * x + 2_c * y);
static_assert(pow(x * y, 2_c) == pow(x, 2_c) * pow(y, 2_c));
static_assert(pow(pow(x, 3_c), 2_c) == pow(x, 6_c));
// merging powers keeps an even root's domain (NaN for x < 0), and loses no odd root's
static_assert(sqrt(x) * sqrt(x) == x * where_nonnegative(x));
static_assert(pow(sqrt(x), 2_c) == x * where_nonnegative(x) && pow(sqrt(x), 3_c) == pow(x, c<3, 2>));
static_assert(sqrt(x) / sqrt(x) == where_nonnegative(x) && sqrt(x) * sqrt(x) * sqrt(x) == pow(x, c<3, 2>));
static_assert(pow(pow(x, c<1, 6>), 2_c) == cbrt(x) * where_nonnegative(x));
static_assert(cbrt(x) * cbrt(x) * cbrt(x) == x && pow(cbrt(x), 3_c) == x);
static_assert(where_nonnegative(x) * where_nonnegative(x) == where_nonnegative(x));
static_assert(sqrt(-1_c) * sqrt(-1_c) != -1_c && sqrt(4_c) * sqrt(4_c) == 4_c);
static_assert(pow(pow(x, y), 2_c) != pow(x, 2_c * y) && pow(pow(x, y), -1_c) == pow(x, -y));
// with an expression exponent, powers of one base merge only for a positive rational base:
// x^(1/2) * x^(1/2) is NaN at x = -4 as written, x^1 is -4
static_assert(pow(x, y) * pow(x, z) != pow(x, y + z) && pow(x, y) * pow(x, y) == pow(pow(x, y), 2_c));
static_assert(x * pow(x, y) != pow(x, y + 1_c) && sqrt(x) * pow(x, y) != pow(x, y + c<1, 2>));
static_assert(pow(x, y) / pow(x, y) == 1_c && pow(x, y) * pow(x, -y) == 1_c &&
              pow(x, -y) * pow(x, -y) == pow(pow(x, y), -2_c));
static_assert(pow(2_c, x) * pow(2_c, y) == pow(2_c, x + y) && pow(2_c, x) / pow(2_c, x) == 1_c);
static_assert(0.5_c == c<1, 2>);
static_assert(1_c / 3_c + 1_c / 6_c == 0.5_c);
static_assert(x != y);
static_assert(sin(x) * 0_c == 0_c);
static_assert(exp(0_c) == 1_c && log(1_c) == 0_c && sin(0_c) == 0_c && cos(0_c) == 1_c);
static_assert(max(x, y) == max(y, x) && min(x, x) == x);
static_assert(square(x) == x * x && cbrt(x) == pow(x, c<1, 3>));

// ---- sum, product, quotient rules ------------------------------------------------------
static_assert(d(x + y, x) == 1_c);
static_assert(d(x * y, x) == y);
static_assert(d(x * y, y) == x);
static_assert(d(3_c * x * x + 2_c * x + 1_c, x) == 6_c * x + 2_c);
static_assert(d(x * sin(x), x) == sin(x) + x * cos(x));
static_assert(d(x / y, x) == 1_c / y);
static_assert(d(x / y, y) == -x / (y * y));
static_assert(d(1_c / x, x) == -1_c / pow(x, 2_c));
static_assert(d(sin(x) / x, x) == cos(x) / x - sin(x) / (x * x));
static_assert(d(pow(x, 5_c), x) == 5_c * pow(x, 4_c));
static_assert(d(pow(x, c<1, 2>), x) == c<1, 2> / sqrt(x));

// ---- every function of the rule table --------------------------------------------------
static_assert(d(exp(x), x) == exp(x));
static_assert(d(expm1(x), x) == exp(x));
static_assert(d(log(x), x) == 1_c / x);
static_assert(d(log1p(x), x) == 1_c / (1_c + x));
static_assert(d(sin(x), x) == cos(x));
static_assert(d(cos(x), x) == -sin(x));
static_assert(d(tan(x), x) == 1_c + tan(x) * tan(x));
static_assert(d(asin(x), x) == 1_c / sqrt(1_c - x * x));
static_assert(d(acos(x), x) == -1_c / sqrt(1_c - x * x));
static_assert(d(atan(x), x) == 1_c / (1_c + x * x));
static_assert(d(atan2(y, x), y) == x / (x * x + y * y));
static_assert(d(atan2(y, x), x) == -y / (x * x + y * y));
static_assert(d(sinh(x), x) == cosh(x));
static_assert(d(cosh(x), x) == sinh(x));
static_assert(d(tanh(x), x) == 1_c / square(cosh(x)));        // 1 - tanh^2, accurate where tanh rounds to 1
static_assert(d(sigmoid(x), x) == sigmoid(x) * sigmoid(-x));  // s (1 - s), accurate where s rounds to 1
static_assert(log(sigmoid(x)) == -softplus(-x) && d(log(sigmoid(x)), x) == sigmoid(-x));
static_assert(d(softplus(x), x) == sigmoid(x));
static_assert(d(relu(x), x) == heaviside(x));
static_assert(d(abs(x), x) == sign(x));
static_assert(d(erf(x), x) == 2_c * exp(-(x * x)) / sqrt(pi_c));
static_assert(d(hypot(x, y), x) == x / hypot(x, y));
static_assert(d(max(x, y), x) == (1_c + sign(x - y)) / 2_c);
static_assert(d(min(x, y), y) == (1_c + sign(x - y)) / 2_c);
static_assert(d(max(x, x), x) == 1_c);  // the tie splits evenly, so the sides add up to 1
static_assert(d(sqrt(x), x) == c<1, 2> * pow(x, c<-1, 2>));
static_assert(d(cbrt(x), x) == c<1, 3> * pow(x, c<-2, 3>));
static_assert(d(square(x), x) == 2_c * x);
static_assert(d(pow(2_c, x), x) == pow(2_c, x) * log(2_c));
static_assert(d(pow(x, y), y) == pow(x, y) * log(x));

// ---- the chain rule --------------------------------------------------------------------
static_assert(d(sin(x * x), x) == 2_c * x * cos(x * x));
static_assert(d(log(sin(x)), x) == cos(x) / sin(x));
static_assert(d(exp(sin(x)), x) == exp(sin(x)) * cos(x));
static_assert(d(sin(cos(x)), x) == -cos(cos(x)) * sin(x));
static_assert(d(tanh(x * x), x) == 2_c * x / square(cosh(x * x)));
static_assert(d(sqrt(1_c + x * x), x) == x / sqrt(1_c + x * x));
static_assert(d(log(x * y), x) == 1_c / x);

// ---- the chain-rule article's worked examples --------------------------------------------------------
// d/dx e^(x^2) = 2x e^(x^2)
static_assert(d(exp(x * x), x) == 2_c * x * exp(x * x));
// d/dx ln(sin x) = cos x / sin x
static_assert(d(log(sin(x)), x) == cos(x) / sin(x));
// d/dx sin(x^2) = 2x cos(x^2)
static_assert(d(sin(pow(x, 2_c)), x) == 2_c * x * cos(pow(x, 2_c)));
// d/dx (3x^2 + 7)^10 = 60x (3x^2 + 7)^9
static_assert(d(pow(3_c * x * x + 7_c, 10_c), x) == 60_c * x * pow(3_c * x * x + 7_c, 9_c));
// d/dx e^(-x^2/2) = -x e^(-x^2/2)
static_assert(d(exp(-(x * x) / 2_c), x) == -x * exp(-(x * x) / 2_c));
// d/dx x^x = x^x (ln x + 1)
static_assert(d(pow(x, x), x) == pow(x, x) * (log(x) + 1_c));
// the sigmoid written through exp: s = 1/(1 + e^-x), s' = e^-x / (1 + e^-x)^2, which is s(1 - s)
// (the equality of those two forms is checked numerically in tests/functions.cpp: the
// canonical form does not bring fractions to a common denominator)
constexpr auto s = 1_c / (1_c + exp(-x));
static_assert(d(s, x) == exp(-x) / pow(1_c + exp(-x), 2_c));
// u = 2x + y, v = x - 3y: d/dx (u^2 + uv) = 12x - y
constexpr auto u = 2_c * x + y;
constexpr auto v = x - 3_c * y;
static_assert(d(u * u + u * v, x) == 12_c * x - y);
// the chain h = x^2, g = tanh, f = v^2: df/dx = 2 tanh(x^2) (1 - tanh(x^2)^2) 2x, with
// 1 - tanh^2 written 1/cosh^2, its form that keeps relative accuracy where tanh rounds to 1
static_assert(d(pow(tanh(x * x), 2_c), x) == 4_c * x * tanh(x * x) / square(cosh(x * x)));

// ---- higher and mixed derivatives ------------------------------------------------------
static_assert(d(pow(x, 3_c), x, x) == 6_c * x);
static_assert(d(pow(x, 3_c), x, x, x) == 6_c);
static_assert(d(pow(x, 3_c), x, x, x, x) == 0_c);
static_assert(d(sin(x), x, x) == -sin(x));
static_assert(d(exp(2_c * x), x, x) == 4_c * exp(2_c * x));
static_assert(d(x * x * y, x, y) == 2_c * x);
static_assert(d(x * x * y, x, y) == d(x * x * y, y, x));
static_assert(d(sin(x * y), x, y) == cos(x * y) - x * y * sin(x * y));

// ---- values at compile time ------------------------------------------------------------
static_assert(d(pow(x, 3_c), x)(x = 2.0) == 12.0);
static_assert((x * y + 3_c)(y = 2.0, x = 5.0) == 13.0);
static_assert(d(x / y, y)(x = 3.0, y = 2.0) == -0.75);
static_assert((x + y)(x = 1.0, y = 2.0, z = 99.0) == 3.0);  // extra bindings are ignored

// ---- types -------------------------------------------------------------------------------
static_assert(std::is_empty_v<decltype(d(sin(x * x), x))>);
static_assert(std::is_same_v<derivative_t<decltype(x * y), decltype(x)>, std::remove_const_t<decltype(y)>>);
static_assert(Expression<decltype(x)> && !Expression<int*> && !Expression<double>);
static_assert(Variable<decltype(x)> && !Variable<decltype(x * y)>);

}  // namespace
