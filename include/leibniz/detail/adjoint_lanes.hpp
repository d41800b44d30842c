#pragma once
// The adjoints of several roots at once. A Jacobian's rows share most of their graph, and one
// sweep per row repeats every push for every row. A joint sweep carries, for each node, the
// adjoints of a few rows in one vector of the compiler's (GCC's and Clang's vector_size
// extension): a push is one vector multiplication by the local derivative, which is computed
// once, and an addition one vector addition. 16 bytes, one SSE2 register: 2 doubles, 4 floats.
// Other number types (long double, complex numbers, lanes of points, Jets, a user's class)
// sweep row by row, as before.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz::detail {

/// How many rows one sweep takes for number type T.
template <class T> inline constexpr std::size_t adjoint_lanes = 1;
template <> inline constexpr std::size_t adjoint_lanes<double> = 2;
template <> inline constexpr std::size_t adjoint_lanes<float> = 4;

/// The adjoint of Lanes rows in T: T itself for one row, else a vector of Lanes T's (a power of
/// two: adjoint_lanes is one).
template <class T, std::size_t Lanes> struct adjoint_vector {
    typedef T type __attribute__((vector_size(sizeof(T) * Lanes)));
};
template <class T> struct adjoint_vector<T, 1> { using type = T; };
template <class T, std::size_t Lanes> using adjoint_t = typename adjoint_vector<T, Lanes>::type;

/// A adjoint holds one row in T, or several in a vector.
template <class A, class T> inline constexpr bool is_adjoint_vector = !std::is_same_v<A, T>;

/// The seed of lane Lane: 1 there, 0 in the other lanes (built whole: GCC evaluates no write to
/// one lane in a constant expression).
template <class A, class T, std::size_t Lane, std::size_t... L>
[[gnu::always_inline]] constexpr A unit_lane(std::index_sequence<L...>) {
    return A{(L == Lane ? T(1) : T(0))...};
}

/// x in the lanes of Lanes (bit l for lane l), 0 in the others: what a push gives the rows that do
/// not reach the node, which a row's own sweep never visits (0 times an infinite local
/// derivative would be NaN there: outputs(x / y, z) at y = 0 would spoil dz/dx).
template <unsigned Lanes, class A, std::size_t... L>
[[gnu::always_inline]] constexpr A only_lanes(A const& x, std::index_sequence<L...>) {
    using mask = decltype(x == x);
    return mask{((Lanes >> L) & 1u ? -1 : 0)...} ? x : A{};
}

/// The adjoints of a joint sweep as a node that one row alone reaches sees them: that row's lane,
/// read as a T and written as a vector whose other lanes are 0 (what the other rows' own sweeps,
/// which do not visit the node, give). Its pushes are then its row's scalar code: near a root,
/// whose seed is 1, the multiplications by the adjoint fold away again, and no lane is masked.
template <std::size_t Lane, class T, class A, std::size_t K> struct one_lane {
    using value_type = T;
    static constexpr std::size_t lanes = sizeof(A) / sizeof(T);
    template <std::size_t... L> static constexpr A in_lane(T const& x, std::index_sequence<L...>) {
        return A{(L == Lane ? x : T(0))...};
    }
    struct slot {
        A& adjoint;
        [[gnu::always_inline]] constexpr operator T() const { return adjoint[Lane]; }
        [[gnu::always_inline]] constexpr void operator=(T const& x) {
            adjoint = in_lane(x, std::make_index_sequence<lanes>{});
        }
        [[gnu::always_inline]] constexpr void operator+=(T const& x) {
            adjoint += in_lane(x, std::make_index_sequence<lanes>{});
        }
    };
    std::array<A, K>& adjoints;
    [[gnu::always_inline]] constexpr slot operator[](std::size_t i) const { return {adjoints[i]}; }
};

}  // namespace leibniz::detail
