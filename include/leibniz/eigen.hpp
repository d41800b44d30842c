#pragma once
// Opt-in: Eigen's vectors, matrices and maps where leibniz takes and gives numbers (needs
// Eigen 3.3 or later; not included by leibniz.hpp). A family binds from a contiguous Eigen
// vector in place, w = v, its size checked at compile time when fixed and when bound when
// dynamic; into(J) writes a result into an Eigen matrix, vector or map, of any storage order:
// a fixed size is checked at compile time, a dynamic Matrix is resized, a dynamic Map checked.
//     gradient(f, w).into(g)(w = x);            // Eigen::VectorXd x, g
//     jacobian(outputs(f, g), w).into(J)(w = x); // Eigen::Matrix<double, 2, 3> J, or a Map of Ceres' block
// Include it wherever Eigen objects meet leibniz, before they do: its specializations of
// family_source and result_storage must be seen where a binding or into(...) is instantiated.
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include "family.hpp"
#include "result_storage.hpp"

namespace leibniz {

namespace detail {

/// An Eigen dense object: derived from DenseBase<D>, where D is T itself or, for a class that
/// refines another (VectorBlock, of Block), the one its derived() gives.
template <class T>
concept eigen_dense = requires(T const& t) {
    t.derived();
}
&&std::is_base_of_v<Eigen::DenseBase<std::remove_cvref_t<decltype(std::declval<T const&>().derived())>>, T>;
template <class T> inline constexpr bool is_eigen_dense = eigen_dense<T>;
/// Eigen's compile-time size, Eigen::Dynamic as std::dynamic_extent.
constexpr std::size_t eigen_extent(Eigen::Index size) {
    return size == Eigen::Dynamic ? std::dynamic_extent : static_cast<std::size_t>(size);
}

template <bool Contiguous> struct refuse_eigen_family_source {
    static_assert(Contiguous,
                  "leibniz: a family is bound from an Eigen vector whose numbers lie one after another in memory "
                  "(Eigen::VectorXd, Eigen::Vector3d, Eigen::Map<Eigen::VectorXd const>, a segment of one); this "
                  "one is an expression (a + b), a matrix, or has a stride: evaluate it into a vector first, "
                  "Eigen::VectorXd v = ...; w = v");
    using type = void;
};

template <bool Fits> struct refuse_eigen_result_size {
    static_assert(Fits,
                  "leibniz: into(m) with an Eigen matrix or vector of fixed size: its rows and columns must be "
                  "the result's (a gradient of N is a vector of N, a Jacobian of M outputs by N variables is "
                  "M x N, a Hessian N x N); use that size, or a dynamic size, which is resized (a Matrix) or "
                  "checked when written (a Map)");
    using type = void;
};

template <bool Writable> struct refuse_eigen_result_storage {
    static_assert(Writable,
                  "leibniz: into(m) writes into an Eigen matrix, vector, Map or Ref with writable "
                  "coefficients; this one is an expression or read-only (Eigen::Map<... const>)");
    using type = void;
};

[[noreturn, gnu::cold, gnu::noinline]] inline void throw_eigen_result_size(Eigen::Index rows, Eigen::Index cols,
                                                                           std::size_t want_rows,
                                                                           std::size_t want_cols) {
    throw std::invalid_argument("leibniz: into(m) with an Eigen map of " + std::to_string(rows) + " x " +
                                std::to_string(cols) + " for a result of " + std::to_string(want_rows) + " x " +
                                std::to_string(want_cols) + ": map storage of the result's size");
}

}  // namespace detail

/// Eigen vectors and maps of them as a family's numbers, not copied.
template <class T>
requires detail::is_eigen_dense<T>
struct family_source<T> {
    static constexpr bool defined = true;
    static constexpr bool contiguous = T::IsVectorAtCompileTime && T::InnerStrideAtCompileTime == 1 &&
                                       (Eigen::internal::traits<T>::Flags & Eigen::DirectAccessBit) != 0;
    static constexpr std::size_t extent = detail::eigen_extent(T::SizeAtCompileTime);
    static constexpr std::string_view name = "dynamic-size Eigen vector";
    using scalar = typename T::Scalar;
    static std::span<scalar const, extent> values(T const& v) {
        static_cast<void>(detail::refuse_eigen_family_source<contiguous>{});
        if constexpr (contiguous) return std::span<scalar const, extent>(v.data(), static_cast<std::size_t>(v.size()));
        else
            return std::span<scalar const, extent>(static_cast<scalar const*>(nullptr),
                                                   extent == std::dynamic_extent ? 0 : extent);
    }
};

/// Eigen matrices, vectors, Maps and Refs as storage that into(m) writes a result into.
template <class T>
requires detail::is_eigen_dense<T>
struct result_storage<T> {
    static constexpr bool defined = true;
    static constexpr bool writable = (Eigen::internal::traits<T>::Flags & Eigen::LvalueBit) != 0;

    template <std::size_t Rows, std::size_t Cols, class Entry> static void write(T& out, Entry const& entry) {
        static_cast<void>(detail::refuse_eigen_result_storage<writable>{});
        if constexpr (writable) {
            // a result of one column (a gradient, values) goes into a row vector as well
            constexpr bool as_vector = Cols == 1 && T::IsVectorAtCompileTime;
            constexpr std::size_t rows = detail::eigen_extent(T::RowsAtCompileTime);
            constexpr std::size_t cols = detail::eigen_extent(T::ColsAtCompileTime);
            constexpr std::size_t size = detail::eigen_extent(T::SizeAtCompileTime);
            if constexpr (as_vector) {
                static_cast<void>(detail::refuse_eigen_result_size < size == std::dynamic_extent || size == Rows > {});
            } else {
                static_cast<void>(detail::refuse_eigen_result_size < (rows == std::dynamic_extent || rows == Rows) &&
                                  (cols == std::dynamic_extent || cols == Cols) > {});
            }
            if constexpr (std::is_base_of_v<Eigen::PlainObjectBase<T>, T>) {
                if constexpr (as_vector) out.resize(static_cast<Eigen::Index>(Rows));
                else out.resize(static_cast<Eigen::Index>(Rows), static_cast<Eigen::Index>(Cols));
            } else if (as_vector ? out.size() != static_cast<Eigen::Index>(Rows)
                                 : out.rows() != static_cast<Eigen::Index>(Rows) ||
                                       out.cols() != static_cast<Eigen::Index>(Cols)) {
                detail::throw_eigen_result_size(out.rows(), out.cols(), Rows, Cols);
            }
            for (std::size_t r = 0; r < Rows; ++r)
                for (std::size_t c = 0; c < Cols; ++c) {
                    if constexpr (as_vector) out.coeffRef(static_cast<Eigen::Index>(r)) = entry(r, c);
                    else out.coeffRef(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = entry(r, c);
                }
        }
    }
};

}  // namespace leibniz
