#include "svpol/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <random>

#include "sentences/breaks.hpp"
#include "svpol/corpus.hpp"
#include "test_support.hpp"

using svpol::test::sentences_of;
using svpol::test::split;

TEST_CASE("abbreviations do not end sentences", "[sentences]") {
  const auto doc = svpol::document::from_utf8("Vi ska bl.a. se över s.k. Agenda 2030. Nu.", "t");
  const auto& abbr = svpol::test::sv().abbreviations();
  const auto toks = svpol::tokenize(doc, abbr);
  SECTION("Swedish list") { CHECK(svpol::split_sentences(doc, toks, abbr).size() == 2); }
  SECTION("ICU alone") {
    const auto bare = svpol::tokenize(doc);
    CHECK(svpol::split_sentences(doc, bare, {}).size() == 3);  // breaks after s.k.
  }
}

// Each row: input, then the expected sentences separated by '|'.
TEST_CASE("Swedish sentence rules", "[sentences]") {
  struct row {
    std::string in, expected;
  };
  const std::vector<row> rows = {
      {"Vi ska t.ex. anställa fler. Det behövs.", "Vi ska t.ex. anställa fler.|Det behövs."},
      {"Jag träffade Dr. Svensson i går. Hon var glad.",
       "Jag träffade Dr. Svensson i går.|Hon var glad."},
      {"Se prop. 2019/20:1 om saken.", "Se prop. 2019/20:1 om saken."},
      {"Boken av A. I. Rabin kom ut. Den sålde bra.",
       "Boken av A. I. Rabin kom ut.|Den sålde bra."},
      // an abbreviation that often ends a sentence does, before a capital
      {"Vi köpte böcker, pennor osv. Sedan gick vi.",
       "Vi köpte böcker, pennor osv.|Sedan gick vi."},
      {"Det kostar 100 kr. Sedan tillkommer moms.", "Det kostar 100 kr.|Sedan tillkommer moms."},
      {"Det gäller skolor, vården osv Nästa fråga är svår.",
       "Det gäller skolor, vården osv|Nästa fråga är svår."},
      // question and exclamation marks before a lowercase continuation
      {"Vem sa ni? sa Auster. Han log.", "Vem sa ni? sa Auster.|Han log."},
      {"Vad vill du? Det vet jag inte.", "Vad vill du?|Det vet jag inte."},
      // a dialogue dash after a finished sentence
      {"Vad vill du? – Det vet jag inte.", "Vad vill du?|– Det vet jag inte."},
      {"Vi har fattat beslutet. – Vi kommer att genomföra det, säger ministern.",
       "Vi har fattat beslutet.|– Vi kommer att genomföra det, säger ministern."},
      // a form of address opens the sentence after it
      {"Herr talman! Jag vill tacka för frågan.", "Herr talman! Jag vill tacka för frågan."},
      {"Det var fel! Jag ber om ursäkt.", "Det var fel!|Jag ber om ursäkt."},
      // a sentence may begin with a number
      {"Det gällde barn under 10 år. 5-åringarna var flest.",
       "Det gällde barn under 10 år.|5-åringarna var flest."},
      // list and footnote numbers
      {"1. Inledning\n2. Bakgrund", "1. Inledning|2. Bakgrund"},
      {"Det har ökat. 3 3. Se SCB:s rapport.", "Det har ökat. 3|3. Se SCB:s rapport."},
      // hard-wrapped lines and layout breaks are not sentence breaks
      {"Vi kommer att ta fram\nförslag under våren.",
       "Vi kommer att ta fram\nförslag under våren."},
      {"staden har tillgång till ett stort\n\nnätverk av experter.",
       "staden har tillgång till ett stort\n\nnätverk av experter."},
      // headings, datelines and signatures are their own sentences
      {"## Svar på interpellation\n\nVi arbetar nu.\n\nStockholm den 20 april 2016\n\nKarin "
       "Wanngård",
       "## Svar på interpellation|Vi arbetar nu.|Stockholm den 20 april 2016|Karin Wanngård"},
      {"# Rubrik\nText som följer.", "# Rubrik|Text som följer."},
      {"Vi ska:\n- bygga skolor\n- anställa lärare", "Vi ska:|- bygga skolor|- anställa lärare"},
      {"Slutet.\nNästa mening.", "Slutet.|Nästa mening."},
      // the riksdag protocol header is not split inside
      {"Anf. 23 Justitieminister MORGAN JOHANSSON (S):\nHerr talman! Tack.",
       "Anf. 23 Justitieminister MORGAN JOHANSSON (S):|Herr talman! Tack."},
  };
  for (const auto& r : rows) {
    CAPTURE(r.in);
    CHECK(sentences_of(r.in) == split(r.expected));
  }
}

// The splitter skips its rules for a lowercase word inside a line where ICU proposed no break;
// these are the lowercase words it must still judge.
TEST_CASE("a lowercase word may still start a sentence", "[sentences]") {
  struct row {
    std::string in, expected;
  };
  const std::vector<row> rows = {
      // ICU proposes a break after a terminator other than `?` and `!`
      {"Nej\u203C nej.", "Nej\u203C|nej."},
      // after a line break: a heading line ends its sentence, a paragraph break may
      {"# Rubrik\ntext som följer.", "# Rubrik|text som följer."},
      {"# Rubrik\növer allt.", "# Rubrik|över allt."},
      {"Slutet.\n\nnästa stycke.", "Slutet.|nästa stycke."},
      // a capital, ASCII or not, after `osv` still opens one
      {"Det gäller vården osv Även nästa.", "Det gäller vården osv|Även nästa."},
      // and inside a line, no break before a lowercase word or punctuation
      {"Vi ska ändra, och (öka) det.", "Vi ska ändra, och (öka) det."},
      {"Se t.ex. övriga delar.", "Se t.ex. övriga delar."},
  };
  for (const auto& r : rows) {
    CAPTURE(r.in);
    CHECK(sentences_of(r.in) == split(r.expected));
  }
}

TEST_CASE("paragraphs are numbered above sentences", "[sentences]") {
  const auto doc =
      svpol::document::from_utf8("Ett. Två.\n\nTre har ett stort\n\nnätverk. Fyra.\n\nFem.", "t");
  const auto toks = svpol::tokenize(doc);
  const auto sents = svpol::split_sentences(doc, toks);
  std::vector<std::size_t> paras;
  for (const auto& s : sents) paras.push_back(s.paragraph);
  CHECK(paras == std::vector<std::size_t>{0, 0, 1, 1, 2});
}

TEST_CASE("every token is in exactly one sentence, in order", "[sentences]") {
  const auto doc = svpol::document::from_utf8("A. B? c! D\n\ne f. G", "t");
  const auto toks = svpol::tokenize(doc);
  const auto sents = svpol::split_sentences(doc, toks);
  std::size_t next = 0;
  for (const auto& s : sents) {
    CHECK(s.first_token == next);
    CHECK(s.end_token > s.first_token);
    next = s.end_token;
  }
  CHECK(next == toks.size());
}

TEST_CASE("no tokens, no sentences", "[sentences]") {
  const auto doc = svpol::document::from_utf8(" \n\n ", "t");
  CHECK(svpol::split_sentences(doc, svpol::tokenize(doc)).empty());
}

TEST_CASE("a runaway sentence is cut at the length limit", "[sentences]") {
  std::string text;
  for (int i = 0; i < 2500; ++i) text += "ord ";
  const auto doc = svpol::document::from_utf8(text + "slut.", "t");
  const auto toks = svpol::tokenize(doc);
  const auto sents = svpol::split_sentences(doc, toks);
  REQUIRE(sents.size() == 3);
  CHECK(sents[0].end_token - sents[0].first_token == svpol::max_sentence_tokens);
  CHECK(sents[0].cut);
  CHECK(sents[1].cut);
  CHECK_FALSE(sents[2].cut);
}

namespace {

// ICU's sentence BreakIterator over `text`, iterated from the start: what
// detail::sentence_breaks must reproduce.
std::vector<std::size_t> icu_sentence_breaks(const std::string& text) {
  UErrorCode st = U_ZERO_ERROR;
  static const std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale("sv"), st));
  REQUIRE(bi);
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &st);
  bi->setText(ut, st);
  REQUIRE(U_SUCCESS(st));
  std::vector<std::size_t> out;
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next())
    out.push_back(static_cast<std::size_t>(b));
  bi->setText(icu::UnicodeString());
  utext_close(ut);
  return out;
}

}  // namespace

TEST_CASE("sentence boundaries are ICU's", "[sentences]") {
  SECTION("each rule of UAX #29") {
    // Each row: text, then ICU's boundaries (checked against the iterator too).
    const std::vector<std::pair<std::string, std::vector<std::size_t>>> rows = {
        {"", {}},
        {"Ja. Nej.", {4, 8}},
        {"Ja.\r\nNej", {5, 8}},                 // SB3, SB11 with its CR LF
        {"Ja\nnej\u2028Nej", {3, 9, 12}},       // SB4: a separator ends a sentence
        {"3.5 och 3. 5", {11, 12}},             // SB6: a digit right after a period
        {"U.S. och U.S.A. Nu", {16, 18}},       // SB7, SB8
        {"t.ex. lite", {10}},                   // SB8: a lowercase word after the period
        {"Ja. (nej) mm. \"Nej\"", {14, 19}},    // SB8 over brackets, SB11 before a quote
        {"Ja? nej. Ja!, sa han.", {4, 9, 21}},  // SB8 is for periods; SB8a
        {"Ja.\u201D Nej", {7, 10}},             // SB9, SB10: Close and Sp in the run
        {"Ja.\u0301\u00AD Nej", {8, 11}},       // SB5: Extend and Format after the period
        {"Ja. \u2013 Nej", {11}},               // an en dash is SContinue (SB8a)
        {"Ja\u3002Nej\uFF0E Ja", {5, 12, 14}},  // terminators of other scripts
    };
    for (const auto& [text, expected] : rows) {
      CAPTURE(text);
      CHECK(svpol::detail::sentence_breaks(text) == expected);
      CHECK(icu_sentence_breaks(text) == expected);
    }
  }
  SECTION("random text rich in terminators, closers, spaces and separators") {
    const std::vector<std::string> alphabet = {
        ".",          ".",      "!",      "?",      " ",      " ",      "\n",     "\r",
        "\r\n",       "\t",     "\"",     "'",      "(",      ")",      "[",      "\u201D",
        "\u00BB",     "\u2019", "a",      "x",      "A",      "Z",      "1",      "0",
        ",",          "-",      ":",      ";",      "\u2013", "\u00E5", "\u00C5", "\u00DF",
        "\u0301",     "\u00AD", "\u200B", "\u200D", "\u00A0", "\u2028", "\u2029", "\u0085",
        "\u2024",     "\uFF0E", "\u3002", "\u0589", "\u2026", "\u05D0", "\u4E2D", "\U0001F600",
        "\U0001D400", "\u01C5", "\u02B0", "%",      "\u2022"};
    std::mt19937 rng(20261125);
    for (int n = 0; n < 20000; ++n) {
      std::string text;
      const auto len = 1 + rng() % 24;
      for (std::size_t i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
      CAPTURE(text);
      REQUIRE(svpol::detail::sentence_breaks(text) == icu_sentence_breaks(text));
    }
  }
  SECTION("the sample corpus, as written and normalized") {
    std::ifstream in(std::string(SVPOL_TEST_LEXICONS) + "/../../corpora/sample.jsonl");
    REQUIRE(in);
    std::size_t docs = 0;
    svpol::read_jsonl(in, "sample.jsonl", [&](svpol::document doc) {
      CAPTURE(doc.id());
      CHECK(svpol::detail::sentence_breaks(doc.text()) == icu_sentence_breaks(doc.text()));
      CHECK(svpol::detail::sentence_breaks(doc.normalized().text) ==
            icu_sentence_breaks(doc.normalized().text));
      ++docs;
    });
    CHECK(docs > 0);
  }
}
