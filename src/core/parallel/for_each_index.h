// for_each_index.h — a loop whose iterations run on a few threads: what reading a project
// folder, counting agreement and reporting on many documents share. Each iteration writes
// only its own slot of a result the caller sized beforehand, so results never depend on the
// number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace claimmark {

// Calls fn(0) ... fn(count - 1), each once, on up to `threads` threads (the calling thread
// among them). The first exception thrown stops the handing out and is rethrown here.
// Threads: 0 = one per core (at most 8), 1 = only the calling thread.
template <class Fn>
void forEachIndex(std::size_t count, unsigned threads, const Fn& fn) {
    if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    if (count < threads) threads = static_cast<unsigned>(std::max<std::size_t>(count, 1));
    if (threads == 1) {
        for (std::size_t i = 0; i < count; ++i) fn(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex errorMutex;
    std::exception_ptr error;
    auto work = [&] {
        try {
            for (std::size_t i; !stop.load(std::memory_order_relaxed) && (i = next.fetch_add(1)) < count;) fn(i);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(errorMutex);
            if (!error) error = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones running share the work
        }
    }
    work();
    for (std::thread& thread : pool) thread.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace claimmark
