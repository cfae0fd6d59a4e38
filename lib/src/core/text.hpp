// Private helpers on UTF-8 text shared by several stages.
#pragma once

#include <unicode/utf8.h>

#include <string>
#include <string_view>

namespace svpol::detail {

// The first code point of `s`, or -1 when it is empty.
inline UChar32 first_codepoint(std::string_view s) {
  if (s.empty()) return -1;
  UChar32 c;
  std::size_t i = 0;
  U8_NEXT(s.data(), i, s.size(), c);
  return c;
}

// `s` on one line: tabs and line breaks become spaces (for TSV fields and KWIC lines).
inline std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace svpol::detail
