// Boost.Hana at the interface (leibniz/hana.hpp): hana::equal on expressions, a hana::tuple of
// outputs for jacobian.
#include <doctest/doctest.h>

#include <boost/hana/equal.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <leibniz/hana.hpp>
#include <leibniz/leibniz.hpp>
#include <array>
#include <type_traits>

namespace hana = boost::hana;
using namespace leibniz::literals;

namespace {
constexpr leibniz::var<"x"> x;
constexpr leibniz::var<"y"> y;
}  // namespace

static_assert(hana::equal(x * y, y* x) && !hana::equal(x * y, x + y));
static_assert(hana::equal(leibniz::d(sin(x * x), x), 2_c * x * cos(x * x)));
static_assert(std::is_same_v<hana::tag_of_t<decltype(sin(x))>, leibniz::expression_tag>);
static_assert(std::is_same_v<decltype(hana::equal(x, y)), hana::false_>);

TEST_CASE("a hana::tuple of outputs gives the Jacobian of its expressions") {
    auto const j = leibniz::jacobian(leibniz::outputs(hana::make_tuple(x * y, sin(x) + y)), x, y)(x = 2.0, y = 3.0);
    CHECK(j[0][0] == 3.0);
    CHECK(j[0][1] == 2.0);
    CHECK(j[1][0] == doctest::Approx(std::cos(2.0)));
    CHECK(j[1][1] == 1.0);
}

TEST_CASE("a family member by a Hana integral constant") {
    constexpr leibniz::var_array<"w", 4> w;
    static_assert(std::is_same_v<decltype(w[hana::size_c<3>]), decltype(w[3_c])>);
    static_assert(std::is_same_v<decltype(w[hana::int_c<1>]), decltype(w[std::integral_constant<int, 1>{}])>);
    CHECK((w[hana::size_c<2>] * x)(w = std::array{1.0, 2.0, 3.0, 4.0}, x = 2.0) == 6.0);
}
