// The functions people reach for (issue 12), proved at compile time: building this file is the
// test. Each line states a derivative or a fold between canonical forms.
#include <leibniz/gamma.hpp>
#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;

// ---- derivatives ---------------------------------------------------------------------------
static_assert(d(asinh(x), x) == 1_c / hypot(1_c, x));                    // 1/sqrt(1 + x^2)
static_assert(d(acosh(x), x) == 1_c / (sqrt(x - 1_c) * sqrt(x + 1_c)));  // 1/sqrt(x^2 - 1)
static_assert(d(atanh(x), x) == 1_c / ((1_c - x) * (1_c + x)));          // 1/(1 - x^2)
static_assert(d(log2(x), x) == 1_c / (x * log(2_c)));                    // log 2 stays exact
static_assert(d(log10(x), x) == 1_c / (x * log(10_c)));
static_assert(d(exp2(x), x) == exp2(x) * log(2_c));
static_assert(d(exp2(x), x, x) == exp2(x) * pow(log(2_c), 2_c));
static_assert(d(erfc(x), x) == -2_c * exp(-(x * x)) / sqrt(pi_c));
static_assert(d(erf(x) + erfc(x), x) == 0_c);             // erf + erfc = 1
static_assert(d(log2(x) * log(2_c) - log(x), x) == 0_c);  // log2 x = log x / log 2
static_assert(d(lgamma(x), x) == digamma(x));
static_assert(d(lgamma(x), x, x) == trigamma(x));
static_assert(d(tgamma(x), x) == tgamma(x) * digamma(x));
static_assert(d(lgamma(x * y), y) == x * digamma(x * y));
static_assert(d(fma(x, y, z), x) == y);
static_assert(d(fma(x, y, z), z) == 1_c);
static_assert(fma(x, y, z) == x * y + z);
static_assert(d(fma(x, x, 3_c), x) == 2_c * x);
// the step functions: derivative 0 wherever it exists, and 0 at the jumps by convention
static_assert(d(floor(x), x) == 0_c);
static_assert(d(ceil(x * y), y) == 0_c);
static_assert(d(round(x), x) == 0_c);
static_assert(d(trunc(sin(x)), x) == 0_c);
static_assert(d(sign(x), x) == 0_c);
static_assert(d(floor(x) * x, x) == floor(x));
static_assert(d(asinh(sinh(x)), x) == cosh(x) / hypot(1_c, sinh(x)));  // the chain rule

// ---- exact values of constant arguments ------------------------------------------------------
static_assert(asinh(0_c) == 0_c && acosh(1_c) == 0_c && atanh(0_c) == 0_c && erfc(0_c) == 1_c);
static_assert(log2(8_c) == 3_c && log2(c<1, 4>) == -2_c && log2(1_c) == 0_c);
static_assert(log10(1000_c) == 3_c && log10(c<1, 100>) == -2_c);
static_assert(exp2(10_c) == 1024_c && exp2(-3_c) == c<1, 8>);
static_assert(log2(3_c) != 1_c && log2(6_c) == log2(6_c));  // not a power of 2: kept
static_assert(floor(c<7, 2>) == 3_c && floor(c<-7, 2>) == -4_c && floor(-3_c) == -3_c);
static_assert(ceil(c<7, 2>) == 4_c && ceil(c<-7, 2>) == -3_c);
static_assert(round(c<5, 2>) == 3_c && round(c<-5, 2>) == -3_c && round(c<7, 3>) == 2_c && round(c<-8, 3>) == -3_c);
static_assert(trunc(c<7, 2>) == 3_c && trunc(c<-7, 2>) == -3_c);
static_assert(tgamma(5_c) == 24_c && tgamma(1_c) == 1_c && lgamma(1_c) == 0_c && lgamma(2_c) == 0_c);
static_assert(fma(2_c, 3_c, 1_c) == 7_c);

// ---- compile-time evaluation where the standard library allows it ---------------------------
static_assert(d(fma(x, y, z), y)(x = 2.0) == 2.0);

}  // namespace
