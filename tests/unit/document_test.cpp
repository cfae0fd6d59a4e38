#include "svpol/document.hpp"

#include <catch2/catch.hpp>

#include "svpol/error.hpp"

using svpol::document;

TEST_CASE("valid UTF-8 is kept exactly as given", "[document]") {
  const std::string text = "Förtroendet för Polisen är lågt.";
  const auto doc = document::from_utf8(text, "d", {{"year", "2016"}});
  CHECK(doc.text() == text);
  CHECK(doc.id() == "d");
  CHECK(doc.meta_value("year") == "2016");
  CHECK(doc.meta_value("party").empty());
}

TEST_CASE("invalid UTF-8 names the byte offset of the first bad byte", "[document]") {
  struct row {
    std::string bytes;
    std::size_t offset;
  };
  const std::vector<row> rows = {
      {"Sm\xE5land", 2},         // Latin-1 å
      {"ok\n\xC3", 3},           // truncated sequence at the end
      {"a\xC0\xAF", 1},          // overlong '/'
      {"a\xED\xA0\x80", 1},      // UTF-16 surrogate
      {"a\xF4\x90\x80\x80", 1},  // above U+10FFFF
      {"\xFF", 0},
      {"abc\x80", 3},  // stray continuation byte
  };
  for (const auto& r : rows) {
    CAPTURE(r.bytes);
    try {
      (void)document::from_utf8(r.bytes, "f.txt");
      FAIL("no error");
    } catch (const svpol::input_error& e) {
      CHECK(e.byte_offset == r.offset);
      CHECK(e.source == "f.txt");
      CHECK(std::string(e.what()).find("byte offset " + std::to_string(r.offset)) !=
            std::string::npos);
    }
  }
}

TEST_CASE("a Latin-1 file gets a hint at iconv", "[document]") {
  try {
    (void)document::from_utf8("Malm\xF6", "tal.txt");
    FAIL("no error");
  } catch (const svpol::input_error& e) {
    CHECK(std::string(e.what()).find("iconv") != std::string::npos);
    CHECK(e.line == 1);
    CHECK(e.column == 5);
    CHECK(e.where() == "tal.txt:1:5");
  }
}

TEST_CASE("NUL bytes are an error with their offset and line", "[document]") {
  const std::string bytes("rad ett\nrad\0två", 15);
  try {
    (void)document::from_utf8(bytes, "bin");
    FAIL("no error");
  } catch (const svpol::input_error& e) {
    CHECK(e.byte_offset == 11);
    CHECK(e.line == 2);
  }
}

TEST_CASE("code point offsets count characters, not bytes", "[document]") {
  // ö and å are two bytes each; the emoji four.
  const auto doc = document::from_utf8("ö å \xF0\x9F\x98\x80 x", "d");
  CHECK(doc.codepoint_offset(0) == 0);
  CHECK(doc.codepoint_offset(2) == 1);
  CHECK(doc.codepoint_offset(3) == 2);
  CHECK(doc.codepoint_offset(6) == 4);
  CHECK(doc.codepoint_offset(10) == 5);
  CHECK(doc.codepoint_size() == 7);
}

TEST_CASE("code point offsets are right across block boundaries", "[document]") {
  std::string text;
  for (int i = 0; i < 500; ++i) text += (i % 3 == 0) ? "ä" : "a";
  const auto doc = document::from_utf8(text, "d");
  std::size_t cps = 0;
  for (std::size_t b = 0; b <= text.size(); ++b) {
    if (b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) {
      CHECK(doc.codepoint_offset(b) == cps);
      ++cps;
    }
  }
}

TEST_CASE("code point offsets are right at every byte of mixed text", "[document]") {
  // One- to four-byte characters in runs and alone, so that the counting eight bytes at a time
  // meets every mix in a word, and lengths around the block size.
  const std::vector<std::string> chars = {"a", "ö", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", " ", "Å"};
  std::uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (std::size_t length : {0, 1, 7, 8, 9, 255, 256, 257, 300, 511, 512, 513, 1500}) {
    std::string text;
    while (text.size() < length) {
      const std::string& c = chars[(next() >> 16) % chars.size()];
      for (std::size_t run = (next() >> 16) % 12 + 1; run > 0; --run) text += c;
    }
    const auto doc = document::from_utf8(text, "d");
    std::size_t cps = 0;
    for (std::size_t b = 0; b <= text.size() + 2; ++b) {
      CAPTURE(length, b);
      CHECK(doc.codepoint_offset(b) == cps);
      if (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++cps;
    }
  }
}

TEST_CASE("a byte-order mark is accepted and stays in the text", "[document]") {
  const auto doc = document::from_utf8("\xEF\xBB\xBFHej", "d");
  CHECK(doc.text().size() == 6);
  CHECK(doc.normalized().text == "Hej");
  CHECK(doc.normalized().to_original(0, 3) == svpol::byte_span{3, 6});
}
