#pragma once
// The canonical form. Every expression is built through make_sum, make_product, make_power
// and make_call, which take canonical arguments and return the canonical result, so that
// "same mathematics" is "same type" for the rewrites below:
//   sums and products are flattened                      (a + (b + c) = a + b + c)
//   terms are collected, rationals folded exactly        (x + x = 2*x, 2 + 1/2 = 5/2)
//   factors with one base merge into a power             (x * x = x^2, x * x^-1 = 1, but
//     with an expression exponent only over a positive rational base: 2^x * 2^y = 2^(x+y))
//   both are sorted by the key order of detail/order.hpp (y*x = x*y)
//   a rational times a sum is distributed                (2*(x + y) = 2*x + 2*y)
//   integer powers distribute over products and nest     ((x*y)^2 = x^2*y^2, (x^a)^2 = x^(2*a))
// Rewrites that are not identities on the reals are not made: (x^2)^(1/2) stays, not x; and a
// merge that would lose an even root keeps its domain with a factor that is 1 where the root's
// base is >= 0 and NaN elsewhere: sqrt(x) * sqrt(x) = x * where_nonnegative(x), which is -4 * NaN
// at x = -4, as the written product is, and not -4. The one exception, stated in README's
// numerical policy: a factor cancelled against itself (x / x = 1, x * x / x = x) is cancelled
// also where it is 0, a removable singularity.
// Trigonometric and other function identities are out of scope (sin^2 + cos^2 stays).
#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

#include "../expression.hpp"
#include "canonical_plans.hpp"
#include "order.hpp"
#include "refusals.hpp"
#include "type_list.hpp"

namespace leibniz::rules {
struct where_nonnegative_fn;  // rules/steps.hpp
struct log_fn;
struct sigmoid_fn;
struct softplus_fn;
}  // namespace leibniz::rules

namespace leibniz::detail {

template <class... Ts> struct make_sum_t;
template <class... Fs> struct make_product_t;
template <class B, class E> struct make_power_t;
template <class Rule, class... Args> struct make_call_t;

template <class... Ts> using make_sum = typename make_sum_t<Ts...>::type;
template <class... Fs> using make_product = typename make_product_t<Fs...>::type;
template <class B, class E> using make_power = typename make_power_t<B, E>::type;
template <class Rule, class... Args> using make_call = typename make_call_t<Rule, Args...>::type;

using zero = constant<rational{0, 1}>;
using one = constant<rational{1, 1}>;
using minus_one = constant<rational{-1, 1}>;

template <class T> inline constexpr bool is_product = false;
template <class... Fs> inline constexpr bool is_product<product_of<Fs...>> = true;

// ---- sums -------------------------------------------------------------------------------

template <class T> struct terms_of { using type = type_list<T>; };
template <class... Ts> struct terms_of<sum_of<Ts...>> { using type = type_list<Ts...>; };

template <class... Fs> struct single_or_product { using type = product_of<Fs...>; };
template <class F> struct single_or_product<F> { using type = F; };

// A term is coefficient * monomial; a bare rational has the monomial 1.
// (the coefficient a member of a base named after it: a static member of term_parts<T> would be
// a variable named after the term, a symbol GCC mangles, combine.hpp)
template <rational R> struct coefficient_is { static constexpr rational coefficient = R; };
template <class T> struct term_parts : coefficient_is<rational{1, 1}> { using monomial = T; };
template <rational R> struct term_parts<constant<R>> : coefficient_is<R> { using monomial = one; };
template <rational R, class F, class... Fs> struct term_parts<product_of<constant<R>, F, Fs...>> : coefficient_is<R> {
    using monomial = typename single_or_product<F, Fs...>::type;
};

// coefficient * monomial, for a monomial taken from term_parts (so never a sum).
template <rational R, class M> struct scale { using type = product_of<constant<R>, M>; };
template <class M> struct scale<rational{1, 1}, M> { using type = M; };
template <rational R> struct scale<R, one> { using type = constant<R>; };
template <> struct scale<rational{1, 1}, one> { using type = one; };
template <rational R, class... Fs> struct scale<R, product_of<Fs...>> { using type = product_of<constant<R>, Fs...>; };
template <class... Fs> struct scale<rational{1, 1}, product_of<Fs...>> { using type = product_of<Fs...>; };

template <class... Ts> struct sum_from_terms { using type = sum_of<Ts...>; };
template <class T> struct sum_from_terms<T> { using type = T; };
template <> struct sum_from_terms<> { using type = zero; };

// What a term brings to a sum's plan (canonical_plans.hpp): a variable, evaluated once per term type.
template <class U>
inline constexpr term_facts term_facts_of = {term_parts<U>::coefficient, key_of<typename term_parts<U>::monomial>()};

// One constant evaluation per sum (factor_plan says why).
template <class List> struct term_plan;
template <class... U> struct term_plan<type_list<U...>> {
    static constexpr sum_plan<sizeof...(U)> value = []() consteval {
        term_facts const facts[] = {term_facts_of<U>...};
        return plan_sum<sizeof...(U)>(facts);
    }
    ();
    // before anything reads the totals: an overflow is refused with a sentence (refusals.hpp)
    using overflow_refused = typename refuse_rational_overflow<value.groups.overflowed>::type;
};

// The sum of the terms List; as given when nothing changes (the common case of a term added to
// a sum), without a class that declares the other: an overload constrained on `unchanged` still
// had the unconstrained one's return type substituted, one at_t per term over the whole list (on
// GCC, overload resolution against one base per term: 3 of 4 s of building a 512-term sum).
template <class List, bool Unchanged = term_plan<List>::value.unchanged> struct collect_terms;
template <class... U> struct collect_terms<type_list<U...>, true> { using type = sum_of<U...>; };
template <class... U> struct collect_terms<type_list<U...>, false> {
    static constexpr auto const& plan = term_plan<type_list<U...>>::value;
    template <std::size_t... G> static auto build(std::index_sequence<G...>) -> typename sum_from_terms<
        typename scale<plan.groups.total[G],
                       typename term_parts<at_t<plan.groups.first[G], type_list<U...>>>::monomial>::type...>::type;
    using type = decltype(build(std::make_index_sequence<plan.groups.count>{}));
};

template <class... Ts> struct make_sum_t {
    using type = typename collect_terms<concat_t<typename terms_of<Ts>::type...>>::type;
};
template <class T> struct make_sum_t<T> { using type = T; };
template <> struct make_sum_t<> { using type = zero; };

// ---- products ---------------------------------------------------------------------------

// The positive rational content of a sum: gcd of its coefficients' numerators over the lcm of
// their denominators (100*b - 100*a^2 has content 100; x/2 + y/3 has content 1/6).
template <class... Ts> constexpr rational content_of() {
    rational coefficients[] = {term_parts<Ts>::coefficient...};
    rational content{0, 1};
    for (auto c : coefficients) content = common_divisor(content, c);
    return content;
}
// sum / content, term by term (the order of terms does not depend on coefficients)
template <rational Content, class... Ts> using primitive_sum =
    sum_of<typename scale<term_parts<Ts>::coefficient / Content, typename term_parts<Ts>::monomial>::type...>;

// A sum entering a product leaves its content with the coefficient, so that equal sums meet as
// equal factors: (100*b - 100*a^2) * (b - a^2) = 100*(b - a^2)^2.
template <class T> struct factors_of { using type = type_list<T>; };
template <class... Fs> struct factors_of<product_of<Fs...>> { using type = type_list<Fs...>; };
template <class... Ts> struct factors_of<sum_of<Ts...>> {
    static constexpr rational content = content_of<Ts...>();
    using type = std::conditional_t<content == rational{1, 1}, type_list<sum_of<Ts...>>,
                                    type_list<constant<content>, primitive_sum<content, Ts...>>>;
};

// A factor is base^exponent; rationals are not factors but go into the coefficient, and all
// share one base that sorts first (a rational base such as 2 in 2^(1/2) must not join them).
struct coefficient_slot {};
template <> struct key<coefficient_slot> { static constexpr std::array<key_token, 1> value{key_constant - 1}; };
template <class T> inline constexpr bool positive_rational = false;
template <rational R> inline constexpr bool positive_rational<constant<R>> = (R.num > 0);
template <class T> struct factor_parts {
    using base = T;
    using exponent = one;
};
template <class B, class E> struct factor_parts<power<B, E>> {
    using base = B;
    using exponent = E;
};
// b^y * b^z = b^(y+z) with expression exponents holds for b > 0, but not for b < 0 (b^(1/2) *
// b^(1/2) = b^1 at -4 is NaN * NaN written, -4 merged) nor at b = 0 (0^-1 * 0^1): such a power
// is a factor of its own, which only its own copies and its reciprocal join ((b^y)^2, and
// b^y / b^y = 1, a factor cancelled against itself). A positive rational base (2^x * 2^y =
// 2^(x+y)) merges. b^(-c*y) is filed as (b^(c*y))^-1, which (b^(c*y))^-1 gives back.
template <class B, class E>
requires(!is_constant<E>::value && !positive_rational<B>) struct factor_parts<power<B, E>> {
    using negative = std::bool_constant<(term_parts<E>::coefficient.num < 0)>;
    using base = std::conditional_t<negative::value, power<B, make_product<minus_one, E>>, power<B, E>>;
    using exponent = std::conditional_t<negative::value, minus_one, one>;
};
template <rational R> struct factor_parts<constant<R>> {
    using base = coefficient_slot;
    using exponent = one;
};

// The base b of a domain factor where_nonnegative(b), whose key a product compares with its
// other bases; key_view{} for any other factor.
template <class T> inline constexpr key_view guarded_base_key{};
template <class B> inline constexpr key_view guarded_base_key<call<rules::where_nonnegative_fn, B>> = key_of<B>();

template <class T> constexpr rational exponent_value() {
    if constexpr (is_constant<T>::value) return T::value;
    else return rational{0, 1};
}

template <class... Fs> struct product_from_factors { using type = product_of<Fs...>; };
template <class F> struct product_from_factors<F> { using type = F; };
template <> struct product_from_factors<> { using type = one; };

// Distribute a rational over a sum: 2*(x + y) = 2*x + 2*y; otherwise coefficient first.
template <rational R, class... Fs> struct with_coefficient { using type = product_of<constant<R>, Fs...>; };
template <rational R, class... Ts> struct with_coefficient<R, sum_of<Ts...>> {
    using type = make_sum<make_product<constant<R>, Ts>...>;
};
template <rational R> struct with_coefficient<R> { using type = constant<R>; };
template <class... Fs> struct with_coefficient<rational{1, 1}, Fs...> : product_from_factors<Fs...> {};
template <class... Fs> struct with_coefficient<rational{0, 1}, Fs...> { using type = zero; };
template <class... Ts> struct with_coefficient<rational{1, 1}, sum_of<Ts...>> { using type = sum_of<Ts...>; };
template <class... Ts> struct with_coefficient<rational{0, 1}, sum_of<Ts...>> { using type = zero; };
template <> struct with_coefficient<rational{1, 1}> { using type = one; };
template <> struct with_coefficient<rational{0, 1}> { using type = zero; };

// What to do with a flattened list of factors: one constant evaluation per product
// (canonical_plans.hpp's plan_product) over what each factor brings, a variable evaluated once
// per factor type, however many products it is in.
template <class U, class Parts = factor_parts<U>>
inline constexpr factor_facts facts_of = {is_constant<U>::value,
                                          is_constant<typename Parts::exponent>::value,
                                          is_constant<U>::value ? exponent_value<U>() : rational{1, 1},
                                          exponent_value<typename Parts::exponent>(),
                                          key_of<typename Parts::base>(),
                                          guarded_base_key<typename Parts::base>};

template <class List> struct factor_plan;
template <class... U> struct factor_plan<type_list<U...>> {
    static constexpr product_plan<sizeof...(U)> value = []() consteval {
        factor_facts const facts[] = {facts_of<U>...};
        return plan_product<sizeof...(U)>(facts);
    }
    ();
    // before anything reads it: an overflow is refused with a sentence (refusals.hpp)
    using overflow_refused =
        typename refuse_rational_overflow<value.coefficient.overflowed || value.groups.overflowed>::type;
};

// The product of the factors List. When nothing merges or folds (the common case: x * y), the
// plan says so and the product is the list as given, without a class that declares the merges:
// a class with member templates cost GCC 1.7 ms per two-factor product, as much again as its plan.
template <class List, bool Unchanged = factor_plan<List>::value.unchanged> struct collect_factors;
template <class... U> struct collect_factors<type_list<U...>, true> {
    using type = typename product_from_factors<U...>::type;
};
template <class... U> struct collect_factors<type_list<U...>, false> {
    using list = type_list<U...>;
    static constexpr auto const& plan = factor_plan<list>::value;

    // The merged factor of group g: its only member, or base^(sum of exponents).
    template <std::size_t G, std::size_t... S> static auto exponent_sum(std::index_sequence<S...>)
        -> make_sum<typename factor_parts<at_t<plan.groups.members[plan.groups.begin[G] + S], list>>::exponent...>;
    template <std::size_t G> static auto merged() {
        using first = at_t<plan.groups.first[G], list>;
        if constexpr (plan.is_rational[plan.groups.first[G]] || plan.absorbed[G]) return type_list<>{};
        else if constexpr (plan.groups.begin[G + 1] - plan.groups.begin[G] == 1) return type_list<first>{};
        else if constexpr (plan.loses_root[G])
            return type_list<make_power<typename factor_parts<first>::base, constant<plan.groups.total[G]>>,
                             make_call<rules::where_nonnegative_fn, typename factor_parts<first>::base>>{};
        else if constexpr (plan.all_rational_exponents[G])
            return type_list<make_power<typename factor_parts<first>::base, constant<plan.groups.total[G]>>>{};
        else
            return type_list<make_power<typename factor_parts<first>::base,
                                        decltype(exponent_sum<G>(std::make_index_sequence<plan.groups.begin[G + 1] -
                                                                                          plan.groups.begin[G]>{}))>>{};
    }
    template <std::size_t... G> static auto merge_all(std::index_sequence<G...>) -> concat_t<decltype(merged<G>())...>;
    using merged_list = decltype(merge_all(std::make_index_sequence<plan.groups.count>{}));

    template <class L> struct finish;
    template <class... M> struct finish<type_list<M...>> {
        // A merge can produce a rational (x * x^-1 = 1), a product ((x*y)^(1/2) squared) or a
        // domain factor out of order: fold once more; the number of factors with a base that
        // loses a root has dropped, so this ends.
        static constexpr bool settled = !plan.any_loses_root && all_of({(!is_constant<M>::value && !is_product<M>)...});
        using type = typename std::conditional_t<settled, with_coefficient<plan.coefficient.value, M...>,
                                                 make_product_t<constant<plan.coefficient.value>, M...>>::type;
    };
    using type = typename finish<merged_list>::type;
};

template <class... Fs> struct make_product_t {
    using type = typename collect_factors<concat_t<typename factors_of<Fs>::type...>>::type;
};
template <class F> struct make_product_t<F> { using type = F; };
template <> struct make_product_t<> { using type = one; };

// ---- powers -----------------------------------------------------------------------------

template <class B, class E> struct make_power_t { using type = power<B, E>; };
template <class B> struct make_power_t<B, zero> { using type = one; };  // x^0 = 1 (also 0^0, as std::pow)
template <class B> struct make_power_t<B, one> { using type = B; };
template <class E> struct make_power_t<one, E> { using type = one; };
template <> struct make_power_t<one, zero> { using type = one; };
template <> struct make_power_t<one, one> { using type = one; };
template <rational R> struct make_power_t<zero, constant<R>> {
    using refused = typename refuse_division_by_exact_zero<(R.num < 0)>::type;
    using type = zero;
};
template <> struct make_power_t<zero, zero> { using type = one; };
template <> struct make_power_t<zero, one> { using type = zero; };
// r^n = exact rational for integer n
template <rational B, rational R>
requires(R.is_integer() && B.num != 0 && B != rational{1, 1} && R.num != 0 &&
         R.num != 1) struct make_power_t<constant<B>, constant<R>> {
    using type = constant<checked_fold<integer_power_or_flag(B, R.num)>::value>;
};
// (b^e)^n = b^(e*n) for integer n, where that keeps the domain: with a rational e, an even
// root that e*n loses keeps its domain factor ((b^(1/2))^2 = b where_nonnegative(b)); with an
// expression e only for n = -1 (b^y is defined for b < 0 where y is an integer, b^(2y) also
// where y is a half-integer)
template <class B, rational E, rational R>
requires(R.is_integer() && R.num != 0 && R.num != 1) struct make_power_t<power<B, constant<E>>, constant<R>> {
    static auto merge() {
        using merged = make_power<B, make_product<constant<E>, constant<R>>>;
        if constexpr (E.den % 2 == 0 && (E * R).den % 2 == 1)
            return make_product<merged, make_call<rules::where_nonnegative_fn, B>>{};
        else return merged{};
    }
    using type = decltype(merge());
};
template <class B, class E>
requires(!is_constant<E>::value) struct make_power_t<power<B, E>, minus_one> {
    using type = make_power<B, make_product<E, minus_one>>;
};
// a domain factor is 1 or NaN: any power of it but the 0th is itself
template <class B, rational R>
requires(R.num != 0) struct make_power_t<call<rules::where_nonnegative_fn, B>, constant<R>> {
    using type = call<rules::where_nonnegative_fn, B>;
};
// (c*s)^n = c^n * s^n for a sum s of content c and integer n
template <class... Ts, rational R>
requires(R.is_integer() && R.num != 0 && R.num != 1 &&
         content_of<Ts...>() != rational{1, 1}) struct make_power_t<sum_of<Ts...>, constant<R>> {
    static constexpr rational content = content_of<Ts...>();
    using type = make_product<constant<checked_fold<integer_power_or_flag(content, R.num)>::value>,
                              make_power<primitive_sum<content, Ts...>, constant<R>>>;
};
// (f*g)^n = f^n * g^n for integer n
template <class... Fs, rational R>
requires(R.is_integer() && R.num != 0 && R.num != 1) struct make_power_t<product_of<Fs...>, constant<R>> {
    using type = make_product<make_power<Fs, constant<R>>...>;
};

// ---- calls of elementary functions ------------------------------------------------------

template <class Rule, class... Args> struct make_call_t { using type = call<Rule, Args...>; };
// f(r) for rationals where the rule knows the exact value (sin 0 = 0, exp 0 = 1, log 1 = 0).
template <class Rule, rational... R>
requires requires { Rule::exact(R...); } &&(Rule::exact(R...).has_value()) struct make_call_t<Rule, constant<R>...> {
    using type = constant<*Rule::exact(R...)>;
};
// log(sigmoid(a)) = -softplus(-a): the same function, finite where sigmoid(a) underflows to 0
// (log(sigmoid(-800)) is -800 and its derivative 1, not -infinity and NaN)
template <class A> struct make_call_t<rules::log_fn, call<rules::sigmoid_fn, A>> {
    using type = make_product<minus_one, make_call<rules::softplus_fn, make_product<minus_one, A>>>;
};
// Symmetric functions take their arguments in canonical order: max(y, x) = max(x, y).
template <class Rule, class A, class B>
requires Rule::symmetric &&
    (precedes<B, A>)&&(!(is_constant<A>::value && is_constant<B>::value)) struct make_call_t<Rule, A, B> {
    using type = make_call<Rule, B, A>;
};
// min(a, a) = max(a, a) = a
template <class Rule, class A>
requires Rule::idempotent &&(!is_constant<A>::value) struct make_call_t<Rule, A, A> {
    using type = A;
};

}  // namespace leibniz::detail
