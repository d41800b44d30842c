// Branches proved at compile time: conditions, select and clamp in canonical form, and their
// derivatives. Building this file is the test.
#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"y"> y;

// ---- conditions ------------------------------------------------------------------------------
static_assert(Condition<decltype(x > 0_c)> && Condition<decltype(x > 0.5)> && Condition<decltype(0.5 < x)>);
static_assert(!Condition<decltype(x)> && !Argument<decltype(x > 0_c)> && !Condition<int> && !Condition<bool>);
static_assert((x > 0_c) == (0_c < x) && (x >= y) == (y <= x));  // one spelling per comparison
static_assert((x < y) != (y < x) && (x < y) != (x <= y));
static_assert((1_c > 0_c) == truth<true>{} && (0.5_c >= 1_c) == truth<false>{} && (1_c <= 1_c) == truth<true>{});
static_assert((x < x) == truth<false>{} && (x <= x) != truth<true>{});  // x <= x is false at NaN
static_assert((!!(x > 0_c)) == (x > 0_c) && (!(1_c > 0_c)) == truth<false>{});
static_assert((!(x < y)) != (y <= x));                                // at NaN both are false
static_assert(((x > 0_c) && (y > 0_c)) == ((y > 0_c) && (x > 0_c)));  // sorted
static_assert(((x > 0_c) || (y > 0_c)) == ((y > 0_c) || (x > 0_c)));
static_assert(((x > 0_c) && (x > 0_c)) == (x > 0_c) && ((x > 0_c) || (x > 0_c)) == (x > 0_c));
static_assert((((x > 0_c) && (y > 0_c)) && (x < 1_c)) == ((x > 0_c) && ((y > 0_c) && (x < 1_c))));  // flattened
static_assert(((x > 0_c) && (1_c > 0_c)) == (x > 0_c) && ((x > 0_c) && (0_c > 1_c)) == truth<false>{});
static_assert(((x > 0_c) || (0_c > 1_c)) == (x > 0_c) && ((x > 0_c) || (1_c > 0_c)) == truth<true>{});
static_assert(((x > 0_c) && (y > 0_c)) != ((x > 0_c) || (y > 0_c)));
static_assert(!Argument<decltype((x > 0_c) && (y > 0_c))> && Condition<decltype(!((x > 0_c) || (y < 1.5)))>);

// ---- select ----------------------------------------------------------------------------------
static_assert(select(1_c > 0_c, x, y) == x && select(0_c > 1_c, x, y) == y);             // a constant condition folds
static_assert(select(x > 0_c, y, y) == y && select(x > 0_c, sin(x), sin(x)) == sin(x));  // equal arms fold
static_assert(select(!(x > 0_c), x, y) == select(x > 0_c, y, x));
static_assert(select(x > 0_c, x, y) != select(x >= 0_c, x, y));
static_assert(select(x > 0_c, x, y) + select(x > 0_c, x, y) == 2_c * select(x > 0_c, x, y));  // like terms
static_assert(select(x > 0_c, x, y) * select(x > 0_c, x, y) == pow(select(x > 0_c, x, y), 2_c));

// ---- derivatives: the taken arm's -------------------------------------------------------------
static_assert(d(select(x > 0_c, x* x, -x), x) == select(x > 0_c, 2_c * x, -1_c));
static_assert(d(select(x > 0_c, x* y, y), y) == select(x > 0_c, x, 1_c));
static_assert(d(select(x > 0_c, 3_c, 5_c), x) == 0_c);  // the condition's own derivative is 0
static_assert(d(select(y > 0_c, x, 2_c * x), x) == select(y > 0_c, 1_c, 2_c));
static_assert(d(select(x > 0_c, sqrt(x), 0_c), x) == select(x > 0_c, 1_c / (2_c * sqrt(x)), 0_c));
static_assert(d(select(x > 0_c, x* x, -x), x, x) == select(x > 0_c, 2_c, 0_c));
static_assert(d(sin(select(x > 0_c, x, 0_c)), x) == cos(select(x > 0_c, x, 0_c)) * select(x > 0_c, 1_c, 0_c));

// ---- clamp ------------------------------------------------------------------------------------
static_assert(clamp(x, 0_c, 1_c) == select(x < 0_c, 0_c, select(1_c < x, 1_c, x)));
static_assert(clamp(2_c, 0_c, 1_c) == 1_c && clamp(-1_c, 0_c, 1_c) == 0_c && clamp(0.5_c, 0_c, 1_c) == 0.5_c);
// d/dx clamp is 1 between and at the bounds (x is taken there), 0 beyond them
static_assert(d(clamp(x, 0_c, 1_c), x) == select(x < 0_c, 0_c, select(1_c < x, 0_c, 1_c)));
static_assert(d(clamp(x, y, 1_c), y) == select(x < y, 1_c, 0_c));

// ---- Huber's loss: r^2/2 within delta, delta (|r| - delta/2) beyond -----------------------------
constexpr auto huber = select(abs(x) <= 1_c, x* x / 2_c, abs(x) - 1_c / 2_c);
static_assert(d(huber, x) == select(abs(x) <= 1_c, x, sign(x)));

// ---- plain numbers: bools and numbers, as on double -------------------------------------------
static_assert(std::is_same_v<decltype(0.5_c < 1.0), bool> && (0.5_c < 1.0));
static_assert(leibniz::select(true, 1.0, 2_c) == 1.0 && leibniz::clamp(3.0, 0.0, 1.0) == 1.0);
static_assert(leibniz::select(false, 1_c, 0_c) == 0.0 &&
              std::is_same_v<decltype(leibniz::select(false, 1_c, 0_c)), double>);
static_assert(select(x > 0_c, x* x, -x)(x = 3.0) == 9.0 && select(x > 0_c, x* x, -x)(x = -3.0) == 3.0);
static_assert(d(clamp(x, 0_c, 1_c), x)(x = 1.0) == 1.0 && d(clamp(x, 0_c, 1_c), x)(x = 1.5) == 0.0);
}  // namespace
