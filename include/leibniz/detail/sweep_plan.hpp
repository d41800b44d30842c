#pragma once
// The plan of a reverse sweep, worked out at compile time before any code is generated:
// which nodes take part, which push writes each adjoint first, and which rational factors
// of the local derivatives can be carried along as exact numbers instead of being multiplied
// in at run time.
//
// Rational factors. Reverse accumulation multiplies the adjoint by every local derivative on
// the way down: for (3x^2 + 7)^10 that is 10, then 3, then 2x, three multiplications where the
// hand-written 60 x u^9 has one, and the compiler may not fold (a * 10) * 3 into a * 30 (that
// would round differently). So the adjoint a node stores is its true adjoint divided by a
// rational scale known at compile time: a push leaves the local derivative's rational factor
// (the 3 of 3x^2, the R of b^R) in the scale of the operand it writes, and the gradient
// multiplies each variable's adjoint by its scale once, at the end. When consumers reach an
// operand with different scales, the operand takes their common divisor and each contribution
// is multiplied by its ratio to it, an integer. Scales stay small (numerators and denominators
// up to 2^20); a larger factor is multiplied in at run time, as without the plan.
// What a sweep reads of the graph (its links, the active nodes, the nodes it visits) is
// sweep_links.hpp.
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "../expression.hpp"
#include "../rational.hpp"
#include "graph.hpp"
#include "sweep_links.hpp"

namespace leibniz::detail {

/// The most pushes one call (a gradient, or all the rows of a Jacobian or Hessian) forces
/// inline. Below it the sweep is straight-line code in the caller with the adjoints in
/// registers: GCC 12, left to its heuristics, stopped inlining the sweep of a product of 16
/// variables and every adjoint went through memory. Above it the sweep runs in chunks of nodes,
/// each an ordinary function (reverse.hpp's sweep_chunk): forcing thousands of pushes into one
/// function made GCC's inliner quadratic (a 17-parameter network's Hessian, 17 sweeps of 78
/// nodes: 3.8 s -> 15 s to compile), for code that cannot keep its adjoints in registers anyway.
inline constexpr std::size_t forced_inline_pushes = 512;

/// How large a scale's numerator and denominator may grow: products of two such fit in 64
/// bits, and every ratio between scales is exact in a double.
inline constexpr std::intmax_t scale_limit = std::intmax_t{1} << 20;

/// A factor the scales carry exactly; anything larger is multiplied in at run time.
constexpr bool carried_in_scale(rational r) {
    return r.num != 0 && -scale_limit <= r.num && r.num <= scale_limit && r.den <= scale_limit;
}

/// a * b and a / b, without a gcd where a factor is 1 or the two are equal (most pushes): the
/// plan of a 4,593-node graph (a Gaussian mixture's) exceeded Clang's budget of constant
/// evaluation steps (-fconstexpr-steps) in the gcds of multiplying by 1.
constexpr rational scale_times(rational a, rational b) {
    constexpr rational one{1, 1};
    return b == one ? a : a == one ? b : a * b;
}
constexpr rational scale_ratio(rational a, rational b) {
    constexpr rational one{1, 1};
    return a == b ? one : b == one ? a : a / b;
}

/// The common divisor (rational.hpp) of two scales, with a's sign; 0, "no common scale", once
/// their denominators are too large for it to be computed exactly (a scale arriving at a node
/// is at most 2^20 * 2^20).
constexpr rational common_scale(rational a, rational b) {
    constexpr std::intmax_t exact_lcm = std::intmax_t{1} << 31;
    if (a.num == 0 || a.den > exact_lcm || b.den > exact_lcm) return {0, 1};
    if (a == b) return a;
    rational const divisor = common_divisor(a, b);
    return a.num < 0 ? -divisor : divisor;
}

/// A rational factor as the generated code applies it: not at all, as a negation, or as a
/// multiplication by a * b, rounded once to long double where it is applied (a constant there),
/// so that no T loses digits to it. Kept as rationals because a push receives it in a template
/// argument (push_plan), and Clang 14 takes no floating-point template argument.
struct multiplier {
    enum kind_t { none, negate, multiply } kind;
    rational a, b;
};
constexpr multiplier multiplier_of(rational a, rational b = {1, 1}) {
    rational const one{1, 1};
    if (a == one && b == one) return {multiplier::none, one, one};
    if ((a == -one && b == one) || (a == one && b == -one)) return {multiplier::negate, one, one};
    return {multiplier::multiply, a, b};
}
template <class T> [[gnu::always_inline]] constexpr T apply_multiplier(multiplier const& m, T const& x) {
    return m.kind == multiplier::none     ? x
           : m.kind == multiplier::negate ? -x
                                          : x * to_number<T>(m.a.as<long double>() * m.b.as<long double>());
}

/// What the generated code of a sweep reads: each node's scale, which node assigns each
/// adjoint, and the factor of each push.
template <std::size_t Size, std::size_t Links> struct sweep_tables {
    rational scale[Size]{};               // true adjoint = scale * stored adjoint
    multiplier scale_factor[Size]{};      // the scale, for the code
    std::size_t first_writer[Size]{};     // the node whose push assigns the adjoint; Size: none
    multiplier push_factor[Links + 1]{};  // a push along a link is multiplied by this

    /// No plan: every scale 1, every push adds and carries its whole local factor (to_dot's
    /// single steps, and the start of a sweep's plan).
    static constexpr sweep_tables unplanned(link_table<Size, Links> const& links) {
        sweep_tables t{};
        for (std::size_t i = 0; i < Size; ++i) {
            t.scale[i] = {1, 1};
            t.first_writer[i] = Size;
        }
        for (std::size_t p = 0; p < Links; ++p) t.push_factor[p] = multiplier_of(links.factor[p]);
        t.push_factor[Links] = multiplier_of({1, 1});  // every entry written (GCC 12 drops non-zero defaults)
        return t;
    }
};

/// A sweep's counts, in a base named after them (graph_links' link_counts says why).
template <std::size_t Size, std::size_t LinkCount, std::size_t Top, unsigned AllLanes> struct sweep_counts {
    static constexpr std::size_t size = Size, link_count = LinkCount;
    static constexpr std::size_t top = Top;  // the top root: where the sweep starts
    static constexpr unsigned all_lanes = AllLanes;
};
template <class Nodes, std::size_t... Roots> using sweep_counts_of =
    sweep_counts<Nodes::size, graph_links<Nodes>::links, top_root<Roots...>, (1u << sizeof...(Roots)) - 1>;

/// The sweep from Roots of the graph Nodes, differentiating by the variables of Wrt: from one
/// root (a gradient), or from several at once, each seeded in a lane of its own (reverse.hpp's
/// joint sweeps), their adjoints sharing one plan. A root keeps the scale 1 (its seed), and what
/// another root pushes to it is added to the seed.
template <class Nodes_, class Wrt_, std::size_t... Roots> struct sweep : sweep_counts_of<Nodes_, Roots...> {
    using Nodes = Nodes_;
    using Wrt = Wrt_;
    using counts = sweep_counts_of<Nodes_, Roots...>;
    using counts::all_lanes;
    using counts::link_count;
    using counts::size;
    using counts::top;
    static constexpr auto const& links = graph_links<Nodes>::value;
    static constexpr auto const& active = activity<Nodes, Wrt>::active;
    static constexpr auto const& visits = swept<Nodes, Wrt, Roots...>;
    /// Bit l of reaching[i]: the sweep from the l-th root alone visits node i.
    static constexpr auto const& reaching = lanes_reaching<Nodes, Wrt, Roots...>;

    static constexpr sweep_tables<size, link_count> plan = []() consteval {
        auto const& visit = swept<Nodes, Wrt, Roots...>;
        auto t = sweep_tables<size, link_count>::unplanned(links);
        bool reached[size]{};                 // some push (or a seed) has written the adjoint
        bool root[size]{};                    // seeded
        rational common[size]{};              // the common divisor of the scales arriving at each node
        rational arriving[link_count + 1]{};  // the scale a push brings to its operand
        std::size_t uses[size]{};             // how often the node being planned reads each operand
        std::size_t const roots[] = {Roots...};
        for (std::size_t r : roots) reached[r] = root[r] = true;
        // From the top root down: every consumer of a node comes before it, so a node's scale is
        // settled (the common divisor of what arrived) before it pushes to its operands.
        for (std::size_t i = top + 1; i-- > 0;) {
            if (!visit[i]) continue;
            if (!root[i] && carried_in_scale(common[i])) t.scale[i] = common[i];
            // counted once per node, not per operand: a sum of 1,024 terms has a million pairs
            for (std::size_t p = links.begin[i]; p < links.begin[i + 1]; ++p) ++uses[links.operand[p]];
            for (std::size_t p = links.begin[i]; p < links.begin[i + 1]; ++p) {
                std::size_t const operand = links.operand[p];
                if (!active[operand]) continue;
                rational const c = links.factor[p];
                arriving[p] = carried_in_scale(c) ? scale_times(t.scale[i], c) : t.scale[i];
                if (!reached[operand]) {
                    common[operand] = arriving[p];
                    // the first push assigns, when it is the node's only push to the operand
                    // (pow(x, x) and atan2(x, x) push to x twice: both add)
                    if (uses[operand] == 1) t.first_writer[operand] = i;
                } else {
                    common[operand] = common_scale(common[operand], arriving[p]);
                }
            }
            for (std::size_t p = links.begin[i]; p < links.begin[i + 1]; ++p) {
                if (active[links.operand[p]]) reached[links.operand[p]] = true;
                uses[links.operand[p]] = 0;
            }
        }
        // Each push is multiplied by its ratio to the operand's scale, an integer: -2 and -400
        // arriving at x of Rosenbrock's (1 - x)^2 + 100 (y - x^2)^2 give x the scale -2 and the
        // ratios 1 and 200 (not 1/200, which no double holds); and by a factor too large to carry.
        for (std::size_t i = top + 1; i-- > 0;) {
            if (!visit[i]) continue;
            for (std::size_t p = links.begin[i]; p < links.begin[i + 1]; ++p) {
                std::size_t const operand = links.operand[p];
                if (!active[operand]) continue;
                rational const c = links.factor[p];
                t.push_factor[p] =
                    multiplier_of(scale_ratio(arriving[p], t.scale[operand]), carried_in_scale(c) ? rational{1, 1} : c);
            }
        }
        for (std::size_t i = 0; i < size; ++i) t.scale_factor[i] = multiplier_of(t.scale[i]);
        return t;
    }
    ();
};

/// One node's pushes alone, with every factor multiplied in, onto adjoints that start at zero:
/// to_dot's local derivatives.
template <class Nodes_, class Wrt_> struct single_step {
    using Nodes = Nodes_;
    using Wrt = Wrt_;
    static constexpr auto const& links = graph_links<Nodes>::value;
    static constexpr auto const& active = activity<Nodes, Wrt>::active;
    static constexpr auto plan = sweep_tables<Nodes::size, graph_links<Nodes>::links>::unplanned(links);
    static constexpr std::array<bool, Nodes::size> visits = []() consteval {
        std::array<bool, Nodes::size> all{};
        for (bool& v : all) v = true;
        return all;
    }
    ();
    static constexpr unsigned all_lanes = 1;
    static constexpr std::array<unsigned, Nodes::size> reaching = []() consteval {
        std::array<unsigned, Nodes::size> all{};
        for (unsigned& v : all) v = all_lanes;
        return all;
    }
    ();
};

// ---- one node's part of a sweep, as the code generating its pushes receives it -------------

/// Everything one node's reverse step reads, for its K operands in operands<Node>'s order. The
/// step receives it as a template argument instead of the sweep's type, whose name spells the
/// whole graph (type_list.hpp's constant_value says why).
/// One push's part of a node's plan: where it writes, whether it assigns, and its factor.
struct push_target {
    std::size_t operand;
    bool assigns;
    multiplier factor;
    bool some_lanes;  // a joint sweep whose rows do not all reach the node: lanes, bit l for row l
    unsigned lanes;
};

template <std::size_t K> struct push_plan {
    bool swept;                  // the sweep visits this node
    std::size_t self;            // its slot
    std::size_t operand[K + 1];  // + 1: leaves have no operands, and an array cannot be empty
    bool pushes[K + 1];          // the operand is active: its adjoint is wanted
    bool assigns[K + 1];         // this push is the operand's first: assign, do not add
    multiplier factor[K + 1];    // the push's factor (the plan's ratio of scales)
    bool derivative_found;       // f(a): f' is a node of the graph, at derivative_slot
    std::size_t derivative_slot;
    bool some_lanes;  // a joint sweep (reverse.hpp) whose rows do not all reach this node
    unsigned lanes;   // the rows that do, bit l for row l

    constexpr push_target target(std::size_t position) const {
        return {operand[position], assigns[position], factor[position], some_lanes, lanes};
    }
    /// A push of the node's own adjoint (a sum's): 0 in the rows that do not reach the node.
    constexpr push_target copy_target(std::size_t position) const {
        return {operand[position], assigns[position], factor[position], false, lanes};
    }
};

template <class Node, class Nodes> struct derivative_of_call : derivative_found<false, rational{1, 1}, Nodes::size> {};
template <class Rule, class A, class Nodes> struct derivative_of_call<call<Rule, A>, Nodes>
    : derivative_in_graph<Rule, A, Nodes> {};

/// plan_of<Sweep, Node, Self>::value: node Self's push_plan in the sweep Sweep (sweep, or
/// single_step); computed in a base-class argument, so nothing is named after the graph.
template <class Sweep, class Node, std::size_t Self,
          class Positions = std::make_index_sequence<operands<Node>::type::size>>
struct plan_of;
template <class Sweep, class Node, std::size_t Self, std::size_t... P>
struct plan_of<Sweep, Node, Self, std::index_sequence<P...>>
    : constant_value<push_plan<sizeof...(P)>{
          Sweep::visits[Self],
          Self,
          {Sweep::links.operand[Sweep::links.begin[Self] + P]..., 0},
          {Sweep::active[Sweep::links.operand[Sweep::links.begin[Self] + P]]..., false},
          {(Sweep::plan.first_writer[Sweep::links.operand[Sweep::links.begin[Self] + P]] == Self)..., false},
          {Sweep::plan.push_factor[Sweep::links.begin[Self] + P]..., multiplier_of({1, 1})},
          derivative_of_call<Node, typename Sweep::Nodes>::found,
          derivative_of_call<Node, typename Sweep::Nodes>::slot,
          Sweep::reaching[Self] != Sweep::all_lanes,
          Sweep::reaching[Self]}> {};

}  // namespace leibniz::detail
