// var<"">: a variable needs a name.
// expect-error: needs a name of at least one character
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<""> x;
    (void)x;
}
