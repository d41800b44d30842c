// var<"w[0]">: a name with brackets would print like a family member; refused, pointing to var_array.
// expect-error: the name of a variable or family cannot contain '\[' or '\]'
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"w[0]"> w0;
    (void)w0;
}
