#pragma once
// Families of variables: var_array<"w", 17> is 17 variables under one name, w[3_c] being
// var<"w", 3>. A family is bound at once from what holds its values: a std::array (kept by
// value), or, read in place, a std::span, a std::vector, leibniz::view<17>(ptr) or a container
// of family_source; and summed over by sum<N>(term), unrolled at compile time into one
// canonical sum.
#include <array>
#include <concepts>
#include <cstddef>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/canonical.hpp"
#include "detail/combine.hpp"
#include "detail/fixed_string.hpp"
#include "detail/size_check.hpp"
#include "detail/type_list.hpp"
#include "evaluate.hpp"
#include "expression.hpp"
#include "literals.hpp"
#include "sum_index.hpp"

namespace leibniz {

template <detail::fixed_string Name, std::size_t Size, class Values> struct family_binding;

/// Customization point: a container the library does not know, bound to a family in place
/// (eigen.hpp specializes it for Eigen's vectors and maps). A specialization has
///     static constexpr bool defined = true;
///     static constexpr std::size_t extent;     // its count if fixed at compile time, else std::dynamic_extent
///     static constexpr std::string_view name;  // what it is, for the sentence of a wrong count
///     static std::span<U const, extent> values(T const&);  // its numbers, contiguous, not copied
/// A fixed count is checked at compile time, a dynamic one when the binding is made.
template <class T> struct family_source { static constexpr bool defined = false; };

namespace detail {

// The position of variable V in the family called Name (-1 when V is not one of its members).
template <class V, fixed_string Name> inline constexpr int family_position = -1;
template <fixed_string Name, int I> inline constexpr int family_position<var<Name, I>, Name> = I;

// A compile-time index: 3_c, or any integral constant, an empty type with an integral
// value_type and a static value: std::integral_constant<std::size_t, 3>, sum_index<3> (what sum<N>
// passes, and what arithmetic on it gives: i + 1_c), Boost.Hana's hana::size_c<3>.
template <class T>
concept integral_constant_like = std::is_empty_v<T> && requires {
    typename T::value_type;
    requires std::is_integral_v<typename T::value_type> && !std::is_same_v<typename T::value_type, bool>;
    { T::value } -> std::convertible_to<typename T::value_type>;
};
template <class T> inline constexpr bool is_compile_time_index = integral_constant_like<T>;
template <rational R> inline constexpr bool is_compile_time_index<constant<R>> = true;

template <class T> inline constexpr long long index_value = 0;
template <integral_constant_like T> inline constexpr long long index_value<T> = static_cast<long long>(T::value);
template <rational R> inline constexpr long long index_value<constant<R>> = R.num;
template <class T> inline constexpr bool index_is_whole = true;
template <rational R> inline constexpr bool index_is_whole<constant<R>> = R.den == 1;

// What a family is bound from: numbers in a std::array, a std::span or a std::vector. A pointer
// is refused with its own sentence (view.hpp's view<N>(ptr) is the spelling).
template <class T> inline constexpr bool binds_a_family = false;
template <Number T, std::size_t M> inline constexpr bool binds_a_family<std::array<T, M>> = true;
template <class T, std::size_t M>
requires Number<std::remove_cv_t<T>>
inline constexpr bool binds_a_family<std::span<T, M>> = true;
template <Number T, class Allocator> inline constexpr bool binds_a_family<std::vector<T, Allocator>> = true;
template <class T>
requires family_source<T>::defined inline constexpr bool binds_a_family<T> = true;

template <fixed_string Name, std::size_t... I> auto family_member_list(std::index_sequence<I...>)
    -> type_list<var<Name, static_cast<int>(I)>...>;

}  // namespace detail

/// The variables of a family, in order: type_list<var<Name, 0>, ..., var<Name, Size - 1>>.
template <detail::fixed_string Name, std::size_t Size> using family_members =
    decltype(detail::family_member_list<Name>(std::make_index_sequence<Size>{}));

/// Size variables under one name; w[3_c] is var<"w", 3>, a variable like any other.
///     constexpr var_array<"w", 17> w;   auto f = w[0_c] * x + w[1_c];   f(w = weights, x = 2.0)
template <detail::fixed_string Name, std::size_t Size> struct var_array {
    static_assert(Size > 0, "leibniz::var_array<\"w\", N>: a family needs at least one variable (N >= 1)");
    static_assert(detail::checked_variable_name<Name>::value);
    static constexpr std::string_view name = Name.view();

    static constexpr std::size_t size() noexcept { return Size; }

    /// w[3_c], or w[i], w[i + 1_c], w[i * 2_c] with i the index sum<N> passes (any compile-time index).
    template <class Index>
    requires detail::is_compile_time_index<Index>
    constexpr auto operator[](Index) const {
        static_assert(detail::index_is_whole<Index>,
                      "leibniz::var_array: the index of a family member must be a whole number, as in w[3_c]");
        static_assert(detail::family_index_in_range<detail::index_value<Index>, Size>::value);
        return var<Name, static_cast<int>(detail::index_value<Index>)>{};
    }
    template <class Index>
    requires(!detail::is_compile_time_index<Index>) constexpr auto operator[](Index) const {
        static_assert(detail::always_false<Index>,
                      "leibniz::var_array: index a family with a compile-time index, w[3_c], or with the i that "
                      "sum<N>([](auto i) { ... }) passes and arithmetic on it with _c numbers, w[i + 1_c], "
                      "w[i * 2_c]; a run-time number cannot choose a variable, and i + 1 with a plain 1 is one");
        return var<Name, 0>{};
    }

    /// w = std::array<double, N>{...} binds every member at once: f(w = weights, x = 1.0).
    template <Number T, std::size_t M> constexpr auto operator=(std::array<T, M> const& values) const {
        static_assert(M == Size, "leibniz::var_array<\"w\", N>: bind the family from an array of exactly N values");
        return family_binding<Name, Size, std::array<T, M>>{values};
    }
    /// w = std::span<double const, N>{...}: the same from a span of static extent (not copied).
    template <class T, std::size_t M>
    requires(Number<std::remove_cv_t<T>>&& M != std::dynamic_extent) constexpr auto operator=(
        std::span<T, M> values) const {
        static_assert(M == Size, "leibniz::var_array<\"w\", N>: bind the family from a span of exactly N values");
        return family_binding<Name, Size, std::span<T, M>>{values};
    }
    /// w = std::array<tape::var, N>{...}: the expression, called so, is one operation of the tape
    /// with the family's members as arguments (tape/kernel.hpp).
    /// (A template, so that std::array<tape::var, N> is not instantiated where tape.hpp, which
    /// completes tape::var, is not included: w = std::array{1.0, 2.0} with family.hpp alone.)
    template <std::same_as<tape::var> V> constexpr auto operator=(std::array<V, Size> const& values) const {
        return family_binding<Name, Size, std::array<V, Size>>{values};
    }
    /// w = std::span<double const>(ptr, n): not copied; throws std::invalid_argument unless n == N.
    template <class T>
    requires Number<std::remove_cv_t<T>>
    constexpr auto operator=(std::span<T> values) const {
        detail::check_family_size(name, Size, values.size(), "std::span of dynamic extent");
        return family_binding<Name, Size, std::span<T, Size>>{std::span<T, Size>(values.data(), Size)};
    }
    /// w = values for a std::vector: not copied (a temporary vector is moved into the binding);
    /// throws std::invalid_argument unless values.size() == N.
    template <Number T, class Allocator> constexpr auto operator=(std::vector<T, Allocator> const& values) const {
        detail::check_family_size(name, Size, values.size(), "std::vector");
        return family_binding<Name, Size, std::span<T const, Size>>{std::span<T const, Size>(values.data(), Size)};
    }
    template <Number T, class Allocator> constexpr auto operator=(std::vector<T, Allocator>&& values) const {
        detail::check_family_size(name, Size, values.size(), "std::vector");
        return family_binding<Name, Size, std::vector<T, Allocator>>{static_cast<std::vector<T, Allocator>&&>(values)};
    }
    /// w = v for a container of family_source (an Eigen vector, with eigen.hpp): not copied.
    template <class T>
    requires family_source<T>::defined constexpr auto operator=(T const& container) const {
        using source = family_source<T>;
        auto const values = source::values(container);
        using U = typename decltype(values)::element_type;
        if constexpr (source::extent != std::dynamic_extent) {
            static_assert(source::extent == Size,
                          "leibniz::var_array<\"w\", N>: bind the family from a container of "
                          "exactly N values (an Eigen vector of fixed size N, or of dynamic "
                          "size, whose count is checked when bound)");
        } else {
            detail::check_family_size(name, Size, values.size(), source::name);
        }
        return family_binding<Name, Size, std::span<U, Size>>{std::span<U, Size>(values.data(), Size)};
    }
    /// w = each_record, w = each_record(&point::position): the family takes each record of
    /// sum_over's data in turn (an array of N numbers, or what binds a family).
    template <class Source>
    requires detail::is_record_source<Source>
    constexpr auto operator=(Source const& source) const {
        return per_record_binding<var_array, decltype(detail::projection_of(source))>{detail::projection_of(source)};
    }
    // w = ptr: refused with a sentence saying to write view<N>(ptr)
    template <class T> constexpr auto operator=(T* const&) const {
        return family_binding<Name, Size, std::array<double, Size>>{{detail::refuse_pointer_binding<var_array, T*>()}};
    }
    // w = 1.0, w = true, w = "text": refused with a sentence
    template <class T>
    requires(!detail::binds_a_family<std::remove_cvref_t<T>> && !std::is_pointer_v<std::remove_cvref_t<T>> &&
             !detail::is_record_source<T>) constexpr auto
    operator=(T const&) const {
        return family_binding<Name, Size, std::array<double, Size>>{{detail::refuse_family_binding<var_array, T>()}};
    }
};

namespace detail {
// a family's members: what its bindings bind (family_binding, and binding.hpp's per_record_binding)
template <class V, fixed_string Name, std::size_t Size>
inline constexpr bool is_variable_of<V, var_array<Name, Size>> = family_position<V, Name> >= 0 &&
                                                                 family_position<V, Name> < static_cast<int>(Size);
template <fixed_string Name, std::size_t Size> struct first_variable_of<var_array<Name, Size>> {
    using type = var<Name, 0>;
};
}  // namespace detail

/// w = values, produced by var_array's assignment: binds var<Name, I> to values[I] for I < Size.
template <detail::fixed_string Name, std::size_t Size, class Values> struct family_binding {
    Values values;
    template <class V> static constexpr bool binds = detail::is_variable_of<V, var_array<Name, Size>>;
    template <class V> [[gnu::always_inline]] constexpr auto const& get() const {  // binding::get says why
        return values[static_cast<std::size_t>(detail::family_position<V, Name>)];
    }
    template <class V> using value_type = std::remove_cv_t<typename Values::value_type>;
    // evaluate.hpp's check for variables bound twice
    using first_variable = typename detail::first_variable_of<var_array<Name, Size>>::type;
};

namespace detail {

template <class... Xs> constexpr auto add_all(Xs const&... xs) {
    if constexpr (sizeof...(Xs) == 0) return 0_c;
    else if constexpr (!any_of({Expression<Xs>...})) {  // plain numbers: a plain sum, in order
        std::common_type_t<Xs...> total{};
        [[maybe_unused]] int in_order[] = {0, (total += xs, 0)...};  // no fold: 256+ terms
        return total;
    } else return combine<make_sum_t>(xs...);  // one canonicalization of all terms, not N growing sums
}

}  // namespace detail

/// term(0) + term(1) + ... + term(N - 1), unrolled at compile time; term receives a
/// compile-time index i (sum_index<i>, a std::integral_constant<std::size_t, i>) usable as w[i],
/// w[i + 1_c] and a[i].
///     auto dot = sum<4>([](auto i) { return w[i] * v[i]; });
template <std::size_t N, class Term> constexpr auto sum(Term const& term) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) { return detail::add_all(term(sum_index<I>{})...); }
    (std::make_index_sequence<N>{});
}

}  // namespace leibniz
