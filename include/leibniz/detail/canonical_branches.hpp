#pragma once
// The canonical form of conditions and of select, beside canonical.hpp's for numbers:
//   a > b is b < a, a >= b is b <= a            (one spelling per comparison)
//   comparisons of two rationals fold           (1_c > 0_c is truth<true>)
//   a < a is false                              (also for NaN; a <= a is not folded: NaN <= NaN is false)
//   !!c = c, !true = false
//   && and || are flattened, their conditions sorted by the key order and each kept once;
//   true and false are absorbed or decide    (c && true = c, c || true = true)
//   select(true, a, b) = a, select(false, a, b) = b, select(c, a, a) = a,
//   select(!c, a, b) = select(c, b, a)
// Only identities that hold for every value, NaN included, are made: !(a < b) is not b <= a.
#include <cstddef>
#include <type_traits>
#include <utility>

#include "../expression.hpp"
#include "canonical.hpp"
#include "order.hpp"
#include "type_list.hpp"

namespace leibniz::detail {

using true_condition = truth<true>;
using false_condition = truth<false>;

// ---- comparisons ----------------------------------------------------------------------------

template <class A, class B> struct make_less_t { using type = less_than<A, B>; };
template <class A> struct make_less_t<A, A> { using type = false_condition; };
template <rational R, rational S> struct make_less_t<constant<R>, constant<S>> { using type = truth<(R < S)>; };
template <rational R> struct make_less_t<constant<R>, constant<R>> { using type = false_condition; };

template <class A, class B> struct make_less_equal_t { using type = less_or_equal<A, B>; };
template <rational R, rational S> struct make_less_equal_t<constant<R>, constant<S>> { using type = truth<!(S < R)>; };

// a > b and a >= b, operands swapped
template <class A, class B> struct make_greater_t : make_less_t<B, A> {};
template <class A, class B> struct make_greater_equal_t : make_less_equal_t<B, A> {};

// ---- ! ----------------------------------------------------------------------------------------

template <class C> struct make_not_t { using type = not_of<C>; };
template <class C> struct make_not_t<not_of<C>> { using type = C; };
template <bool Value> struct make_not_t<truth<Value>> { using type = truth<!Value>; };

// ---- && and || --------------------------------------------------------------------------------

// The conditions a junction gathers: those of a nested junction of the same kind, none for the
// junction's unit (true for &&, false for ||), the condition itself otherwise.
template <template <class...> class Junction, bool Unit, class C> struct junction_terms { using type = type_list<C>; };
template <template <class...> class Junction, bool Unit, class... Cs>
struct junction_terms<Junction, Unit, Junction<Cs...>> {
    using type = type_list<Cs...>;
};
template <template <class...> class Junction, bool Unit> struct junction_terms<Junction, Unit, truth<Unit>> {
    using type = type_list<>;
};

template <template <class...> class Junction, class... Cs> struct junction_from { using type = Junction<Cs...>; };
template <template <class...> class Junction, class C> struct junction_from<Junction, C> { using type = C; };

// Sorted by key, each condition once (collect groups equal keys; the rationals are unused).
template <template <class...> class Junction, bool Unit, class List> struct sorted_junction;
template <template <class...> class Junction, bool Unit> struct sorted_junction<Junction, Unit, type_list<>> {
    using type = truth<Unit>;
};
template <template <class...> class Junction, bool Unit, class... U>
struct sorted_junction<Junction, Unit, type_list<U...>> {
    static constexpr auto groups = []() consteval {
        key_view keys[] = {key_of<U>()...};
        rational ones[] = {(static_cast<void>(sizeof(U*)), rational{1, 1})...};
        return collect<sizeof...(U)>(keys, ones);
    }
    ();
    template <std::size_t... G> static auto build(std::index_sequence<G...>) ->
        typename junction_from<Junction, at_t<groups.first[G], type_list<U...>>...>::type;
    using type = decltype(build(std::make_index_sequence<groups.count>{}));
};

/// c1 && c2 ... (Unit = true) or c1 || c2 ... (Unit = false): a condition equal to !Unit decides.
template <template <class...> class Junction, bool Unit, class... Cs> struct make_junction_t {
    using terms = concat_t<typename junction_terms<Junction, Unit, Cs>::type...>;
    static constexpr bool decided = any_of({std::is_same_v<Cs, truth<!Unit>>...});
    using type = typename std::conditional_t<decided, std::type_identity<truth<!Unit>>,
                                             sorted_junction<Junction, Unit, terms>>::type;
};
template <class... Cs> struct make_and_t : make_junction_t<and_of, true, Cs...> {};
template <class... Cs> struct make_or_t : make_junction_t<or_of, false, Cs...> {};

// ---- select -----------------------------------------------------------------------------------

template <class C, class A, class B> struct make_select_t {
    static auto pick() {
        if constexpr (std::is_same_v<C, true_condition> || std::is_same_v<A, B>) return std::type_identity<A>{};
        else if constexpr (std::is_same_v<C, false_condition>) return std::type_identity<B>{};
        else return std::type_identity<select_of<C, A, B>>{};
    }
    using type = typename decltype(pick())::type;
};
// select(!c, a, b) = select(c, b, a)
template <class C, class A, class B> struct make_select_t<not_of<C>, A, B> : make_select_t<C, B, A> {};
template <class C, class A, class B> using make_select = typename make_select_t<C, A, B>::type;

}  // namespace leibniz::detail
