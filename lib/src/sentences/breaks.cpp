// UAX #29 sentence boundaries, decided only where one can be.
//
// Running ICU's sentence BreakIterator over a document costs about 60 % of its word-break pass,
// although a sentence boundary can only follow a paragraph separator (SB4) or a run that starts
// at a sentence terminator: `SATerm Close* Sp* ParaSep?` (SB11). The rules that keep such a run
// from ending a sentence (SB6 to SB8a) look one character back and a few forward. So the text is
// scanned for terminators and separators, byte by byte, and the rules are applied at each one,
// with ICU's Sentence_Break property of each character they look at. ICU's random access
// (following() at each terminator) is no help: its sentence rules back up to the previous
// paragraph separator to resynchronize, which measured twice as slow as iterating the whole text.
// tests/unit/sentences_test.cpp compares the result with ICU's iterator on random text.
#include "sentences/breaks.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace svpol::detail {

namespace {

// ICU's Sentence_Break value of every ASCII character (none of them is Extend or Format).
const std::array<std::uint8_t, 128> ascii_class = [] {
  std::array<std::uint8_t, 128> t{};
  for (UChar32 c = 0; c < 128; ++c)
    t[c] = static_cast<std::uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
  return t;
}();

int sb_class(UChar32 c) {
  if (c >= 0 && c < 0x80) return ascii_class[c];
  // An ill-formed sequence reads as U+FFFD in ICU's UText, whose class is Other.
  return c < 0 ? U_SB_OTHER : u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
}

bool is_sep(int cls) { return cls == U_SB_SEP || cls == U_SB_CR || cls == U_SB_LF; }
bool is_saterm(int cls) { return cls == U_SB_ATERM || cls == U_SB_STERM; }
bool is_ext(int cls) { return cls == U_SB_EXTEND || cls == U_SB_FORMAT; }

// What a byte can start: 0 nothing to look at, 1 an ASCII terminator or separator, 2 a
// multi-byte character that may be one. Of the two-byte characters only a few are (U+0085 and
// some terminators of other scripts); their lead bytes are marked by asking ICU about each
// character. Every lead byte of a longer character is marked, and its character looked up.
const std::array<std::uint8_t, 256> byte_kind = [] {
  std::array<std::uint8_t, 256> t{};
  for (int b = 0; b < 128; ++b) {
    const int cls = ascii_class[static_cast<std::size_t>(b)];
    t[static_cast<std::size_t>(b)] = is_sep(cls) || is_saterm(cls) ? 1 : 0;
  }
  for (int lead = 0xC2; lead <= 0xDF; ++lead)
    for (UChar32 c = (lead - 0xC0) << 6; c < ((lead - 0xC0) << 6) + 64; ++c) {
      const int cls = sb_class(c);
      if (is_sep(cls) || is_saterm(cls)) t[static_cast<std::size_t>(lead)] = 2;
    }
  for (int lead = 0xE0; lead <= 0xF4; ++lead) t[static_cast<std::size_t>(lead)] = 2;
  return t;
}();

class scanner {
 public:
  explicit scanner(std::string_view text) : s_(text.data()), n_(text.size()) {}

  std::vector<std::size_t> run() {
    std::vector<std::size_t> out;
    std::size_t i = 0, c = 0;
    int cls = U_SB_OTHER;
    while (next_candidate(i, c, cls)) {
      if (is_sep(cls)) {  // SB3, SB4: a break after a separator, CR LF kept together
        if (cls == U_SB_CR && i < n_ && s_[i] == '\n') ++i;
        out.push_back(i);
        continue;
      }
      // SATerm (Extend | Format)* Close* Sp*, each with its Extend and Format (SB5, SB9, SB10)
      const std::size_t r = skip_ext(i);
      std::size_t k = r, next = r;
      int x = U_SB_OTHER;
      while (k < n_ && (x = class_at(k, next)) == U_SB_CLOSE) k = skip_ext(next);
      while (k < n_ && (x = class_at(k, next)) == U_SB_SP) k = skip_ext(next);
      i = k;
      if (k >= n_) break;  // SB2
      if (is_sep(x)) {     // SB11 with its ParaSep
        i = next;
        if (x == U_SB_CR && i < n_ && s_[i] == '\n') ++i;
        out.push_back(i);
        continue;
      }
      if (!continues(c, cls == U_SB_ATERM, k, k == r, x)) out.push_back(k);  // SB11
    }
    if (n_ > 0 && (out.empty() || out.back() != n_)) out.push_back(n_);  // SB2
    return out;
  }

 private:
  // The Sentence_Break class of the character at byte i; `after` is set to its end.
  int class_at(std::size_t i, std::size_t& after) const {
    if (static_cast<unsigned char>(s_[i]) < 0x80) {
      after = i + 1;
      return ascii_class[static_cast<unsigned char>(s_[i])];
    }
    UChar32 c;
    U8_NEXT(s_, i, n_, c);
    after = i;
    return sb_class(c);
  }

  // Past the Extend and Format characters at i.
  std::size_t skip_ext(std::size_t i) const {
    std::size_t after = i;
    while (i < n_ && static_cast<unsigned char>(s_[i]) >= 0x80 && is_ext(class_at(i, after)))
      i = after;
    return i;
  }

  // The next terminator or separator at or after byte i: its byte c and class, with i set to
  // its end. False at the end of the text.
  bool next_candidate(std::size_t& i, std::size_t& c, int& cls) const {
    for (;;) {
      while (i < n_ && byte_kind[static_cast<unsigned char>(s_[i])] == 0) ++i;
      if (i >= n_) return false;
      c = i;
      cls = class_at(c, i);
      if (is_sep(cls) || is_saterm(cls)) return true;
    }
  }

  // Whether the run of the terminator at c (`aterm`: a period) goes on into the character of
  // class x at byte k, the run's end; `bare`: the run is the terminator alone, no Close or Sp.
  bool continues(std::size_t c, bool aterm, std::size_t k, bool bare, int x) const {
    if (x == U_SB_SCONTINUE || is_saterm(x)) return true;  // SB8a
    if (!aterm) return false;
    if (bare && x == U_SB_NUMERIC) return true;                    // SB6: `3.5`
    if (bare && x == U_SB_UPPER && letter_before(c)) return true;  // SB7: `U.S`
    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
    for (std::size_t j = k, after = k; j < n_; j = after) {
      const int y = class_at(j, after);
      if (y == U_SB_OLETTER || y == U_SB_UPPER || y == U_SB_LOWER || is_sep(y) || is_saterm(y))
        return y == U_SB_LOWER;
    }
    return false;
  }

  // Whether an Upper or Lower character, with any Extend or Format after it, ends before c.
  bool letter_before(std::size_t c) const {
    while (c > 0) {
      std::size_t b = c - 1, after = c;
      while (b > 0 && U8_IS_TRAIL(s_[b])) --b;  // valid UTF-8: the lead byte
      const int cls = class_at(b, after);
      c = b;
      if (!is_ext(cls)) return cls == U_SB_UPPER || cls == U_SB_LOWER;
    }
    return false;
  }

  const char* s_;
  std::size_t n_;
};

}  // namespace

std::vector<std::size_t> sentence_breaks(std::string_view text) { return scanner(text).run(); }

}  // namespace svpol::detail
