#pragma once
// The library's own total order on expressions, the same on every compiler.
// Each node type gets a key: its tree written out as an array of integers, which no other tree
// writes the same way (each node's operands closed by key_end, below). Keys are
// compared lexicographically in constexpr functions, so sorting a sum costs no template
// instantiations per comparison. A power's key starts with its base's key, so x, x^2 and
// x^3 sort together; kinds are ordered constants < runtime numbers < variables < calls <
// selects < conditions < sums < products (the relative order of the older kinds unchanged
// when branches came: no canonical form moved).
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "../expression.hpp"
#include "rule_identity.hpp"

namespace leibniz::detail {

using key_token = long long;
enum : key_token {
    key_constant = -16,
    key_named = -15,
    key_runtime = -14,
    key_variable = -13,
    key_call = -12,
    key_select = -11,
    key_truth = -10,
    key_less = -9,
    key_less_equal = -8,
    key_not = -7,
    key_and = -6,
    key_or = -5,
    key_sum = -3,
    key_product = -2,
    key_power_suffix = -1,
    key_end = -20,
};

// (the total length of N parts: type_list.hpp's total_length, a loop)
template <std::size_t... N>
constexpr std::array<key_token, total_length({N...})> join(std::array<key_token, N> const&... parts) {
    std::array<key_token, total_length({N...})> out{};
    std::size_t at = 0;
    auto copy = [&](auto const& part) {
        for (auto t : part) out[at++] = t;
    };
    [[maybe_unused]] int in_order[] = {0, (copy(parts), 0)...};
    return out;
}

template <std::size_t N> constexpr std::array<key_token, N + 1> text_key(std::string_view text) {
    std::array<key_token, N + 1> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = static_cast<unsigned char>(text[i]);
    out[N] = 0;
    return out;
}

template <class T> struct key;

// Every key that ends with an operand's key is closed by key_end, so that no key is the start of
// another's operands: without it, (x + y)^2 and x + y^2 both read "sum of 2: x, y, ^, 2", and a
// sum took z (x + y)^2 + z (x + y^2) for 2 z (x + y)^2 (and (x^y)^2 for x^(y^2)). key_end is
// below every other token, so a node sorts before its own powers, as without it (x < x^2 < x^3).
inline constexpr std::array<key_token, 1> end_key{key_end};

template <rational R> struct key<constant<R>> {
    static constexpr std::array<key_token, 3> value{key_constant, R.num, R.den};
};
template <class Tag> struct key<named_constant<Tag>> {
    static constexpr auto value = join(std::array<key_token, 1>{key_named}, text_key<Tag::name.size()>(Tag::name));
};
template <std::size_t K> struct key<runtime_constant<K>> {
    static constexpr std::array<key_token, 2> value{key_runtime, static_cast<key_token>(K)};
};
template <fixed_string Name, int I> struct key<var<Name, I>> {
    static constexpr auto value =
        join(std::array<key_token, 1>{key_variable}, text_key<Name.size()>(Name.view()), std::array<key_token, 1>{I});
};
template <class Rule, class... Args> struct key<call<Rule, Args...>> {
    // by the rule's identity (rule_identity.hpp): a user's "sin" is not leibniz's sin
    static constexpr auto value =
        join(std::array<key_token, 1>{key_call}, text_key<rule_identity<Rule>::size>(rule_identity<Rule>::view()),
             key<Args>::value..., end_key);
};
template <class... Ts> struct key<sum_of<Ts...>> {
    static constexpr auto value =
        join(std::array<key_token, 2>{key_sum, static_cast<key_token>(sizeof...(Ts))}, key<Ts>::value..., end_key);
};
template <class... Fs> struct key<product_of<Fs...>> {
    static constexpr auto value =
        join(std::array<key_token, 2>{key_product, static_cast<key_token>(sizeof...(Fs))}, key<Fs>::value..., end_key);
};
template <class B, class E> struct key<power<B, E>> {
    static constexpr auto value =
        join(key<B>::value, std::array<key_token, 1>{key_power_suffix}, key<E>::value, end_key);
};

template <bool Value> struct key<truth<Value>> { static constexpr std::array<key_token, 2> value{key_truth, Value}; };
template <class A, class B> struct key<less_than<A, B>> {
    static constexpr auto value = join(std::array<key_token, 1>{key_less}, key<A>::value, key<B>::value, end_key);
};
template <class A, class B> struct key<less_or_equal<A, B>> {
    static constexpr auto value = join(std::array<key_token, 1>{key_less_equal}, key<A>::value, key<B>::value, end_key);
};
template <class C> struct key<not_of<C>> {
    static constexpr auto value = join(std::array<key_token, 1>{key_not}, key<C>::value, end_key);
};
template <class... Cs> struct key<and_of<Cs...>> {
    static constexpr auto value =
        join(std::array<key_token, 2>{key_and, static_cast<key_token>(sizeof...(Cs))}, key<Cs>::value..., end_key);
};
template <class... Cs> struct key<or_of<Cs...>> {
    static constexpr auto value =
        join(std::array<key_token, 2>{key_or, static_cast<key_token>(sizeof...(Cs))}, key<Cs>::value..., end_key);
};
template <class C, class A, class B> struct key<select_of<C, A, B>> {
    static constexpr auto value =
        join(std::array<key_token, 1>{key_select}, key<C>::value, key<A>::value, key<B>::value, end_key);
};

/// A view of a key, comparable without knowing its length at compile time.
struct key_view {
    key_token const* data;
    std::size_t size;
};
template <class T> constexpr key_view key_of() { return {key<T>::value.data(), key<T>::value.size()}; }

constexpr int compare(key_view a, key_view b) {
    std::size_t n = a.size < b.size ? a.size : b.size;
    for (std::size_t i = 0; i < n; ++i)
        if (a.data[i] != b.data[i]) return a.data[i] < b.data[i] ? -1 : 1;
    return a.size == b.size ? 0 : (a.size < b.size ? -1 : 1);
}

/// Stable merge sort of order[0..n) by keys[order[i]]; one non-template function for every list.
constexpr void sort_by_key(key_view const* keys, std::size_t* order, std::size_t* scratch, std::size_t n) {
    for (std::size_t width = 1; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            std::size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            std::size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                scratch[k++] = compare(keys[order[j]], keys[order[i]]) < 0 ? order[j++] : order[i++];
            while (i < mid) scratch[k++] = order[i++];
            while (j < hi) scratch[k++] = order[j++];
        }
        for (std::size_t i = 0; i < n; ++i) order[i] = scratch[i];
    }
}

template <class A, class B> inline constexpr bool precedes = compare(key_of<A>(), key_of<B>()) < 0;

}  // namespace leibniz::detail
