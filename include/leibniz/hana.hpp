#pragma once
// Boost.Hana at leibniz's interface, opt-in (#include <leibniz/hana.hpp>), for code that already
// speaks Hana:
//   w[hana::size_c<3>]                   a family member by a Hana integral constant (any
//                                        integral constant works as an index: family.hpp)
//   hana::equal(f, g)                    hana::bool_c: the same canonical form, as f == g
//   outputs(hana::make_tuple(f, g))      the outputs of a jacobian from a hana::tuple
// (Results are std::arrays, which Hana adapts itself: boost/hana/ext/std/array.hpp.)
// Inside, the library does not use Hana: its type-indexed maps are detail/trie.hpp's, measured
// against hana::map there (125 insertions: 15.8 s and 2.2 GiB with GCC 12 against 0.31 s).
// This header costs what its Hana headers cost to parse (README, "Boost.Hana").
#include <boost/hana/bool.hpp>
#include <boost/hana/core/tag_of.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>
#include <type_traits>

#include "equality.hpp"
#include "expression.hpp"
#include "gradient.hpp"

namespace leibniz {

/// Hana's tag of leibniz expressions (hana::tag_of_t<decltype(x * y)>).
struct expression_tag {};

/// outputs(hana::make_tuple(f, g, ...)) is outputs(f, g, ...).
template <class... Fs>
requires(sizeof...(Fs) >= 1 && (Expression<Fs> && ...)) constexpr auto outputs(boost::hana::tuple<Fs...> const& fs) {
    return boost::hana::unpack(fs, [](auto const&... f) { return outputs(f...); });
}

}  // namespace leibniz

namespace boost::hana {

template <class T> struct tag_of<T, when<leibniz::StaticExpression<T>>> { using type = leibniz::expression_tag; };

/// hana::equal(f, g): the same canonical form, a compile-time fact (hana::true_ or hana::false_).
template <> struct equal_impl<leibniz::expression_tag, leibniz::expression_tag> {
    template <class X, class Y> static constexpr auto apply(X const&, Y const&) {
        return hana::bool_c<std::is_same_v<X, Y>>;
    }
};

}  // namespace boost::hana
