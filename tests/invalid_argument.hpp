#pragma once
// The message of the std::invalid_argument a call throws: run-time refusals are checked by
// their sentence, not only by their type.
#include <stdexcept>
#include <string>

namespace leibniz_test {

/// What call() throws as std::invalid_argument; "" when it throws nothing.
template <class Call> std::string invalid_argument_from(Call call) {
    try {
        call();
    } catch (std::invalid_argument const& e) {
        return e.what();
    }
    return "";
}

}  // namespace leibniz_test
