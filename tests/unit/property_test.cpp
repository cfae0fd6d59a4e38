// Property tests: on random and adversarial input, spans stay in range, ordered and
// non-overlapping, cover every visible character, and nothing crashes.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <catch2/catch.hpp>
#include <random>

#include "svpol/error.hpp"
#include "svpol/sentences.hpp"
#include "test_support.hpp"

namespace {

// Pieces that stress the rules: Swedish letters, decomposed letters, every kind of space and
// invisible character, hyphens at line ends, numbers, abbreviations, links, quotes, emoji.
const std::vector<std::string> alphabet = {
    "a",
    "ö",
    "Å",
    "E",
    "ord",
    "Polisen",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\xC2\xA0",
    "\xC2\xAD",
    "\xE2\x80\x8B",
    "\xEF\xBB\xBF",
    "\xE2\x80\xAF",
    "\xCC\x8A",
    "a\xCC\x8A",
    "-",
    "-\n",
    "- ",
    "\xE2\x80\x93",
    "\xE2\x80\x94",
    ".",
    "...",
    "?",
    "!",
    ",",
    ":",
    ";",
    "/",
    "'",
    "\"",
    "\xE2\x80\x9D",
    "(",
    ")",
    "#",
    "*",
    "1",
    "20",
    "000",
    "3,5",
    "2016:28",
    "t.ex.",
    "bl. a.",
    "kl.",
    "A.",
    "osv",
    "http://",
    "www.",
    "@",
    "x@y.se",
    "\xF0\x9F\x98\x80",
    "\f",
    "\xE2\x80\xA8",
    "\xE2\x80\xA9",
    "%",
    "\xC2\xA7",
    "&",
    "<",
    ">",
};

bool is_ignorable(UChar32 c) {
  return u_isUWhiteSpace(c) || c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D ||
         c == 0x2060 || c == 0xFEFF || c == '\f' || c == '\v';
}

void check_invariants(const std::string& text) {
  const auto doc = svpol::document::from_utf8(text, "p");
  const auto toks = svpol::tokenize(doc, svpol::test::sv().abbreviations());
  const auto sents = svpol::split_sentences(doc, toks, svpol::test::sv().abbreviations());
  std::vector<char> covered(text.size(), 0);
  std::size_t prev_end = 0;
  for (const auto& t : toks) {
    REQUIRE(t.span.begin < t.span.end);
    REQUIRE(t.span.end <= text.size());
    REQUIRE(t.span.begin >= prev_end);
    REQUIRE(!t.form.empty());
    // Spans start and end on character boundaries.
    REQUIRE(!U8_IS_TRAIL(static_cast<uint8_t>(text[t.span.begin])));
    if (t.span.end < text.size()) REQUIRE(!U8_IS_TRAIL(static_cast<uint8_t>(text[t.span.end])));
    for (std::size_t b = t.span.begin; b < t.span.end; ++b) covered[b] = 1;
    prev_end = t.span.end;
    (void)doc.codepoint_offset(t.span.end);
  }
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (!is_ignorable(c)) {
      CAPTURE(text, at, c);
      REQUIRE(covered[at]);
    }
  }
  std::size_t next = 0;
  for (const auto& s : sents) {
    REQUIRE(s.first_token == next);
    REQUIRE(s.end_token > s.first_token);
    REQUIRE(s.span.begin == toks[s.first_token].span.begin);
    REQUIRE(s.span.end == toks[s.end_token - 1].span.end);
    next = s.end_token;
  }
  REQUIRE(next == toks.size());
}

}  // namespace

TEST_CASE("token and sentence invariants hold on random Swedish-like text", "[property]") {
  std::mt19937 rng(20161028);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), len(0, 40);
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    for (std::size_t k = len(rng); k > 0; --k) text += alphabet[pick(rng)];
    CAPTURE(text);
    check_invariants(text);
  }
}

TEST_CASE("random bytes are either rejected with an offset or tokenized", "[property]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 64);
  for (int n = 0; n < 3000; ++n) {
    std::string bytes;
    for (int k = len(rng); k > 0; --k) bytes += static_cast<char>(byte(rng));
    try {
      check_invariants(bytes);
    } catch (const svpol::input_error& e) {
      REQUIRE(e.byte_offset < bytes.size());
    }
  }
}

TEST_CASE("adversarial inputs", "[property]") {
  const std::vector<std::string> inputs = {
      "",
      " ",
      "\n\n\n",
      std::string(10000, '.'),
      std::string(10000, '-'),
      std::string(5000, 'a') + "-\n" + std::string(5000, 'b'),
      "\xCC\x8A\xCC\x8A\xCC\x8A",
      " \xCC\x8A",
      "\xEF\xBB\xBF",
      "\xC2\xAD\xC2\xAD",
      "-\n-\n-\n",
      "http://",
      "@@@",
      "x@",
      "1 000 000 000 000 000",
      std::string(3000, '1') + " 000",
      "t.ex.t.ex.t.ex.",
      "A. B. C. D. E. F.",
      "(((((",
      "\"\"\"\"",
      "1. 2. 3. 4.",
      "- \n- \n",
  };
  for (const auto& in : inputs) {
    CAPTURE(in.substr(0, 40));
    check_invariants(in);
  }
}
