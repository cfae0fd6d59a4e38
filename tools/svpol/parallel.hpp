// Parallel processing of a document stream with output in input order (issue: speed).
//
//   process_in_order<std::string>(inputs, opts, jobs,
//       [&](const document& d) { return format(d); },           // on worker threads
//       [&](const document& d, std::string& r) { out << r; });   // on this thread, in order
//
// Documents are read one at a time by a reader thread into a bounded queue; `jobs` workers
// process them; this thread hands results to `consume` in input order. At most 16 × jobs
// documents are in memory at once, whatever the corpus size. The first exception of
// any thread stops the run and is rethrown here.
#pragma once

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "common.hpp"

namespace svpol::cli {

// Progress on stderr for long runs, only when stderr is a terminal: documents, MB, MB/s.
class progress {
 public:
  progress() : tty_(::isatty(2) != 0), start_(clock::now()), last_(start_) {}
  ~progress() {
    if (shown_) std::fputc('\n', stderr);
  }
  void add(std::size_t bytes) {
    ++docs_;
    bytes_ += bytes;
    if (!tty_) return;
    const auto now = clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\rsvpol: %zu documents, %.1f MB, %.1f MB/s   ", docs_, bytes_ / 1e6,
                 secs > 0 ? bytes_ / 1e6 / secs : 0.0);
    shown_ = true;
  }

 private:
  using clock = std::chrono::steady_clock;
  bool tty_, shown_ = false;
  clock::time_point start_, last_;
  std::size_t docs_ = 0;
  double bytes_ = 0;
};

template <class R>
int process_in_order(const std::vector<std::string>& inputs, const common_options& opts,
                     unsigned jobs, const std::function<R(const document&)>& work,
                     const std::function<void(const document&, R&)>& consume) {
  progress shown;
  if (jobs <= 1) {
    return for_each_document(inputs, opts, [&](const document& doc) {
      R r = work(doc);
      consume(doc, r);
      shown.add(doc.text().size());
    });
  }
  using doc_ptr = std::shared_ptr<const document>;
  std::mutex mu;
  // Each kind of thread waits on its own condition: the reader for room, the workers for
  // documents, this thread for the next result. One shared condition woke every thread on
  // every event, which on a machine with as many cores as workers took time from the workers.
  std::condition_variable room, work_ready, result_ready;
  std::deque<std::pair<std::size_t, doc_ptr>> todo;   // read, not yet taken
  std::map<std::size_t, std::pair<doc_ptr, R>> done;  // processed, not yet consumed
  // Documents are small (a speech is a few kB) and take about a millisecond each: a queue of
  // 16 per worker keeps the workers busy while the reader and this thread wait their turn for
  // a core, and the reader, once woken, refills it in one go (it is woken when half of it is
  // free). A bound in documents, not bytes: --max-doc-mb bounds each one.
  const std::size_t capacity = 16 * static_cast<std::size_t>(jobs);
  std::size_t in_flight = 0;  // read and not yet consumed
  std::size_t next = 0;       // the result this thread hands on next
  bool reading = true, failed = false;
  std::exception_ptr error;
  int read_status = ok;

  auto wake_all = [&] {
    room.notify_all();
    work_ready.notify_all();
    result_ready.notify_all();
  };
  auto fail = [&](std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(mu);
    if (!error) error = e;
    failed = true;
    wake_all();
  };

  std::thread reader([&] {
    try {
      std::size_t seq = 0;
      const int st = for_each_document(inputs, opts, [&](document&& doc) {
        auto d = std::make_shared<const document>(std::move(doc));
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return in_flight < capacity || failed; });
        if (failed) throw std::runtime_error("stopped");
        todo.emplace_back(seq++, std::move(d));
        ++in_flight;
        work_ready.notify_one();
      });
      std::lock_guard<std::mutex> lock(mu);
      read_status = st;
    } catch (...) {
      fail(std::current_exception());
    }
    std::lock_guard<std::mutex> lock(mu);
    reading = false;
    wake_all();
  });

  std::vector<std::thread> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        std::pair<std::size_t, doc_ptr> item;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return !todo.empty() || !reading || failed; });
          if (failed || (todo.empty() && !reading)) return;
          item = std::move(todo.front());
          todo.pop_front();
        }
        try {
          R r = work(*item.second);
          std::lock_guard<std::mutex> lock(mu);
          done.emplace(item.first, std::make_pair(std::move(item.second), std::move(r)));
          // The consumer waits only for the next result in order: another does not wake it.
          if (item.first == next) result_ready.notify_one();
        } catch (...) {
          fail(std::current_exception());
          return;
        }
      }
    });
  }

  // Consume in order on this thread.
  for (;;) {
    std::pair<doc_ptr, R> item;
    {
      std::unique_lock<std::mutex> lock(mu);
      result_ready.wait(lock, [&] {
        return failed || done.count(next) || (!reading && todo.empty() && in_flight == 0);
      });
      if (failed) break;
      auto it = done.find(next);
      if (it == done.end()) break;  // all read and consumed
      item = std::move(it->second);
      done.erase(it);
    }
    try {
      consume(*item.first, item.second);
      shown.add(item.first->text().size());
    } catch (...) {
      fail(std::current_exception());
      break;
    }
    item = {};  // free the document and its result before taking the lock
    std::lock_guard<std::mutex> lock(mu);
    --in_flight;
    ++next;
    if (in_flight <= capacity / 2) room.notify_one();
  }
  reader.join();
  for (auto& t : workers) t.join();
  if (error) std::rethrow_exception(error);
  return read_status;
}

// The default for -j: every core.
inline unsigned default_jobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n ? n : 1;
}

}  // namespace svpol::cli
