#pragma once
// Printing: to_string(e) gives infix text (2*x*cos(x^2)), to_latex(e) LaTeX. One printer
// walks the canonical tree for both; a style says how each construct is spelled. Sums print
// their constant last and negative terms with "-", products put negative powers under "/",
// powers of 1/2 and 1/3 print as sqrt and cbrt.
#include <array>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

#include "detail/canonical.hpp"
#include "expression.hpp"

namespace leibniz {
namespace detail {

struct text_style {
    static constexpr bool latex = false;
    static void sum_separator(std::string& out, bool negative) { out += negative ? " - " : " + "; }
    static void open_group(std::string& out) { out += '('; }
    static void close_group(std::string& out) { out += ')'; }
};
struct latex_style {
    static constexpr bool latex = true;
    static void sum_separator(std::string& out, bool negative) { out += negative ? " - " : " + "; }
    static void open_group(std::string& out) { out += "\\left("; }
    static void close_group(std::string& out) { out += "\\right)"; }
};

// Conditions bind weaker than any number: x + 1 > 0 needs no parentheses, and || groups its
// && operands ((a && b) || c), for the reader.
enum class precedence { disjunction = -2, conjunction = -1, comparison = 0, sum = 1, product = 2, power = 3, atom = 4 };

inline void append_integer(std::string& out, std::intmax_t value) {
    char buffer[32];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end);
}
template <class Number> void append_number(std::string& out, Number value) {
    char buffer[64];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;  // shortest round trip
    out.append(buffer, end);
}

template <class Style, class Node> struct printer;

// Print Node, in parentheses when its precedence is below what the context needs.
template <class Style, class Node, class Number, std::size_t N>
void print(std::string& out, std::array<Number, N> const& numbers, precedence context) {
    bool group = printer<Style, Node>::level(numbers) < context;
    if (group) Style::open_group(out);
    printer<Style, Node>::print(out, numbers);
    if (group) Style::close_group(out);
}

template <class Style, rational R> struct printer<Style, constant<R>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return R.num < 0 ? precedence::sum : R.den != 1 ? precedence::product : precedence::atom;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const&) {
        if constexpr (Style::latex && R.den != 1) {
            if (R.num < 0) out += '-';
            out += "\\frac{";
            append_integer(out, R.num < 0 ? -R.num : R.num);
            out += "}{";
            append_integer(out, R.den);
            out += '}';
        } else {
            append_integer(out, R.num);
            if (R.den != 1) {
                out += '/';
                append_integer(out, R.den);
            }
        }
    }
};

template <class Style, std::size_t K> struct printer<Style, runtime_constant<K>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const& numbers) {
        return numbers[K] < 0 ? precedence::sum : precedence::atom;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        append_number(out, numbers[K]);
    }
};

template <class Style, class Tag> struct printer<Style, named_constant<Tag>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return precedence::atom;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const&) {
        out += Style::latex ? Tag::latex : Tag::name;
    }
};

template <class Style, fixed_string Name, int I> struct printer<Style, var<Name, I>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return precedence::atom;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const&) {
        constexpr std::string_view name = Name.view();
        if constexpr (Style::latex && name.size() > 1) {
            out += "\\mathrm{";
            out += name;
            out += '}';
        } else out += name;
        if constexpr (I >= 0) {
            out += Style::latex ? "_{" : "[";
            append_integer(out, I);
            out += Style::latex ? "}" : "]";
        }
    }
};

template <class Style, class Rule, class... Args> struct printer<Style, call<Rule, Args...>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return precedence::atom;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        if constexpr (Style::latex) {
            // the rule's own LaTeX (\sin, \log_{2}), else its name as an operator
            if constexpr (requires { std::string_view(Rule::latex); }) out += Rule::latex;
            else {
                out += "\\operatorname{";
                out += Rule::name;
                out += '}';
            }
        } else {
            out += Rule::name;
        }
        Style::open_group(out);
        bool first = true;
        for_each_type<Args...>([&]<class A>(A*) {
            if (!first) out += ", ";
            first = false;
            detail::print<Style, A>(out, numbers, precedence::sum);
        });
        Style::close_group(out);
    }
};

// Factors split into numerator and denominator (b^-n prints as /b^n).
template <class F> struct printed_factor {
    static constexpr bool denominator = false;
    using numerator_form = F;
};
template <class B, rational R>
requires(R.num < 0) struct printed_factor<power<B, constant<R>>> {
    static constexpr bool denominator = true;
    using denominator_form = make_power<B, constant<-R>>;
};

template <class Style, class Number, std::size_t N, class... Fs>
void print_factors(std::string& out, std::array<Number, N> const& numbers, bool want_denominator,
                   std::intmax_t coefficient, std::size_t& count) {
    auto one = [&](auto* tag) {
        using F = std::remove_pointer_t<decltype(tag)>;
        if constexpr (printed_factor<F>::denominator) {
            if (!want_denominator) return;
            if (count++ > 0) out += Style::latex ? " " : "*";
            detail::print<Style, typename printed_factor<F>::denominator_form>(out, numbers, precedence::power);
        } else {
            if (want_denominator) return;
            if (count++ > 0) out += Style::latex ? " " : "*";
            detail::print<Style, F>(out, numbers, precedence::power);
        }
    };
    if (coefficient != 1) {
        append_integer(out, coefficient);
        ++count;
    }
    for_each_type<Fs...>(one);
}

// Print c * f1 * f2 ... with the coefficient's sign already taken out (negative = print "-").
template <class Style, rational R, class... Fs, class Number, std::size_t N>
void print_product(std::string& out, std::array<Number, N> const& numbers) {
    constexpr std::size_t below = (std::size_t{0} + ... + std::size_t{printed_factor<Fs>::denominator});
    constexpr std::intmax_t top = R.num < 0 ? -R.num : R.num;
    if (R.num < 0) out += '-';
    if constexpr (Style::latex && (below > 0 || R.den != 1)) {
        std::size_t count = 0;
        out += "\\frac{";
        print_factors<Style, Number, N, Fs...>(out, numbers, false, top, count);
        if (count == 0) out += '1';
        out += "}{";
        count = 0;
        print_factors<Style, Number, N, Fs...>(out, numbers, true, R.den, count);
        out += '}';
    } else {
        std::size_t count = 0;
        print_factors<Style, Number, N, Fs...>(out, numbers, false, top, count);
        if (count == 0) out += '1';
        if constexpr (below > 0 || R.den != 1) {
            out += '/';
            constexpr bool group = below + (R.den != 1) > 1;
            if (group) Style::open_group(out);
            count = 0;
            print_factors<Style, Number, N, Fs...>(out, numbers, true, R.den, count);
            if (group) Style::close_group(out);
        }
    }
}

template <class T> struct coefficient_split {
    static constexpr rational coefficient{1, 1};
    using factors = type_list<T>;
};
template <rational R, class... Fs> struct coefficient_split<product_of<constant<R>, Fs...>> {
    static constexpr rational coefficient = R;
    using factors = type_list<Fs...>;
};
template <class F, class... Fs>
requires(!is_constant<F>::value) struct coefficient_split<product_of<F, Fs...>> {
    static constexpr rational coefficient{1, 1};
    using factors = type_list<F, Fs...>;
};

template <class Style, rational R, class List> struct product_printer;
template <class Style, rational R, class... Fs> struct product_printer<Style, R, type_list<Fs...>> {
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        print_product<Style, R, Fs...>(out, numbers);
    }
};

template <class Style, class... Fs> struct printer<Style, product_of<Fs...>> {
    using split = coefficient_split<product_of<Fs...>>;
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return split::coefficient.num < 0 ? precedence::sum : precedence::product;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        product_printer<Style, split::coefficient, typename split::factors>::print(out, numbers);
    }
};

template <class Style, class B, class E> struct printer<Style, power<B, E>> {
    static constexpr bool negative_rational = []() consteval {
        if constexpr (is_constant<E>::value) return E::value.num < 0;
        else return false;
    }
    ();
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return negative_rational ? precedence::product : precedence::power;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        if constexpr (negative_rational) {
            print_product<Style, rational{1, 1}, power<B, E>>(out, numbers);
        } else if constexpr (std::is_same_v<E, constant<rational{1, 2}>> ||
                             std::is_same_v<E, constant<rational{1, 3}>>) {
            constexpr bool square_root = E::value.den == 2;
            if constexpr (Style::latex) out += square_root ? "\\sqrt{" : "\\sqrt[3]{";
            else out += square_root ? "sqrt(" : "cbrt(";
            detail::print<Style, B>(out, numbers, precedence::sum);
            out += Style::latex ? "}" : ")";
        } else if constexpr (Style::latex) {
            out += '{';
            detail::print<Style, B>(out, numbers, precedence::atom);
            out += "}^{";
            detail::print<Style, E>(out, numbers, precedence::sum);
            out += '}';
        } else {
            detail::print<Style, B>(out, numbers, precedence::atom);
            out += '^';
            detail::print<Style, E>(out, numbers, precedence::atom);
        }
    }
};

template <class Style, class... Ts> struct printer<Style, sum_of<Ts...>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return precedence::sum;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        bool first = true;
        auto term = [&](auto* tag) {
            using T = std::remove_pointer_t<decltype(tag)>;
            using split = coefficient_split<T>;
            constexpr bool negative = []() consteval {
                if constexpr (is_constant<T>::value) return T::value.num < 0;
                else return split::coefficient.num < 0;
            }
            ();
            if (!first) Style::sum_separator(out, negative);
            else if (negative) out += '-';
            first = false;
            if constexpr (is_constant<T>::value) {
                printer<Style, constant<negative ? -T::value : T::value>>::print(out, numbers);
            } else {
                constexpr rational magnitude = negative ? -split::coefficient : split::coefficient;
                product_printer<Style, magnitude, typename split::factors>::print(out, numbers);
            }
        };
        // The rational term sorts first in the canonical order; it reads better last (x + 1),
        // unless the other terms would then open with a minus (1 - x, not -x + 1).
        constexpr bool constant_first = []() consteval {
            bool has_constant = false, first_other_negative = false, seen_other = false;
            for_each_type<Ts...>([&]<class T>(T*) {
                if constexpr (is_constant<T>::value) has_constant = true;
                else if (!seen_other) {
                    seen_other = true;
                    first_other_negative = coefficient_split<T>::coefficient.num < 0;
                }
            });
            return has_constant && first_other_negative;
        }
        ();
        if constexpr (constant_first)
            for_each_type<Ts...>([&]<class T>(T* tag) {
                if constexpr (is_constant<T>::value) term(tag);
            });
        for_each_type<Ts...>([&]<class T>(T* tag) {
            if constexpr (!is_constant<T>::value) term(tag);
        });
        if constexpr (!constant_first)
            for_each_type<Ts...>([&]<class T>(T* tag) {
                if constexpr (is_constant<T>::value) term(tag);
            });
    }
};

// ---- branches: x > 0, a <= b, !c, c1 && c2, c1 || c2, select(c, a, b) -------------------------

template <class Style, bool Value> struct printer<Style, truth<Value>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return precedence::atom;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const&) {
        if constexpr (Style::latex) out += Value ? "\\mathrm{true}" : "\\mathrm{false}";
        else out += Value ? "true" : "false";
    }
};

// A number on the left prints on the right: 0 < x as x > 0.
template <class T> inline constexpr bool number_leaf = is_constant<T>::value;
template <std::size_t K> inline constexpr bool number_leaf<runtime_constant<K>> = true;
template <class Tag> inline constexpr bool number_leaf<named_constant<Tag>> = true;

template <class Style, bool OrEqual, class A, class B> struct comparison_printer {
    static constexpr bool flipped = number_leaf<A> && !number_leaf<B>;
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return precedence::comparison;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        using Left = std::conditional_t<flipped, B, A>;
        using Right = std::conditional_t<flipped, A, B>;
        detail::print<Style, Left>(out, numbers, precedence::sum);
        if constexpr (Style::latex) out += flipped ? (OrEqual ? " \\ge " : " > ") : (OrEqual ? " \\le " : " < ");
        else out += flipped ? (OrEqual ? " >= " : " > ") : (OrEqual ? " <= " : " < ");
        detail::print<Style, Right>(out, numbers, precedence::sum);
    }
};
template <class Style, class A, class B> struct printer<Style, less_than<A, B>>
    : comparison_printer<Style, false, A, B> {};
template <class Style, class A, class B> struct printer<Style, less_or_equal<A, B>>
    : comparison_printer<Style, true, A, B> {};

template <class Style, class C> struct printer<Style, not_of<C>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return precedence::atom;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        out += Style::latex ? "\\lnot " : "!";
        detail::print<Style, C>(out, numbers, precedence::atom);
    }
};

template <class Style, precedence Level, class... Cs> struct junction_printer {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) { return Level; }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        constexpr bool both = Level == precedence::conjunction;
        bool first = true;
        for_each_type<Cs...>([&]<class C>(C*) {
            if (!first) out += Style::latex ? (both ? " \\land " : " \\lor ") : (both ? " && " : " || ");
            first = false;
            detail::print<Style, C>(out, numbers, both ? precedence::conjunction : precedence::comparison);
        });
    }
};
template <class Style, class... Cs> struct printer<Style, and_of<Cs...>>
    : junction_printer<Style, precedence::conjunction, Cs...> {};
template <class Style, class... Cs> struct printer<Style, or_of<Cs...>>
    : junction_printer<Style, precedence::disjunction, Cs...> {};

// LaTeX: one line per arm, a select in the otherwise-arm continuing the cases (clamp's three).
template <class Style, class Node> struct latex_cases {
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        detail::print<Style, Node>(out, numbers, precedence::sum);
        out += " & \\text{otherwise}";
    }
};
template <class Style, class C, class A, class B> struct latex_cases<Style, select_of<C, A, B>> {
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        detail::print<Style, A>(out, numbers, precedence::sum);
        out += " & \\text{if } ";
        detail::print<Style, C>(out, numbers, precedence::disjunction);
        out += " \\\\ ";
        latex_cases<Style, B>::print(out, numbers);
    }
};

template <class Style, class C, class A, class B> struct printer<Style, select_of<C, A, B>> {
    template <class Number, std::size_t N> static precedence level(std::array<Number, N> const&) {
        return precedence::atom;
    }
    template <class Number, std::size_t N> static void print(std::string& out, std::array<Number, N> const& numbers) {
        if constexpr (Style::latex) {
            out += "\\begin{cases} ";
            latex_cases<Style, select_of<C, A, B>>::print(out, numbers);
            out += " \\end{cases}";
        } else {
            out += "select(";
            detail::print<Style, C>(out, numbers, precedence::disjunction);
            out += ", ";
            detail::print<Style, A>(out, numbers, precedence::sum);
            out += ", ";
            detail::print<Style, B>(out, numbers, precedence::sum);
            out += ')';
        }
    }
};

template <class Style, class E> std::string print_expression(E const& e) {
    std::string out;
    auto numbers = numbers_of(e);
    detail::print<Style, typename tree_of<E>::type>(out, numbers, precedence::disjunction);
    return out;
}

}  // namespace detail

/// Infix text of an expression:  to_string(d(sin(x * x), x)) == "2*x*cos(x^2)"
template <Expression E> std::string to_string(E const& e) { return detail::print_expression<detail::text_style>(e); }

/// LaTeX of an expression:  to_latex(d(sin(x * x), x)) == "2 x \\cos\\left({x}^{2}\\right)"
template <Expression E> std::string to_latex(E const& e) { return detail::print_expression<detail::latex_style>(e); }

}  // namespace leibniz
