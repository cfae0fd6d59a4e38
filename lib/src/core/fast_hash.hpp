// Private: a fast hash of a short string, for the tables that every token is looked up in.
#pragma once

#include <bit>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/words.hpp"

namespace svpol::detail {

// FxHash (rustc's) over the 8-byte words of `s`, then a final mix so that the top bits, which
// open-addressing tables take, depend on every byte. Not for untrusted keys that an attacker
// picks to collide; svpol's tables are bounded and probe linearly, so collisions cost time only.
// std::hash (murmur) was 1.3% of an extract run on its own.
inline std::uint64_t fast_hash(std::string_view s) {
  constexpr std::uint64_t k = 0x517cc1b727220a95ull;
  const std::size_t n = s.size();
  std::uint64_t h = n;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) h = (std::rotl(h, 5) ^ load_word(s.data() + i)) * k;
  // The last 1 to 7 bytes: the last word (overlapping the one before), or a short string.
  if (i < n) h = (std::rotl(h, 5) ^ (n >= 8 ? load_word(s.data() + n - 8) : short_word(s))) * k;
  return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ull;
}

// Hashes std::string and std::string_view alike (an unordered container's transparent hash), so
// that a lookup needs no string of its own.
struct text_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return fast_hash(s); }
};

// A filter in front of a set of strings: one bit per value of the top bits of their hashes, in
// `filter` (a power of two of 64-bit words, sized by the first add). A string never added
// mostly finds its bit clear, which one test then says; a set bit says only "maybe".

// The bit of a filter of `words` words for a hash: its top bits. With `words` a constant the
// shift is one.
constexpr std::uint64_t filter_bit(std::uint64_t hash, std::size_t words) {
  return hash >> (64 - std::countr_zero(words * 64));
}

// Sets the bit of a hash already taken, sizing the filter to `words` if it is empty.
inline void filter_set(std::vector<std::uint64_t>& filter, std::size_t words,
                       std::uint64_t hash) {
  if (filter.empty()) filter.resize(words);
  const std::uint64_t bit = filter_bit(hash, filter.size());
  filter[bit / 64] |= 1ull << (bit % 64);
}

inline void filter_add(std::vector<std::uint64_t>& filter, std::size_t words, std::string_view s) {
  filter_set(filter, words, fast_hash(s));
}

// The test of `words` words at `filter`, on a hash already taken (fast_hash of the string), for
// a caller that looks the string up in a table of its own next.
inline bool filter_test(const std::uint64_t* filter, std::size_t words, std::uint64_t hash) {
  const std::uint64_t bit = filter_bit(hash, words);
  return (filter[bit / 64] >> (bit % 64)) & 1;
}

inline bool filter_may_contain(const std::vector<std::uint64_t>& filter, std::uint64_t hash) {
  return !filter.empty() && filter_test(filter.data(), filter.size(), hash);
}

inline bool filter_may_contain(const std::vector<std::uint64_t>& filter, std::string_view s) {
  return !filter.empty() && filter_may_contain(filter, fast_hash(s));
}

}  // namespace svpol::detail
