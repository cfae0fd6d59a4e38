// Private: text eight bytes at a time, for the scans and hashes that every token's bytes go
// through: a word loaded from any address, a string of up to seven bytes as one word, and
// whether a word has a zero byte or a given byte.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace svpol::detail {

inline constexpr std::uint64_t byte_ones = 0x0101010101010101ull;   // 0x01 in every byte
inline constexpr std::uint64_t byte_highs = 0x8080808080808080ull;  // 0x80 in every byte

// The eight bytes at `p`, in memory order, from any address.
inline std::uint64_t load_word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// A string of 1 to 7 bytes as one word, by fixed-size loads that may overlap (a byte may be
// read twice): copying a variable number of bytes into a word went through memory and stalled.
inline std::uint64_t short_word(std::string_view s) {
  auto load = [&](std::size_t at, auto word) {
    std::memcpy(&word, s.data() + at, sizeof word);
    return static_cast<std::uint64_t>(word);
  };
  const std::size_t n = s.size();
  if (n >= 4) return load(0, std::uint32_t{}) | load(n - 4, std::uint32_t{}) << 32;
  return load(0, std::uint8_t{}) | load(n / 2, std::uint8_t{}) << 8 |
         load(n - 1, std::uint8_t{}) << 16;
}

// a == b, without a call to memcmp for texts of up to 16 bytes (most words): the tagger looks
// every word token up by its form, and with their 64-bit hashes matching the texts are almost
// always equal, so the compare runs to the end.
inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n >= 8 && n <= 16)
    return load_word(a.data()) == load_word(b.data()) &&
           load_word(a.data() + n - 8) == load_word(b.data() + n - 8);
  if (n >= 1 && n < 8) return short_word(a) == short_word(b);
  return a == b;
}

// Non-zero when some byte of `v` is zero. Exact for the word as a whole, not byte by byte.
constexpr std::uint64_t has_zero_byte(std::uint64_t v) {
  return (v - byte_ones) & ~v & byte_highs;
}

// Non-zero when some byte of `w` is `c`.
constexpr std::uint64_t has_byte(std::uint64_t w, unsigned char c) {
  return has_zero_byte(w ^ (byte_ones * c));
}

// 0x80 in each byte of `w` that is `c` and 0 in the others: exact byte by byte, unlike has_byte
// (no borrow runs from one byte into the next).
constexpr std::uint64_t bytes_equal(std::uint64_t w, unsigned char c) {
  const std::uint64_t x = w ^ (byte_ones * c);
  return ~(((x & ~byte_highs) + ~byte_highs) | x) & byte_highs;
}

}  // namespace svpol::detail
