// Misuse of the tape is an exception whose message says what went wrong and what to do.
#include <leibniz/tape.hpp>

#include <optional>

#include <doctest/doctest.h>

namespace tape = leibniz::tape;
using doctest::Contains;

TEST_CASE("tape misuse: creating a var with no live recording") {
    CHECK_THROWS_WITH_AS(tape::var{1.0},
                         "leibniz::tape: a tape::var was created with no live recording on this thread: "
                         "create a leibniz::tape::scope first (leibniz::tape::scope recording;) and make the "
                         "tape::vars inside it",
                         tape::error);
}

TEST_CASE("tape misuse: using a var after its recording ended, with no recording live") {
    std::optional<tape::var> x;
    {
        tape::scope recording;
        x = tape::var{1.0};
    }
    CHECK(x->value() == 1.0);  // the value stays readable
    CHECK_THROWS_WITH_AS(sin(*x), Contains("a tape::var was used with no live recording on this thread"), tape::error);
    CHECK_THROWS_WITH_AS(*x + 1.0, Contains("create a leibniz::tape::scope first"), tape::error);
}

TEST_CASE("tape misuse: using a var of an ended recording inside a newer one") {
    std::optional<tape::var> old;
    {
        tape::scope first;
        old = tape::var{1.0};
    }
    tape::scope second;
    tape::var fresh = 2.0;
    // the ended recording's slot 1 now holds `fresh`: without the check this would be a wrong number
    CHECK_THROWS_WITH_AS(*old * fresh,
                         Contains("a tape::var from another recording was used: its tape::scope "
                                  "has ended, or it belongs to another thread"),
                         tape::error);
    CHECK_THROWS_WITH_AS(fresh * *old, Contains("copy out x.value() to keep a number"), tape::error);
}

TEST_CASE("tape misuse: using a var of an outer recording inside an inner scope") {
    tape::scope outer;
    tape::var x = 1.0;
    tape::scope inner;
    CHECK_THROWS_WITH_AS(exp(x),
                         Contains("a tape::var from an outer recording was used while an inner "
                                  "tape::scope is live"),
                         tape::error);
    CHECK_THROWS_WITH_AS(pow(x, 2.0), Contains("pass it values (x.value()) and make new tape::vars inside it"),
                         tape::error);
}

TEST_CASE("tape misuse: gradient after its recording ended") {
    std::optional<tape::var> x, y;
    {
        tape::scope recording;
        x = tape::var{3.0};
        y = *x * *x;
    }
    CHECK_THROWS_WITH_AS(tape::gradient(*y, *x),
                         "leibniz::tape::gradient: y's recording has ended (its tape::scope was destroyed) or "
                         "belongs to another thread; call gradient while the scope that recorded y is still "
                         "alive, on the same thread",
                         tape::error);
    tape::scope later;  // a new live recording does not revive the old one
    CHECK_THROWS_WITH_AS(tape::gradient(*y, *x), Contains("y's recording has ended"), tape::error);
}

TEST_CASE("tape misuse: gradient of an outer output while an inner scope is live") {
    tape::scope outer;
    tape::var x = 3.0;
    auto y = x * x;
    tape::scope inner;
    CHECK_THROWS_WITH_AS(tape::gradient(y, x),
                         Contains("y belongs to an outer recording, paused while an inner "
                                  "tape::scope is live"),
                         tape::error);
}

TEST_CASE("tape misuse: gradient by a var of another recording") {
    std::optional<tape::var> stranger;
    {
        tape::scope other;
        stranger = tape::var{1.0};
    }
    tape::scope recording;
    tape::var x = 3.0;
    auto y = x * x;
    CHECK_THROWS_WITH_AS(tape::gradient(y, x, *stranger),
                         Contains("input 1 (counting from 0) is a tape::var of another recording than y"), tape::error);
}

TEST_CASE("tape misuse: a scope destroyed out of order ends the recordings inside it") {
    auto outer = std::make_optional<tape::scope>();
    tape::var x = 1.0;
    auto inner = std::make_optional<tape::scope>();
    outer.reset();  // ends the inner recording too
    CHECK_THROWS_WITH_AS(x * 2.0, Contains("no live recording on this thread"), tape::error);
    inner.reset();  // finds its recording ended: nothing to do
    tape::scope fresh;
    tape::var y = 2.0;
    CHECK(tape::gradient(y * y, y)[0] == 4.0);
}
