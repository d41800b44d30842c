// Random expressions, file 1 of 8 (the batch is split so that each file compiles in budget):
// see random_expressions.hpp.
#include "random_expressions.hpp"

namespace {
constexpr std::uint64_t seed = random_expressions::base_seed + 1;
constexpr std::size_t count = random_expressions::count_per_file;
bool const registered = random_expressions::register_batch<seed>(std::make_index_sequence<count>{});
}  // namespace

TEST_CASE("random expressions, file 1: symbolic and tape derivatives agree at random points") {
    CHECK(registered);
    random_expressions::check_batch<seed, count>();
}

TEST_CASE("random expressions: the eight files together make at least 300 distinct expression types") {
    // every file registers its types before main, so this holds in any test process
    auto requested = random_expressions::requested();
    auto distinct = random_expressions::registry().size();
    CHECK(requested == 8 * random_expressions::count_per_file);
    if (requested >= 320) CHECK(distinct >= 300);
    CHECK(distinct * 10 >= requested * 9);  // a repeat now and then, no more
}
