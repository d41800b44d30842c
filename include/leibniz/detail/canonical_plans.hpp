#pragma once
// The canonical form's decisions (canonical.hpp), as constexpr functions over what each term or
// factor brings: its key, its rational coefficient or exponent. One evaluation per sum or
// product decides the groups of like terms or like bases, what they add up to, and whether
// anything changes at all, so that a product costs one class and one variable besides its
// factors' own (a static member per fact cost GCC 75 declarations and 4.8 ms per two-factor
// product, measured on 1,024 of them).
#include <cstddef>

#include "../rational.hpp"
#include "order.hpp"

namespace leibniz::detail {

template <std::size_t N> struct collection_plan {
    std::size_t count = 0;
    std::size_t first[N]{};    // index of the first input of each group
    rational total[N]{};       // sum (sums) or product (coefficients) of the group
    std::size_t members[N]{};  // inputs grouped together, in order
    std::size_t begin[N + 1]{};
    bool overflowed = false;  // a total does not fit intmax_t: refused by the plan
};

// Group inputs with equal keys, in key order; total[] adds up their rationals.
template <std::size_t N> constexpr collection_plan<N> collect(key_view const* keys, rational const* values) {
    std::size_t order[N]{}, scratch[N]{};
    for (std::size_t i = 0; i < N; ++i) order[i] = i;
    sort_by_key(keys, order, scratch, N);
    collection_plan<N> plan{};
    for (std::size_t s = 0; s < N; ++s) {
        std::size_t i = order[s];
        if (plan.count > 0 && compare(keys[plan.first[plan.count - 1]], keys[i]) == 0) {
            plan.total[plan.count - 1] = sum_or_flag(plan.total[plan.count - 1], values[i], plan.overflowed);
        } else {
            plan.begin[plan.count] = s;
            plan.first[plan.count] = i;
            plan.total[plan.count] = values[i];
            ++plan.count;
        }
        plan.members[s] = i;
    }
    plan.begin[plan.count] = N;
    return plan;
}

struct term_facts {
    rational coefficient;
    key_view monomial;
};

template <std::size_t N> struct sum_plan {
    collection_plan<N> groups;  // terms grouped by monomial, cancelled groups dropped
    bool unchanged = false;     // already canonical (sorted, nothing to merge): the sum as given
};
template <std::size_t N> constexpr sum_plan<N> plan_sum(term_facts const* facts) {
    key_view keys[N]{};
    rational coefficients[N]{};
    for (std::size_t i = 0; i < N; ++i) {
        keys[i] = facts[i].monomial;
        coefficients[i] = facts[i].coefficient;
    }
    sum_plan<N> p{collect<N>(keys, coefficients)};
    std::size_t kept = 0;
    for (std::size_t g = 0; g < p.groups.count; ++g)
        if (p.groups.total[g].num != 0) {
            p.groups.first[kept] = p.groups.first[g];
            p.groups.total[kept] = p.groups.total[g];
            ++kept;
        }
    p.groups.count = kept;
    p.unchanged = kept == N;
    for (std::size_t g = 0; g < kept && p.unchanged; ++g)
        if (p.groups.first[g] != g || p.groups.total[g] != coefficients[g]) p.unchanged = false;
    return p;
}

template <std::size_t N> struct product_plan {
    collection_plan<N> groups;            // the factors grouped by base; rationals all share the first group
    folded_rational coefficient{{1, 1}};  // the product of the rational factors, and whether it overflowed
    bool is_rational[N]{};
    bool all_rational_exponents[N]{};  // per group
    // per group: b^(1/2) * b^(1/2) = b only where b >= 0: a group of rational exponents, one of
    // them with an even denominator (NaN for b < 0), whose total has none (defined for b < 0)
    bool loses_root[N]{};
    // per group: where_nonnegative(b) says nothing when b^(p/q) with an even q stays a factor
    // (x * sqrt(x) * sqrt(x) = x^(3/2), however it is grouped)
    bool absorbed[N]{};
    bool unchanged = false;  // sorted, nothing merges or folds: the product as given
    bool any_loses_root = false;
};

struct factor_facts {
    bool is_rational;
    bool rational_exponent;
    rational value;     // a rational factor's value (1 for any other)
    rational exponent;  // the rational exponent (0 for an expression exponent)
    key_view base;
    key_view guarded;  // the base of a domain factor where_nonnegative(b), else empty
};

template <std::size_t N> constexpr product_plan<N> plan_product(factor_facts const* facts) {
    product_plan<N> p{};
    key_view bases[N]{};
    rational exponents[N]{};
    for (std::size_t i = 0; i < N; ++i) {
        p.is_rational[i] = facts[i].is_rational;
        p.coefficient.value = product_or_flag(p.coefficient.value, facts[i].value, p.coefficient.overflowed);
        bases[i] = facts[i].base;
        exponents[i] = facts[i].exponent;
    }
    p.groups = collect<N>(bases, exponents);
    for (std::size_t g = 0; g < p.groups.count; ++g) {
        bool all_rational = true, even_root = false;
        for (std::size_t s = p.groups.begin[g]; s < p.groups.begin[g + 1]; ++s) {
            all_rational = all_rational && facts[p.groups.members[s]].rational_exponent;
            even_root = even_root || exponents[p.groups.members[s]].den % 2 == 0;
        }
        p.all_rational_exponents[g] = all_rational;
        p.loses_root[g] = all_rational && even_root && p.groups.total[g].den % 2 == 1;
        p.any_loses_root = p.any_loses_root || p.loses_root[g];
    }
    for (std::size_t g = 0; g < p.groups.count; ++g) {
        key_view const b = facts[p.groups.first[g]].guarded;
        if (b.size == 0) continue;
        for (std::size_t h = 0; h < p.groups.count; ++h)
            if (compare(bases[p.groups.first[h]], b) == 0 && p.all_rational_exponents[h] &&
                p.groups.total[h].den % 2 == 0)
                p.absorbed[g] = true;
    }
    p.unchanged = p.groups.count == N;
    for (std::size_t g = 0; g < p.groups.count && p.unchanged; ++g)
        if (p.groups.first[g] != g || p.is_rational[g] || p.absorbed[g]) p.unchanged = false;
    return p;
}

}  // namespace leibniz::detail
