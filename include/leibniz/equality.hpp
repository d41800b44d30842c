#pragma once
// a == b: same canonical form. Between static expressions it is a std::bool_constant, so
// static_assert(d(x * y, x) == y) proves an identity. With plain numbers inside, the trees
// must match and so must the numbers, compared at run time.
#include <type_traits>

#include "expression.hpp"

namespace leibniz {

/// true_type when a and b have the same canonical form
template <StaticExpression A, StaticExpression B> constexpr auto operator==(A const&, B const&) {
    return std::bool_constant<std::is_same_v<A, B>>{};
}
/// true_type when a and b differ in canonical form
template <StaticExpression A, StaticExpression B> constexpr auto operator!=(A const&, B const&) {
    return std::bool_constant<!std::is_same_v<A, B>>{};
}

template <Expression A, Expression B>
requires(!StaticExpression<A> || !StaticExpression<B>) constexpr bool operator==(A const& a, B const& b) {
    if constexpr (!std::is_same_v<typename detail::tree_of<A>::type, typename detail::tree_of<B>::type>) return false;
    else {
        auto const na = detail::numbers_of(a);
        auto const nb = detail::numbers_of(b);
        for (std::size_t i = 0; i < na.size(); ++i)
            if (!(na[i] == nb[i])) return false;  // double and long double numbers compare as numbers
        return true;
    }
}
template <Expression A, Expression B>
requires(!StaticExpression<A> || !StaticExpression<B>) constexpr bool operator!=(A const& a, B const& b) {
    return !(a == b);
}

}  // namespace leibniz
