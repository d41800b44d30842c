#pragma once
// The recording: a flat arena of nodes per thread, addressed by index (a Wengert list).
// Each node holds its value and the local partials to at most two parents (a kernel's node
// many, in a side array), so the reverse
// sweep is one loop over the arena, with no virtual call and no pointer chasing. Recordings
// nest as a stack per thread; an ended recording keeps its arena's capacity for the next one,
// so a warm thread records without allocating.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "../concepts.hpp"

namespace leibniz::tape {

/// What the tape throws when it is misused; the message says what went wrong and what to do.
class error : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

class var;
class scope;

namespace detail {

using index = std::uint32_t;

/// One recorded operation. Inputs and unary operations point their unused parents at the
/// sink (slot 0) with partial 0, so the sweep needs no branch on the number of parents.
struct node {
    double value;
    index parent[2];
    double partial[2];
};

inline constexpr index sink = 0;

/// A node of many parents (a leibniz kernel called with tape::vars, tape/kernel.hpp) has
/// parent[0] = fan_in, its parents and partials in the recording's `fan_parents` and
/// `fan_partials` from parent[1] on, and their count in partial[0] (a whole number, exact in a
/// double): one node however many arguments, and a sweep over it with no chain of dependent
/// adjoints.
inline constexpr index fan_in = std::numeric_limits<index>::max();

struct recording {
    std::uint64_t id = 0;  // 0: not live
    std::vector<node> nodes;
    // a kernel's parents and partials in two arrays: 12 bytes an argument, where a struct of an
    // index and a double is padded to 16 (the hybrid loop of bench/gmm_data_large records 1,650
    // arguments a point)
    std::vector<index> fan_parents;
    std::vector<double> fan_partials;
    std::vector<double> adjoints;
};

/// The recordings of one thread: levels[0, depth) are live, the innermost last. Levels past
/// depth are ended recordings kept only for their capacity.
struct thread_recordings {
    std::vector<recording> levels;
    std::size_t depth = 0;
};

inline thread_recordings& this_thread() {
    static thread_local thread_recordings recordings;
    return recordings;
}

// Ids are unique across threads, so a var carried to another thread is never taken for one
// of that thread's own recordings.
inline std::uint64_t new_recording_id() {
    static std::atomic<std::uint64_t> last{0};
    return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

[[noreturn]] inline void throw_not_live(std::uint64_t id) {
    auto& t = this_thread();
    if (t.depth == 0)
        throw error(
            "leibniz::tape: a tape::var was used with no live recording on this thread: create a "
            "leibniz::tape::scope first (leibniz::tape::scope recording;) and keep it alive while "
            "the variables are in use");
    for (std::size_t level = 0; level + 1 < t.depth; ++level)
        if (t.levels[level].id == id)
            throw error(
                "leibniz::tape: a tape::var from an outer recording was used while an inner "
                "tape::scope is live: the inner scope is a fresh recording, so pass it values "
                "(x.value()) and make new tape::vars inside it");
    throw error(
        "leibniz::tape: a tape::var from another recording was used: its tape::scope has ended, "
        "or it belongs to another thread; a tape::var is valid only while the scope that made it "
        "is the innermost live one on its thread (copy out x.value() to keep a number)");
}

/// The live innermost recording, which must be the one with this id.
inline recording& live(std::uint64_t id) {
    auto& t = this_thread();
    if (t.depth == 0 || t.levels[t.depth - 1].id != id) throw_not_live(id);
    return t.levels[t.depth - 1];
}

/// The innermost live recording, whichever it is.
inline recording& innermost() {
    auto& t = this_thread();
    if (t.depth == 0)
        throw error(
            "leibniz::tape: a tape::var was created with no live recording on this thread: "
            "create a leibniz::tape::scope first (leibniz::tape::scope recording;) and make the "
            "tape::vars inside it");
    return t.levels[t.depth - 1];
}

inline index push(recording& r, double value, index p0, double d0, index p1, double d1) {
    if (r.nodes.size() > std::numeric_limits<index>::max())
        throw error(
            "leibniz::tape: a recording holds at most 2^32 operations; end the scope and start "
            "a new one (a tape::scope per evaluation) before it grows that long");
    r.nodes.push_back(node{value, {p0, p1}, {d0, d1}});
    return static_cast<index>(r.nodes.size() - 1);
}

/// A fan-in node of value `value` whose parents are parents[k], with partials[k], k < count.
template <class Partial>
index push_fan_in(recording& r, double value, std::size_t count, index const* parents, Partial const* partials) {
    std::size_t const start = r.fan_parents.size();
    if (start + count > std::numeric_limits<index>::max())
        throw error(
            "leibniz::tape: a recording holds at most 2^32 arguments of kernels; end the scope and "
            "start a new one (a tape::scope per evaluation) before it grows that long");
    index const at = push(r, value, fan_in, static_cast<double>(count), static_cast<index>(start), 0.0);
    // appended as ranges, so the arrays grow geometrically: reserve(start + count), which
    // allocates exactly that much, made a thread's first recording copy them at every kernel
    // call (4,000 calls of a 256-argument kernel: 17.8 s instead of 6 ms; tests/tape_kernel.cpp)
    r.fan_parents.insert(r.fan_parents.end(), parents, parents + count);
    if constexpr (std::is_same_v<Partial, double>)
        r.fan_partials.insert(r.fan_partials.end(), partials, partials + count);
    else {
        r.fan_partials.resize(start + count);
        for (std::size_t k = 0; k < count; ++k) r.fan_partials[start + k] = static_cast<double>(partials[k]);
    }
    return at;
}

struct access;

}  // namespace detail

/// A fresh recording on this thread, ended by the destructor. Scopes nest: an inner scope is a
/// fresh recording, and the outer one resumes when it ends.
///     leibniz::tape::scope recording;
class scope {
public:
    scope() : scope(0) {}
    /// Reserves room for this many operations up front (capacity is reused anyway).
    explicit scope(std::size_t expected_operations) : id_(detail::new_recording_id()) {
        auto& t = detail::this_thread();
        if (t.depth == t.levels.size()) t.levels.emplace_back();
        level_ = t.depth;
        auto& r = t.levels[level_];
        r.id = id_;
        r.nodes.clear();
        r.fan_parents.clear();
        r.fan_partials.clear();
        r.nodes.reserve(expected_operations + 1);
        r.nodes.push_back(detail::node{0.0, {detail::sink, detail::sink}, {0.0, 0.0}});
        ++t.depth;
    }
    scope(scope const&) = delete;
    scope& operator=(scope const&) = delete;

    // Ends this recording and any inner one still live (only possible for scopes not on the
    // stack); an inner scope destroyed later finds its recording ended and does nothing.
    ~scope() {
        auto& t = detail::this_thread();
        if (level_ >= t.depth || t.levels[level_].id != id_) return;
        for (std::size_t level = level_; level < t.depth; ++level) {
            t.levels[level].id = 0;
            t.levels[level].nodes.clear();
            t.levels[level].fan_parents.clear();
            t.levels[level].fan_partials.clear();
        }
        t.depth = level_;
    }

    /// Operations recorded so far, inputs included.
    std::size_t size() const { return detail::this_thread().levels[level_].nodes.size() - 1; }
    /// Operations this recording can hold before its arena grows.
    std::size_t capacity() const { return detail::this_thread().levels[level_].nodes.capacity() - 1; }

private:
    std::uint64_t id_;
    std::size_t level_ = 0;
};

/// A recorded value: a number and its position in the live recording of this thread.
///     leibniz::tape::var a = 1.0;     // an input of the recording
class var : private found_by_leibniz_lookup {  // concepts.hpp says why
public:
    /// A new input, recorded in the innermost live recording of this thread.
    var(double value) : value_(value) {
        auto& r = detail::innermost();
        at_ = detail::push(r, value, detail::sink, 0.0, detail::sink, 0.0);
        recording_ = r.id;
    }
    /// An input of value 0, as double{} is 0.
    var() : var(0.0) {}

    /// The value; readable at any time, also after the recording ended.
    double value() const noexcept { return value_; }

private:
    friend struct detail::access;
    var(double value, detail::index at, std::uint64_t recording) noexcept
        : value_(value), at_(at), recording_(recording) {}

    double value_;
    detail::index at_ = 0;
    std::uint64_t recording_ = 0;
};

namespace detail {
/// The private parts of var, for the operations of the tape.
struct access {
    static index at(var const& x) noexcept { return x.at_; }
    static std::uint64_t recording_of(var const& x) noexcept { return x.recording_; }
    static var make(double value, index at, std::uint64_t recording) noexcept { return var(value, at, recording); }
};
}  // namespace detail

}  // namespace leibniz::tape
