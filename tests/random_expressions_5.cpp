// Random expressions, file 5 of 8 (the batch is split so that each file compiles in budget):
// see random_expressions.hpp.
#include "random_expressions.hpp"

namespace {
constexpr std::uint64_t seed = random_expressions::base_seed + 5;
constexpr std::size_t count = random_expressions::count_per_file;
bool const registered = random_expressions::register_batch<seed>(std::make_index_sequence<count>{});
}  // namespace

TEST_CASE("random expressions, file 5: symbolic and tape derivatives agree at random points") {
    CHECK(registered);
    random_expressions::check_batch<seed, count, true>();  // and in lanes
}
