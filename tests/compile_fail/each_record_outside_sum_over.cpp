// f(x = each_record) outside sum_over: a single call has no record, refused with a sentence.
// expect-error: x = each_record binds x to each record of sum_over
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    return static_cast<int>((x * x)(x = each_record));
}
