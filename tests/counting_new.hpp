#pragma once
// The global operator new and new[] replaced by ones that count their calls, then allocate as
// usual: a test reads `allocations` before and after the code that must not allocate. A
// replacement is one per program: include this in exactly one translation unit of each test
// executable (tests/gradient_allocations.cpp in leibniz_tests, tests/openmp/parallel_batch.cpp
// in leibniz_openmp_tests).
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace counting_new {
inline std::atomic<long> allocations{0};
}  // namespace counting_new

void* operator new(std::size_t size) {
    counting_new::allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc{};
}
void* operator new[](std::size_t size) {
    counting_new::allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc{};
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
