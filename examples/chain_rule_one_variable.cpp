// The chain rule on one variable: [f(g(x))]' = f'(g(x)) g'(x).
// The chain-rule article's worked examples, each differentiated by leibniz at compile time, printed, proved
// equal to the textbook answer with static_assert, and evaluated beside the textbook formula
// written by hand with <cmath>.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;

// The textbook answers, proved at compile time: the derivative's canonical form is the one
// the articles write down (outer derivative at the inner function, times the inner derivative).
static_assert(d(exp(x * x), x) == 2_c * x * exp(x * x));               // e^(x^2)  -> 2x e^(x^2)
static_assert(d(log(sin(x)), x) == cos(x) / sin(x));                   // ln sin x -> cos x / sin x
static_assert(d(sin(x * x), x) == 2_c * x * cos(x * x));               // sin(x^2) -> 2x cos(x^2)
static_assert(d(pow(3_c * x * x + 7_c, 10_c), x) ==                    // (3x^2 + 7)^10
              60_c * x * pow(3_c * x * x + 7_c, 9_c));                 //   -> 10 (3x^2 + 7)^9 6x
static_assert(d(exp(-(x * x) / 2_c), x) == -x * exp(-(x * x) / 2_c));  // e^(-x^2/2) -> -x e^(-x^2/2)
static_assert(d(pow(x, x), x) == pow(x, x) * (log(x) + 1_c));          // x^x -> x^x (ln x + 1)
static_assert(d(sigmoid(x), x) == sigmoid(x) * sigmoid(-x));           // s -> s (1 - s), as s(x) s(-x)
static_assert(d(1_c / (1_c + exp(-x)), x) ==                           // 1/(1 + e^-x)
              exp(-x) / pow(1_c + exp(-x), 2_c));                      //   -> e^-x / (1 + e^-x)^2

// Prints f and f', evaluates f' at x0, and compares it with the hand-written formula.
template <class F> void show(examples::comparison& compare, char const* name, F const& f, double x0, double by_hand) {
    auto const df = d(f, x);
    std::cout << name << "\n  f(x)  = " << f << "\n  f'(x) = " << df << '\n';
    compare("f'(x) at x = " + std::to_string(x0).substr(0, 4), df(x = x0), by_hand, 1e-12 * std::abs(by_hand));
}

int main() {
    examples::comparison compare;
    using std::exp, std::log, std::sin, std::cos;
    double const x0 = 0.7;
    double const s = 1.0 / (1.0 + exp(-x0));  // the sigmoid at x0

    std::printf("The chain rule, one variable: leibniz's derivative vs the textbook formula at x = 0.7\n\n");
    compare.header();
    show(compare, "e^(x^2)", exp(x * x), x0, 2 * x0 * exp(x0 * x0));
    show(compare, "ln(sin x)", log(sin(x)), x0, cos(x0) / sin(x0));
    show(compare, "sin(x^2)", sin(x * x), x0, cos(x0 * x0) * 2 * x0);
    show(compare, "(3x^2 + 7)^10", pow(3_c * x * x + 7_c, 10_c), x0, 10 * std::pow(3 * x0 * x0 + 7, 9) * 6 * x0);
    show(compare, "e^(-x^2/2), the Gaussian kernel", exp(-(x * x) / 2_c), x0, -x0 * exp(-x0 * x0 / 2));
    show(compare, "x^x", pow(x, x), x0, std::pow(x0, x0) * (log(x0) + 1));
    show(compare, "sigmoid(x)", sigmoid(x), x0, s * (1 - s));
    show(compare, "1/(1 + e^-x), the sigmoid written out", 1_c / (1_c + exp(-x)), x0,
         exp(-x0) / ((1 + exp(-x0)) * (1 + exp(-x0))));

    // The two forms of the sigmoid's derivative are equal, though not in the same canonical
    // form (the simplifier does not bring fractions to a common denominator): compare numbers.
    std::printf("\ne^-x/(1 + e^-x)^2 and s(1 - s) are one function:\n");
    for (double at : {-3.0, 0.0, 0.7, 4.0})
        compare("  at x = " + std::to_string(at).substr(0, 4), d(1_c / (1_c + exp(-x)), x)(x = at),
                d(sigmoid(x), x)(x = at), 1e-15);

    // The seed's neuron y = sigmoid(w x) at w = 2, x = 1: dy/dx = sigma'(2) * 2 = 0.105 * 2 = 0.210.
    constexpr var<"w"> w;
    std::printf("\ny = sigmoid(w x): dy/dx = %s\n", to_string(d(sigmoid(w * x), x)).c_str());
    compare("dy/dx at w = 2, x = 1 (seed: 0.210)", d(sigmoid(w * x), x)(w = 2.0, x = 1.0), 0.210, 0.0005);
    return compare.exit_code();
}
