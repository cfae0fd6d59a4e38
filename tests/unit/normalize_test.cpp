#include "svpol/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <random>

#include "normalize/offset_cursor.hpp"

using svpol::byte_span;
using svpol::normalize;

TEST_CASE("normalization rules", "[normalize]") {
  struct row {
    std::string in, out;
  };
  const std::vector<row> rows = {
      {"Polisen", "Polisen"},
      {"omra\xCC\x8A"
       "den",
       "områden"},  // decomposed å becomes one code point
      {"sam\xC2\xAD"
       "hället",
       "samhället"},  // soft hyphen
      {"20\xC2\xA0"
       "000 kr",
       "20 000 kr"},  // no-break space
      {"a\xE2\x80\xAF"
       "b\xE2\x80\x89"
       "c",
       "a b c"},  // narrow and thin spaces
      {"ord\xE2\x80\x8B"
       "delning",
       "orddelning"},                 // zero-width space
      {"sam-\nhället", "samhället"},  // layout hyphenation
      {"sam-  \r\n  hället", "samhället"},
      {"sam- rådsprocess", "samrådsprocess"},  // a converter left one space
      {"EU-\nmedlemskap", "EU-medlemskap"},    // a real hyphen after a capital
      {"1990-\ntalet", "1990-talet"},
      {"barn-\noch ungdomsfrågor", "barn-\noch ungdomsfrågor"},  // suspended compound
      {"barn- och ungdomsfrågor", "barn- och ungdomsfrågor"},
      {"stort\n\nnätverk", "stort\n\nnätverk"},  // paragraph: nothing rejoined
      {"slut-\n\nbörjan", "slut-\n\nbörjan"},
      {"Sida 1\fSida 2", "Sida 1\nSida 2"},  // form feed from pdftotext
      {"rad\xE2\x80\xA8rad", "rad\nrad"},    // line separator
      {"\u201CCitat\u201D \u2013 svar", "\u201CCitat\u201D \u2013 svar"},  // kept as they are
  };
  for (const auto& r : rows) {
    CAPTURE(r.in);
    CHECK(normalize(r.in).text == r.out);
  }
}

TEST_CASE("normalized spans map back to the original", "[normalize]") {
  SECTION("identity") {
    const auto n = normalize("Vi ska se över.");
    CHECK(n.map.is_identity());
    CHECK(n.to_original(3, 6) == byte_span{3, 6});
  }
  SECTION("a word with a soft hyphen covers it") {
    const std::string in =
        "Det sam\xC2\xAD"
        "hället vi vill ha";
    const auto n = normalize(in);
    const auto word = n.text.find("samhället");
    const auto s = n.to_original(word, word + std::string("samhället").size());
    CHECK(in.substr(s.begin, s.size()) ==
          "sam\xC2\xAD"
          "hället");
    const auto after = n.text.find("vi");
    CHECK(n.to_original(after, after + 2) == byte_span{in.find("vi"), in.find("vi") + 2});
  }
  SECTION("a rejoined word covers the line break") {
    const std::string in = "ett sam-\nhälle";
    const auto n = normalize(in);
    const auto s = n.to_original(4, n.text.size());
    CHECK(in.substr(s.begin, s.size()) == "sam-\nhälle");
  }
  SECTION("a composed letter maps to its whole decomposition") {
    const std::string in =
        "a\xCC\x8A"
        "r";  // å decomposed, then r
    const auto n = normalize(in);
    REQUIRE(n.text == "år");
    CHECK(n.to_original(0, 2) == byte_span{0, 3});
    CHECK(n.to_original(2, 3) == byte_span{3, 4});
  }
}

TEST_CASE("case folding", "[normalize]") {
  CHECK(svpol::fold_case("POLISEN") == "polisen");
  CHECK(svpol::fold_case("ÅÄÖÉ") == "åäöé");
  CHECK(svpol::fold_case("Stra\xC3\x9F"
                         "e") == "strasse");
  CHECK(svpol::fold_case("A\xCC\x8A") == "å");            // NFC after folding
  CHECK(svpol::fold_case("ÀÉÖØÞ×÷ÿ") == "àéöøþ×÷ÿ");      // the Latin-1 fast path
  CHECK(svpol::fold_case("ÖSTERSUNDΣ") == "östersundσ");  // and beyond it
}

// ICU's full case folding then NFC, with no fast path: what fold_case must return.
std::string icu_fold(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  UErrorCode st = U_ZERO_ERROR;
  const icu::UnicodeString n = icu::Normalizer2::getNFCInstance(st)->normalize(u, st);
  REQUIRE(U_SUCCESS(st));
  std::string out;
  n.toUTF8String(out);
  return out;
}

TEST_CASE("case folding's fast path agrees with ICU", "[normalize]") {
  // Random strings of ASCII and Latin-1 (the fast path), now and then with a character beyond
  // it or a combining ring (ICU's path), into a string that held something else before.
  std::mt19937 rng(6);
  std::string into = "a longer string that was here before, on the heap";
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int len = static_cast<int>(rng() % 20);
    for (int k = 0; k < len; ++k) {
      const unsigned r = rng() % 100;
      char32_t c = r < 50 ? 0x20 + rng() % 0x5F : r < 97 ? 0xA0 + rng() % 0x60 : 0;
      if (c == 0) c = (rng() % 2) ? 0x030A : 0x03A3;  // combining ring, capital sigma
      icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(s);
    }
    const std::string expected = icu_fold(s);
    CHECK(svpol::fold_case(s) == expected);
    svpol::fold_case(s, into);
    CHECK(into == expected);
  }
}

TEST_CASE("offset_cursor maps spans in order as offset_map does", "[normalize]") {
  // Random text with what normalization changes (soft hyphens and zero-width spaces deleted,
  // no-break spaces replaced, combining marks composed, words rejoined) between plain words.
  const std::vector<std::string> parts = {"ord",      " ",         "\xC2\xAD", "\xE2\x80\x8B",
                                          "\xC2\xA0", "A\xCC\x8A", "sam-\n",   "h\xC3\xA4llet",
                                          ".",        "\n"};
  std::mt19937 rng(42);
  for (int n = 0; n < 300; ++n) {
    std::string text;
    const int len = static_cast<int>(rng() % 30);
    for (int k = 0; k < len; ++k) text += parts[rng() % parts.size()];
    const svpol::normalized_text norm = normalize(text);
    // Ordered spans: cut points, each span from one to a later one (empty ones too).
    std::vector<std::size_t> cuts;
    for (std::size_t i = 0; i <= norm.text.size(); ++i)
      if (rng() % 3 == 0) cuts.push_back(i);
    svpol::detail::offset_cursor cursor(norm.map);
    for (std::size_t k = 0; k + 1 < cuts.size(); k += 1 + rng() % 2) {
      const std::size_t b = cuts[k], e = cuts[k + rng() % 2];
      INFO(text << " [" << b << ", " << e << ")");
      CHECK(cursor.to_original(b, e) == norm.to_original(b, e));
    }
  }
}
