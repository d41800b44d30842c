// sum_over(data, f, bindings...) with no binding to each_record: every record would give the same
// term, refused with a sentence saying how to bind a variable per record.
// expect-error: bind the variables that change from record to record with each_record
#include <leibniz/leibniz.hpp>
#include <leibniz/sum_over.hpp>

#include <vector>

int main() {
    using namespace leibniz;
    constexpr var<"a"> a;
    constexpr var<"x"> x;
    std::vector<double> const data{1.0, 2.0};
    return static_cast<int>(sum_over(data, a * x, a = 1.0, x = 2.0));
}
