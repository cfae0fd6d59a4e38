#include "svpol/document.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/words.hpp"
#include "svpol/error.hpp"

namespace svpol {

namespace {

constexpr std::size_t block_size = 256;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code points that begin in bytes [begin, end) of valid UTF-8: the bytes that are not
// continuation bytes (10xxxxxx), counted eight at a time. In a word, a byte's bit 6 shifted
// left by one lands on its own bit 7; the continuation bytes are those with bit 7 and without
// bit 6, and multiplying their bits (moved to bit 0) by 0x0101... sums them in the top byte.
std::size_t count_codepoints(std::string_view s, std::size_t begin, std::size_t end) {
  std::size_t cps = 0, i = begin;
  for (; i + 8 <= end; i += 8) {
    const std::uint64_t w = detail::load_word(s.data() + i);
    const std::uint64_t cont = (w & ~(w << 1) & detail::byte_highs) >> 7;
    cps += 8 - static_cast<std::size_t>((cont * detail::byte_ones) >> 56);
  }
  for (; i < end; ++i) cps += !is_continuation(static_cast<unsigned char>(s[i]));
  return cps;
}

// Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t left = s.size() - i;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && is_continuation(at(1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !is_continuation(at(1)) || !is_continuation(at(2))) return 0;
    if (c == 0xE0 && at(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && at(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !is_continuation(at(1)) || !is_continuation(at(2)) || !is_continuation(at(3)))
      return 0;
    if (c == 0xF0 && at(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && at(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// The 1-based line and code point column of `offset`; the text before it is valid UTF-8.
std::pair<std::size_t, std::size_t> position_of(std::string_view s, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (s[i] == '\n') {
      ++line;
      column = 1;
    } else if (!is_continuation(static_cast<unsigned char>(s[i]))) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

void validate_utf8(std::string_view s, const std::string& source) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b != 0 && b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = b == 0 ? 0 : sequence_length(s, i);
    if (n > 0) {
      i += n;
      continue;
    }
    const auto [line, column] = position_of(s, i);
    if (b == 0) {
      throw input_error("NUL byte at byte offset " + std::to_string(i) +
                            " (a binary file, or UTF-16? convert it to UTF-8 text)",
                        source, i, line, column);
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", b);
    throw input_error("invalid UTF-8 at byte offset " + std::to_string(i) + " (byte " + hex +
                          "; Latin-1? try iconv -f latin1 -t utf-8)",
                      source, i, line, column);
  }
}

document document::from_utf8(std::string text, std::string id, svpol::metadata meta) {
  validate_utf8(text, id);
  document d;
  d.text_ = std::move(text);
  d.id_ = std::move(id);
  d.meta_ = std::move(meta);
  d.norm_ = normalize(d.text_);
  d.cp_blocks_.reserve(d.text_.size() / block_size + 1);
  std::size_t cps = 0;
  for (std::size_t b = 0; b < d.text_.size(); b += block_size) {
    d.cp_blocks_.push_back(cps);
    cps += count_codepoints(d.text_, b, std::min(b + block_size, d.text_.size()));
  }
  return d;
}

std::string_view document::meta_value(std::string_view key) const {
  for (const auto& [k, v] : meta_)
    if (k == key) return v;
  return {};
}

std::size_t document::codepoint_offset(std::size_t byte) const {
  if (byte > text_.size()) byte = text_.size();
  if (cp_blocks_.empty()) return 0;  // empty text
  // byte == size at a block boundary falls after the last block: count on from it.
  const std::size_t block = std::min(byte / block_size, cp_blocks_.size() - 1);
  return cp_blocks_[block] + count_codepoints(text_, block * block_size, byte);
}

}  // namespace svpol
