// Invariants the fuzz targets check after every input: a failed check prints what broke and
// abort()s, which libFuzzer reports as a crash with the input that caused it.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "svpol/error.hpp"

namespace svpol::fuzz {

[[noreturn]] inline void fail(const char* what, std::size_t a = 0, std::size_t b = 0) {
  std::fprintf(stderr, "invariant failed: %s (%zu, %zu)\n", what, a, b);
  std::abort();
}

inline void require(bool ok, const char* what, std::size_t a = 0, std::size_t b = 0) {
  if (!ok) fail(what, a, b);
}

inline bool on_boundary(std::string_view s, std::size_t i) {
  return i == s.size() || (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80);
}

// The number of lines of `s` (a final line without '\n' counts; an empty text has one).
inline std::size_t line_count(std::string_view s) {
  std::size_t n = 1;
  for (char c : s) n += c == '\n';
  return n;
}

// The code point length of line `line` (1-based) of `s`.
inline std::size_t line_length(std::string_view s, std::size_t line) {
  std::size_t begin = 0;
  for (std::size_t l = 1; l < line; ++l) {
    begin = s.find('\n', begin);
    if (begin == std::string_view::npos) return 0;
    ++begin;
  }
  std::size_t end = s.find('\n', begin);
  if (end == std::string_view::npos) end = s.size();
  std::size_t n = 0;
  for (std::size_t i = begin; i < end; ++i) n += on_boundary(s, i);
  return n;
}

// An input_error about `input` must point inside it: byte offset within, line and column (when
// given; 0 is unknown) on an existing line, the column at most one past its end.
inline void check_position(const svpol::input_error& e, std::string_view input) {
  require(e.byte_offset <= input.size(), "input_error byte offset beyond the input", e.byte_offset,
          input.size());
  if (e.line == 0) return;
  require(e.line <= line_count(input), "input_error line beyond the input", e.line,
          line_count(input));
  require(e.column <= line_length(input, e.line) + 1, "input_error column beyond its line",
          e.column, line_length(input, e.line));
  require(std::string_view(e.what()).size() > 0, "input_error without a message");
}

}  // namespace svpol::fuzz
