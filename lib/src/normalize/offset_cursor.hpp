// Private: offset_map::to_original for spans taken in order, as the tokenizer takes them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "svpol/normalize.hpp"
#include "svpol/span.hpp"

namespace svpol::detail {

// offset_map::to_original without its two binary searches per span: the runs it stops at move
// only forward when the spans come in order. The answers are offset_map's (see its begin_of
// and end_of, which this follows step by step), provided that each call's begin and end are
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
    if (b_ == runs_.size()) return runs_.back().orig_begin + runs_.back().orig_len;
    const offset_map::run& r = runs_[b_];
    if (pos < r.norm_begin) return r.orig_begin;
    return r.identity ? r.orig_begin + (pos - r.norm_begin) : r.orig_begin;
  }

  // The last run that has bytes before pos (offset_map::end_of's lower_bound, minus one).
  std::size_t end_of(std::size_t pos) {
    while (e_ < runs_.size() && runs_[e_].norm_begin < pos) ++e_;
    if (e_ == 0) return 0;
    std::size_t k = e_ - 1;
    while (k != 0 && runs_[k].norm_len == 0) --k;  // deleted runs end nothing
    const offset_map::run& r = runs_[k];
    if (r.norm_len == 0) return 0;
    if (r.identity) return r.orig_begin + std::min(pos - r.norm_begin, r.orig_len);
    return r.orig_begin + r.orig_len;
  }

  const std::vector<offset_map::run>& runs_;
  std::size_t b_ = 0, e_ = 0;  // where begin_of and end_of stopped last
};

}  // namespace svpol::detail
