#include "svpol/tokenize.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <type_traits>

#include "test_support.hpp"

using svpol::test::forms;
using svpol::test::split;

// Each row: input, then the expected tokens separated by '|'.
TEST_CASE("Swedish tokenization follows UD conventions", "[tokenize]") {
  struct row {
    std::string in, expected;
  };
  const std::vector<row> rows = {
      // abbreviations keep their period
      {"Vi ska t.ex. se över s.k. trygghetsvärdar.", "Vi|ska|t.ex.|se|över|s.k.|trygghetsvärdar|."},
      {"Det gäller bl.a. skolan, dvs. alla barn m.m.",
       "Det|gäller|bl.a.|skolan|,|dvs.|alla|barn|m.m."},
      {"Från fr.o.m. i morgon t.o.m. fredag.", "Från|fr.o.m.|i|morgon|t.o.m.|fredag|."},
      {"Se prop. 2019/20:1 kap. 3.", "Se|prop.|2019/20:1|kap.|3|."},
      {"Mötet börjar kl. 14.00 i sal nr 3.", "Mötet|börjar|kl.|14.00|i|sal|nr|3|."},
      {"Det kostar ca 300 kr per år.", "Det|kostar|ca|300|kr|per|år|."},
      {"Anf. 23 Justitieminister MORGAN JOHANSSON (S):",
       "Anf.|23|Justitieminister|MORGAN|JOHANSSON|(|S|)|:"},
      {"T.ex. skolor.", "T.ex.|skolor|."},
      // spaced abbreviations and initials
      {"Det gäller bl. a. skolan.", "Det|gäller|bl.|a.|skolan|."},
      {"Boken av A. I. Rabin kom ut.", "Boken|av|A.|I.|Rabin|kom|ut|."},
      // an abbreviation is a whole word, never a suffix
      {"Han skrev ett bidrag.", "Han|skrev|ett|bidrag|."},
      {"Vi tog kaffe i kaffekap.", "Vi|tog|kaffe|i|kaffekap|."},
      // hyphenated and suspended compounds
      {"LO-SAF-uppgörelsen och EU-medlemskap på 1990-talet",
       "LO-SAF-uppgörelsen|och|EU-medlemskap|på|1990-talet"},
      {"1-åringarnas hälsa", "1-åringarnas|hälsa"},
      {"barn- och ungdomsfrågor", "barn-|och|ungdomsfrågor"},
      {"kvinno-, barn- eller mansfrågor", "kvinno-|,|barn-|eller|mansfrågor"},
      {"flick- och -pojkar", "flick-|och|-pojkar"},
      // numbers
      {"Det var 20 000 personer och 1 200 000 kronor.",
       "Det|var|20 000|personer|och|1 200 000|kronor|."},
      {"Det var 20\xC2\xA0"
       "000 personer.",
       "Det|var|20 000|personer|."},  // form is normalized
      {"Andelen var 3,5 % år 2015.", "Andelen|var|3,5|%|år|2015|."},
      {"Interpellation 2016:28 och 2015/16:1.", "Interpellation|2016:28|och|2015/16:1|."},
      {"SFS 2010:800 gäller.", "SFS|2010:800|gäller|."},
      {"den 13:e och 1:a gången", "den|13:e|och|1:a|gången"},
      {"Beslutet 2016-03-14 gäller s. 577-584.", "Beslutet|2016-03-14|gäller|s.|577-584|."},
      {"under 2017–2019", "under|2017|–|2019"},
      {"Året 2015 200 dagar", "Året|2015|200|dagar"},  // four digits are not a thousands group
      // punctuation, links and special words
      {"Vänta... nu.", "Vänta|...|nu|."},
      {"Läs mer på https://www.regeringen.se/tal/2016. Tack!",
       "Läs|mer|på|https://www.regeringen.se/tal/2016|.|Tack|!"},
      {"Mejla registrator@polisen.se i dag.", "Mejla|registrator@polisen.se|i|dag|."},
      {"Se www.riksdagen.se.", "Se|www.riksdagen.se|."},
      {"EU:s mål och S:t Eriks plan", "EU:s|mål|och|S:t|Eriks|plan"},
      {"Johanna Sjö (m) frågade", "Johanna|Sjö|(|m|)|frågade"},
      {"Marx' teorier och 'citat'", "Marx'|teorier|och|'|citat|'"},
      {"\xE2\x80\x9DVi ska\xE2\x80\x9D, sa hon \xE2\x80\x93 och gick.",
       "\xE2\x80\x9D|Vi|ska|\xE2\x80\x9D|,|sa|hon|\xE2\x80\x93|och|gick|."},
      {"Det -- sa han", "Det|--|sa|han"},
      {"1. Inledning", "1.|Inledning"},
      {"## **Svar på interpellation**", "##|**|Svar|på|interpellation|**"},  // Markdown marks
      // normalization is seen through
      {"Sam\xC2\xAD"
       "hället",
       "Samhället"},
      {"ett sam-\nhälle", "ett|samhälle"},
      {"omra\xCC\x8A"
       "den",
       "områden"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.in);
    CHECK(forms(r.in) == split(r.expected));
  }
}

TEST_CASE("tokens carry kinds and case-folded forms", "[tokenize]") {
  const auto doc = svpol::document::from_utf8("Polisens 20 000 t.ex. www.polisen.se ! €", "t");
  const auto toks = svpol::tokenize(doc, svpol::test::sv().abbreviations());
  REQUIRE(toks.size() == 6);
  CHECK(toks[0].norm == "polisens");
  CHECK(toks[0].kind == svpol::token_kind::word);
  CHECK(toks[1].kind == svpol::token_kind::number);
  CHECK(toks[2].abbreviation);
  CHECK(toks[3].kind == svpol::token_kind::url);
  CHECK(toks[4].kind == svpol::token_kind::punct);
  CHECK(toks[5].kind == svpol::token_kind::symbol);
}

// token::upos and token::feats are views: intern_tag keeps what they show for the rest of the
// program, one copy per distinct string, so they outlive the string they were made from.
TEST_CASE("intern_tag keeps one copy of each string for the rest of the program", "[tokenize]") {
  svpol::token t;
  {
    std::string feats = "Case=Nom|Definite=Ind|Gender=Com|Number=Sing";
    t.feats = svpol::intern_tag(feats);
    feats.assign(feats.size(), 'x');  // the source changes and goes: the view must not follow it
  }
  CHECK(t.feats == "Case=Nom|Definite=Ind|Gender=Com|Number=Sing");
  const std::string again = "Case=Nom|Definite=Ind|Gender=Com|Number=Sing";
  CHECK(svpol::intern_tag(again).data() == t.feats.data());
  CHECK(svpol::intern_tag("Case=Gen").data() != t.feats.data());
  CHECK(svpol::intern_tag("").empty());
  t.upos = "NOUN";  // a literal lives as long as the program
  CHECK(t.upos == "NOUN");
  CHECK(std::string_view(t.upos) == "NOUN");
}

// A std::string (or a view of one) would leave a token pointing at bytes that go: only literals,
// intern_tag and tag_text::from_static make a tag_text.
static_assert(!std::is_constructible_v<svpol::tag_text, std::string>);
static_assert(!std::is_constructible_v<svpol::tag_text, const std::string&>);
static_assert(!std::is_constructible_v<svpol::tag_text, std::string_view>);
static_assert(!std::is_assignable_v<svpol::tag_text&, std::string>);
static_assert(std::is_constructible_v<svpol::tag_text, const char (&)[5]>);

// Links are looked for eight bytes at a time: each one is found wherever it falls in those.
TEST_CASE("links are found at every offset", "[tokenize]") {
  for (std::size_t k = 0; k < 20; ++k) {
    const std::string text = std::string(k, 'a') + " x https://www.riksdagen.se/sv och ab@cd.se";
    CAPTURE(k);
    const auto toks = svpol::tokenize(svpol::document::from_utf8(text, "t"));
    REQUIRE(toks.size() == (k ? 5u : 4u));
    const std::size_t u = toks.size() - 3;
    CHECK(toks[u].form == "https://www.riksdagen.se/sv");
    CHECK(toks[u].kind == svpol::token_kind::url);
    CHECK(toks[u].span.begin == k + 3);
    CHECK(toks[u + 2].form == "ab@cd.se");
    CHECK(toks[u + 2].kind == svpol::token_kind::email);
  }
}

TEST_CASE("www links are found at every offset, after words with h and w", "[tokenize]") {
  // The link scan reads eight bytes at a time and stops at `ht`, `ww` and `@` only.
  for (std::size_t k = 0; k < 20; ++k) {
    const std::string text = std::string(k, 'h') + " och www.regeringen.se/x hw wh";
    CAPTURE(k);
    const auto toks = svpol::tokenize(svpol::document::from_utf8(text, "t"));
    REQUIRE(toks.size() == (k ? 5u : 4u));
    const std::size_t u = toks.size() - 3;
    CHECK(toks[u].form == "www.regeringen.se/x");
    CHECK(toks[u].kind == svpol::token_kind::url);
    CHECK(toks[u].span.begin == k + 5);
  }
}

TEST_CASE("token spans point into the original text", "[tokenize]") {
  const std::string text =
      "\xEF\xBB\xBF"
      "Ett sam-\nhälle och\xC2\xA0"
      "20\xC2\xA0"
      "000 omra\xCC\x8A"
      "den.";
  const auto doc = svpol::document::from_utf8(text, "t");
  const auto toks = svpol::tokenize(doc);
  std::vector<std::string> spans;
  for (const auto& t : toks) spans.emplace_back(doc.slice(t.span));
  CHECK(spans == std::vector<std::string>{"Ett", "sam-\nhälle", "och",
                                          "20\xC2\xA0"
                                          "000",
                                          "omra\xCC\x8A"
                                          "den",
                                          "."});
  CHECK(toks[4].form == "områden");
}

TEST_CASE("without the abbreviation list, periods stand alone", "[tokenize]") {
  const auto doc = svpol::document::from_utf8("t.ex. kl. 9", "t");
  std::vector<std::string> f;
  for (const auto& t : svpol::tokenize(doc)) f.push_back(t.form);
  CHECK(f == std::vector<std::string>{"t.ex", ".", "kl", ".", "9"});
}

// Most words have no period within an abbreviation's length and are not looked up; entries
// without a period, and spaced forms whose first part has none, are still found.
TEST_CASE("abbreviations without a period are found", "[tokenize]") {
  const auto abbrevs = svpol::abbreviations::from_list({"osv", "ss", "i st.", "t.ex."});
  auto forms_of = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& t : svpol::tokenize(svpol::document::from_utf8(text, "t"), abbrevs))
      out.push_back(t.form);
    return out;
  };
  // An abbreviation is one token even where a compound would take it in.
  CHECK(forms_of("OSV-frågan") == split("OSV|-|frågan"));
  CHECK(forms_of("osvx-frågan") == split("osvx-frågan"));
  // `ẞ` (three bytes) folds to `ss` (two): the text is longer than the entry.
  CHECK(forms_of("\xE1\xBA\x9E-frågan") == split("\xE1\xBA\x9E|-|frågan"));
  CHECK(forms_of("vi bor i st. för") == split("vi|bor|i|st.|för"));
  CHECK(forms_of("vi bor st. för") == split("vi|bor|st|.|för"));
  CHECK(forms_of("t.ex. nu") == split("t.ex.|nu"));
}
