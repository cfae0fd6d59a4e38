// Private: offset_map::to_original for spans taken in order, as the tokenizer takes them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "svpol/normalize.hpp"
#include "svpol/span.hpp"

namespace svpol::detail {

// What offset_map::begin_of and end_of answer once they have found their run: the map finds it
// by a binary search, offset_cursor by walking forward.
// `k` is the first run that still has bytes at or after pos (runs.size() when none).
inline std::size_t original_begin(const std::vector<offset_map::run>& runs, std::size_t k,
                                  std::size_t pos) {
  if (k == runs.size()) return runs.empty() ? 0 : runs.back().orig_begin + runs.back().orig_len;
  const offset_map::run& r = runs[k];
  // Deleted runs (no normalized bytes) before it: pos belongs to what follows them.
  if (pos < r.norm_begin) return r.orig_begin;
  return r.identity ? r.orig_begin + (pos - r.norm_begin) : r.orig_begin;
}

// `k` is the number of runs that begin before pos; the last of them with bytes ends it.
inline std::size_t original_end(const std::vector<offset_map::run>& runs, std::size_t k,
                                std::size_t pos) {
  if (k == 0) return 0;
  --k;
  while (k != 0 && runs[k].norm_len == 0) --k;  // deleted runs end nothing
  const offset_map::run& r = runs[k];
  if (r.norm_len == 0) return 0;
  if (r.identity) return r.orig_begin + std::min(pos - r.norm_begin, r.orig_len);
  return r.orig_begin + r.orig_len;
}

// offset_map::to_original without its two binary searches per span: the runs it stops at move
// only forward when the spans come in order. The answers are offset_map's (both end in
// original_begin and original_end), provided that each call's begin and end are
// no smaller than the previous call's.
class offset_cursor {
 public:
  explicit offset_cursor(const offset_map& map) : runs_(map.runs()) {}

  byte_span to_original(std::size_t begin, std::size_t end) {
    if (runs_.empty()) return {begin, end};
    if (begin == end) {
      const std::size_t b = begin_of(begin);
      return {b, b};
    }
    return {begin_of(begin), end_of(end)};
  }

 private:
  // The first run that still has bytes at or after pos (offset_map::begin_of's upper_bound).
  std::size_t begin_of(std::size_t pos) {
    while (b_ < runs_.size() && pos >= runs_[b_].norm_begin + runs_[b_].norm_len) ++b_;
    return original_begin(runs_, b_, pos);
  }

  // The runs that begin before pos (offset_map::end_of's lower_bound).
  std::size_t end_of(std::size_t pos) {
    while (e_ < runs_.size() && runs_[e_].norm_begin < pos) ++e_;
    return original_end(runs_, e_, pos);
  }

  const std::vector<offset_map::run>& runs_;
  std::size_t b_ = 0, e_ = 0;  // where begin_of and end_of stopped last
};

}  // namespace svpol::detail
