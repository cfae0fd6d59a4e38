#include "svpol/rules.hpp"

#include <unicode/regex.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "rules/compiled.hpp"
#include "svpol/document.hpp"
#include "svpol/error.hpp"
#include "svpol/normalize.hpp"
#include "svpol/terms.hpp"
#include "svpol/tokenize.hpp"

namespace {

namespace R = svpol::rules;

// `prefix` and the number, appended: `"r" + std::to_string(n)` puts the literal in front by
// std::string::insert, for which GCC 12 at -O3 warns of a memcpy overlap that cannot happen
// (-Wrestrict, GCC bug 105651).
std::string numbered(std::string_view prefix, std::size_t n) {
  std::string s(prefix);
  s += std::to_string(n);
  return s;
}

std::vector<svpol::token> toks(const std::string& text) {
  return svpol::tokenize(svpol::document::from_utf8(text, "t"));
}

// Sets lemma (and optionally UPOS) by hand, one per token: what the tagger will fill later.
void tag(std::vector<svpol::token>& t, const std::vector<std::string>& lemmas,
         const std::vector<std::string>& upos = {}) {
  for (std::size_t i = 0; i < t.size() && i < lemmas.size(); ++i) t[i].lemma = lemmas[i];
  for (std::size_t i = 0; i < t.size() && i < upos.size(); ++i) t[i].upos = svpol::intern_tag(upos[i]);
}

const R::class_list& classes() {
  static const R::class_list c({"actor.speaker", "actor.authority", "actor.civil_society"});
  return c;
}

// "id b-e name:b-e ..." for each match of `m`, in order.
std::vector<std::string> describe(const R::matcher& m, const std::vector<R::match>& found) {
  std::vector<std::string> out;
  for (const auto& x : found) {
    std::string s =
        m.rules().rule(x.rule).id + " " + std::to_string(x.begin) + "-" + std::to_string(x.end);
    for (const auto& c : x.captures)
      s += " " + c.name + ":" + std::to_string(c.begin) + "-" + std::to_string(c.end);
    out.push_back(s);
  }
  return out;
}

// The matches of `rules` over `t`, as describe() writes them.
std::vector<std::string> run(const std::string& rules, const std::vector<svpol::token>& t,
                             const R::lexicon_hits& hits = {}) {
  const R::matcher m(R::parse(rules, "t.svr", &classes()));
  return describe(m, m.match(t, 0, t.size(), hits));
}

// A one-rule file around a pattern.
std::string rule(const std::string& pattern, const std::string& extra = "") {
  return "rule r : Problem {\n" + extra + "  match " + pattern + ";\n}\n";
}

std::vector<std::string> errors_of(const std::string& text) {
  try {
    R::parse(text, "t.svr", &classes());
  } catch (const svpol::rule_error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics)
      out.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                    d.message);
    return out;
  }
  return {};
}

std::string first_error(const std::string& text) {
  const auto all = errors_of(text);
  return all.empty() ? "(no error)" : all.front();
}

}  // namespace

TEST_CASE("rules print canonically and reparse to the same text", "[rules]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"# a comment\nrule  a.b:Commitment   priority 10{set Strength = strong,Kind=action;"
       "set Actor from actor ; where not question,not negated ;\n"
       "match actor:[lex=\"actor.speaker\"][lemma=\"komma\"] [word=\"att\" %c]? "
       "span:( [pos=\"VERB\"&feat=\"VerbForm=Inf\"] []{0, 12} ) ;}",
       "rule a.b : Commitment priority 10 {\n"
       "  set Strength=strong, Kind=action;\n"
       "  set Actor from actor;\n"
       "  where not question, not negated;\n"
       "  match actor:[lex=\"actor.speaker\"] [lemma=\"komma\"] [word=\"att\"%c]? "
       "span:([pos=\"VERB\" & feat=\"VerbForm=Inf\"] []{0,12});\n"
       "}\n"},
      {"rule p : Problem { match ([word=\"a\"] [word=\"b\"]|[word=\"c\"])+ [!(pos=\"X\"|pos!=\"Y\")"
       "&word=\"z\\\"q\\.\"]* []{2} []{3,} ; where clause; }",
       "rule p : Problem {\n"
       "  match ([word=\"a\"] [word=\"b\"] | [word=\"c\"])+ [!(pos=\"X\" | pos!=\"Y\") & "
       "word=\"z\\\"q\\.\"]* []{2} []{3,};\n"
       "  where clause;\n"
       "}\n"},
      {"rule s : Stakeholder { set Reference=\"svpol:polisen\"; "
       "set Category from x.class; match x:[lex=\"actor\"]; }",
       "rule s : Stakeholder {\n"
       "  set Reference=svpol:polisen;\n"
       "  set Category from x.class;\n"
       "  match x:[lex=\"actor\"];\n"
       "}\n"},
  };
  for (const auto& [input, expected] : cases) {
    // Duplicate settings are a check error, so print through the syntax only where needed.
    std::string printed;
    try {
      printed = R::dump(R::parse(input, "t.svr", &classes()));
    } catch (const svpol::rule_error& e) {
      FAIL(e.what());
    }
    CHECK(printed == expected);
    CHECK(R::dump(R::parse(printed, "t.svr", &classes())) == printed);
  }
}

// Found by tests/fuzz/fuzz_rules: the skipper lets a comment stand inside a quantifier, and
// its text reached std::stoul, which threw past the parser.
TEST_CASE("comments inside a quantifier are skipped", "[rules][fuzz]") {
  const auto r = svpol::rules::parse(
      "rule q : Problem { match [word=\"a\"]{2 # two, 9\n, # or more\n 3}; }", "t.svr");
  CHECK(svpol::rules::dump(r) == "rule q : Problem {\n  match [word=\"a\"]{2,3};\n}\n");
  // A lone carriage return ends a comment, as in the skipper.
  CHECK(svpol::rules::dump(
            svpol::rules::parse("rule q : Problem { match []{ # x\r1,1}; }", "t.svr")) ==
        "rule q : Problem {\n  match []{1,1};\n}\n");
  try {
    (void)svpol::rules::parse("rule b : Problem { match []{\n#\n2,1}; }", "t.svr");
    FAIL("no error");
  } catch (const svpol::rule_error& e) {
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].message.find("bad quantifier {2,1}") == 0);
  }
}

TEST_CASE("groups nested too deep are an error, not a stack overflow", "[rules][fuzz]") {
  // Found by fuzzing: X3 recurses once per '(' and thousands of them overflowed the stack.
  const auto nested = [](int n) {
    return std::string(n, '(') + "[word=\"a\"]" + std::string(n, ')');
  };
  const std::string deep = "rule d : Problem {\n  match " + nested(20000) + ";\n}\n";
  std::string escaped;  // a regex of 300 literal '('
  for (int i = 0; i < 300; ++i) escaped += "\\(";
  // Parentheses in comments and strings are not groups.
  const std::string fine = "rule f : Problem {\n  # " + std::string(300, '(') + "\n  match " +
                           nested(100) + " [word=\"" + escaped + "\"];\n}\n";
  CHECK(svpol::rules::parse(fine, "t.svr").size() == 1);
  try {
    (void)svpol::rules::parse(deep + fine, "t.svr");
    FAIL("no error");
  } catch (const svpol::rule_error& e) {
    REQUIRE(e.diagnostics.size() == 1);  // the rule after it is parsed as usual
    CHECK(e.diagnostics[0].line == 2);
    CHECK(e.diagnostics[0].column == 9 + 100);  // the 101st '('
    CHECK(e.diagnostics[0].message.find("nested deeper than 100") != std::string::npos);
  }
}

TEST_CASE("the example rules check and round-trip", "[rules]") {
  const auto lex = svpol::term_lexicon::load_dir(std::string(SVPOL_TEST_LEXICONS) + "/terms");
  const auto set = R::load_dir(std::string(SVPOL_TEST_LEXICONS) + "/rules", &lex);
  CHECK(set.size() >= 2);
  const std::string once = R::dump(set);
  CHECK(R::dump(R::parse(once, "dump.svr", &lex)) == once);
  CHECK(set.find("commitment.strong") < set.size());
}

TEST_CASE("rule errors name file:line:col, the column in code points", "[rules][errors]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"rule r : Problem {\n  match [word=\"x\" [word=\"y\"];\n}\n", "t.svr:2:19: expected ']'"},
      {"rule r : Problem {\n  match [wörd=\"x\"];\n}\n", "t.svr:2:11: expected '=' or '!='"},
      {"rule r : Promise { match []; }",
       "t.svr:1:10: unknown label 'Promise' (expected "
       "Commitment, Problem or Stakeholder)"},
      {rule("[lema=\"x\"]"),
       "t.svr:2:10: unknown attribute 'lema' (expected word, norm, lemma, pos, feat, kind or lex)"},
      {rule("[word=\"å\"] [word=\"(ab\"]"),
       "t.svr:2:30: invalid regular expression "
       "(U_REGEX_MISMATCHED_PAREN)"},
      {rule("[word=\"ö\"] []{3,1}"),
       "t.svr:2:22: bad quantifier {3,1}: the minimum is larger than the maximum"},
      {rule("[] []{0,0}"), "t.svr:2:14: bad quantifier {0,0}: it matches nothing"},
      {rule("[] []{0,500}"),
       "t.svr:2:14: bad quantifier {0,500}: bounds above 100 are not "
       "supported"},
      {rule("[lex=\"actor.nobody\"]"), "t.svr:2:14: unknown lexicon class 'actor.nobody'"},
      {rule("[lex=\"actor.*\"]"),
       "t.svr:2:14: a lexicon class is a name, not a regular expression: 'actor.*'"},
      {rule("[lex=\"actor\" & pos=\"NOUN\"]"),
       "t.svr:2:10: a lexicon test must stand alone in its brackets: [lex=\"actor\"]"},
      {rule("[word=\"x\"%d]"), "t.svr:2:15: unknown flag 'd' (only %c, ignore case, is supported)"},
      {rule("[kind=\"wrd\"]"),
       "t.svr:2:15: unknown token kind 'wrd' (expected word, number, punct, symbol, url or "
       "email)"},
      {rule("[]? [word=\"x\"]*"), "t.svr:2:3: pattern can match no tokens"},
      {rule("[]", "  set Trend=up;\n"),
       "t.svr:2:7: unknown value 'up' for Trend (expected rising, falling or static)"},
      {rule("[]", "  set Strength=strong;\n"),
       "t.svr:2:7: unknown attribute 'Strength' for Problem (expected Trend)"},
      {rule("x:[]", "  set Trend from y;\n"), "t.svr:2:18: no capture named 'y' in rule 'r'"},
      {rule("x:[]", "  set Trend from x.lemma;\n"),
       "t.svr:2:18: expected 'entry' or 'class' after 'x.'"},
      {rule("[]", "  where not clause;\n"), "t.svr:2:9: 'clause' cannot be negated"},
      {rule("[]", "  where question, question;\n"), "t.svr:2:19: condition given twice"},
      {rule("[]", "  where sometimes;\n"),
       "t.svr:2:9: expected 'question', 'negated', 'clause' or 'subordinate'"},
      {"rule r : Problem { set Trend=rising; }", "t.svr:1:6: rule 'r' has no match statement"},
      {"rule r : Problem { match [] }", "t.svr:1:29: expected ';'"},
      {"rule r : Problem { match []; ",
       "t.svr:1:30: expected 'set', 'where', 'match' or '}' "
       "before the end of the file"},
      {"rule r : Problem priority high { match []; }", "t.svr:1:27: expected integer"},
      {"rules r : Problem { match []; }", "t.svr:1:1: expected 'rule'"},
      {"rule r : Problem { match [word=\"x]; }",
       "t.svr:1:38: expected '\"' before the end "
       "of the file"},
      {"rule r : Problem { match []; }\nrule r : Problem { match []; }",
       "t.svr:2:6: duplicate rule id 'r' (first defined at t.svr:1)"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    CHECK(first_error(text) == expected);
  }
}

TEST_CASE("all errors of a file are reported at once, with a caret", "[rules][errors]") {
  const std::string text =
      "# three broken rules and a good one\n"
      "rule a : Problem { match [word=\"x\" ; }\n"
      "rule b : Problem { match [lemma=\"ok\"]; }\n"
      "rule c : Nonsense { match []; }\n"
      "rule d : Problem {\n"
      "  match [wurd=\"y\"];\n"
      "}\n"
      "rule e : Problem {\n"
      "  match [word=\"y\"]\n"
      "}\n";
  const auto all = errors_of(text);
  REQUIRE(all.size() == 4);
  CHECK(all[0] == "t.svr:2:36: expected ']'");
  CHECK(all[1] ==
        "t.svr:4:10: unknown label 'Nonsense' (expected Commitment, Problem or "
        "Stakeholder)");
  CHECK(all[2] ==
        "t.svr:6:10: unknown attribute 'wurd' (expected word, norm, lemma, pos, feat, "
        "kind or lex)");
  CHECK(all[3] == "t.svr:10:1: expected ';'");
  try {
    R::parse("rule a : Problem {\n  match [word=\"ö\" & lema=\"x\"];\n}\n", "t.svr");
    FAIL("no error");
  } catch (const svpol::rule_error& e) {
    CHECK(std::string(e.what()) ==
          "t.svr:2:21: error: unknown attribute 'lema' (expected word, norm, lemma, pos, feat, "
          "kind or lex)\n"
          "    match [word=\"ö\" & lema=\"x\"];\n" +
              std::string(22, ' ') + "^");
  }
}

TEST_CASE("token tests: attributes, regexes anchored, %c, boolean operators", "[rules][match]") {
  auto t = toks("Polisen kommer att öka närvaron i 2030 områden .");
  tag(t, {"polis", "komma", "att", "öka", "närvaro", "i", "2030", "område", "."},
      {"NOUN", "AUX", "PART", "VERB", "NOUN", "ADP", "NUM", "NOUN", "PUNCT"});
  t[3].feats = "VerbForm=Inf|Voice=Act";
  REQUIRE(t.size() == 9);

  using V = std::vector<std::string>;
  CHECK(run(rule("[word=\"polisen\"]"), t) == V{});
  CHECK(run(rule("[word=\"polisen\"%c]"), t) == V{"r 0-1"});
  CHECK(run(rule("[norm=\"polisen\"]"), t) == V{"r 0-1"});
  CHECK(run(rule("[word=\"P.*\"]"), t) == V{"r 0-1"});
  CHECK(run(rule("[word=\"p.*\"%c]"), t) == V{"r 0-1"});
  // Anchored to the whole value: no substring matches.
  CHECK(run(rule("[word=\"olis\"]"), t) == V{});
  CHECK(run(rule("[word=\".*olis.*\"]"), t) == V{"r 0-1"});
  CHECK(run(rule("[lemma=\"komma\"] [word=\"att\"]"), t) == V{"r 1-3"});
  CHECK(run(rule("[pos=\"VERB\" & feat=\"VerbForm=Inf\"]"), t) == V{"r 3-4"});
  CHECK(run(rule("[feat=\"Voice=.*\"]"), t) == V{"r 3-4"});
  CHECK(run(rule("[feat=\"Voice\"]"), t) == V{});
  CHECK(run(rule("[kind=\"number\"]"), t) == V{"r 6-7"});
  CHECK(run(rule("[pos=\"NOUN\" & !(lemma=\"polis\" | lemma=\"område\")]"), t) == V{"r 4-5"});
  CHECK(run(rule("[pos=\"NOUN\" & lemma!=\"polis\"]"), t) == V{"r 4-5", "r 7-8"});
  CHECK(run(rule("[word=\"ö.a\"]"), t) == V{"r 3-4"});  // `.` is one code point, not a byte
}

TEST_CASE("quantifiers, groups, alternatives and captures", "[rules][match]") {
  using V = std::vector<std::string>;
  const auto t = toks("a b b b c a b c x y x y z");
  SECTION("counted repetition") {
    CHECK(run(rule("[word=\"a\"] [word=\"b\"]{2,3} [word=\"c\"]"), t) == V{"r 0-5"});
    CHECK(run(rule("[word=\"a\"] [word=\"b\"]{2} [word=\"c\"]"), t) == V{});
    CHECK(run(rule("[word=\"a\"] [word=\"b\"]{1,} [word=\"c\"]"), t) == V{"r 0-5", "r 5-8"});
    CHECK(run(rule("[word=\"a\"] [word=\"b\"]+ [word=\"c\"]"), t) == V{"r 0-5", "r 5-8"});
    CHECK(run(rule("[word=\"b\"]* [word=\"c\"]"), t) == V{"r 1-5", "r 6-8"});
    CHECK(run(rule("[word=\"c\"] [word=\"a\"]?"), t) == V{"r 4-6", "r 7-8"});
  }
  SECTION("groups and alternatives of sequences") {
    CHECK(run(rule("([word=\"x\"] [word=\"y\"])+ [word=\"z\"]"), t) == V{"r 8-13"});
    CHECK(run(rule("([word=\"a\"] [word=\"b\"] | [word=\"x\"])"), t) ==
          V{"r 0-2", "r 5-7", "r 8-9", "r 10-11"});
    CHECK(run(rule("[word=\"c\"] ([] [] | [])"), t) == V{"r 4-7", "r 7-10"});
  }
  SECTION("captures: positions, last repetition, untaken alternatives") {
    CHECK(run(rule("a:[word=\"a\"] bs:([word=\"b\"]+) c:[word=\"c\"]"), t) ==
          V{"r 0-5 a:0-1 bs:1-4 c:4-5", "r 5-8 a:5-6 bs:6-7 c:7-8"});
    CHECK(run(rule("(p:[word=\"x\"] [word=\"y\"])+"), t) == V{"r 8-12 p:10-11"});
    CHECK(run(rule("(one:[word=\"a\"] | two:[word=\"z\"])"), t) ==
          V{"r 0-1 one:0-1", "r 5-6 one:5-6", "r 12-13 two:12-13"});
  }
  SECTION("[] and greedy bounded gaps") {
    CHECK(run(rule("[word=\"a\"] []{0,3} [word=\"c\"]"), t) == V{"r 0-5", "r 5-8"});
    CHECK(run(rule("[word=\"a\"] []{0,2} [word=\"c\"]"), t) == V{"r 5-8"});
  }
  SECTION("a match stays inside [first, end)") {
    const R::matcher m(R::parse(rule("[word=\"b\"]+"), "t.svr"));
    const auto found = m.match(t, 2, 4);
    REQUIRE(found.size() == 1);
    CHECK(found[0].begin == 2);
    CHECK(found[0].end == 4);
  }
}

// Found by fuzzing (fuzz_rules, the empty input): with no rules a token has no bits, and the
// matcher took the address of an element of an empty array (undefined behaviour under UBSan).
TEST_CASE("an empty rule set matches nothing, with or without lexicon hits", "[rules][match]") {
  auto t = toks("Civilsamhällets organisationer och Polisen arbetar tillsammans .");
  const R::lexicon_hits hits = {{0, 2, "actor.civil_society", "svpol:civilsamhallet"},
                                {3, 4, "actor.authority", "svpol:polisen"}};
  CHECK(run("", t).empty());
  CHECK(run("", t, hits).empty());
  CHECK(run("# only a comment\n", t, hits).empty());
}

TEST_CASE("lexicon classes match multi-token entries as one unit", "[rules][match][lex]") {
  auto t = toks("Civilsamhällets organisationer och Polisen arbetar tillsammans .");
  REQUIRE(t.size() == 7);
  const R::lexicon_hits hits = {{0, 2, "actor.civil_society", "svpol:civilsamhallet"},
                                {0, 1, "actor.civil_society", "svpol:civilsamhallet-kort"},
                                {3, 4, "actor.authority", "svpol:polisen"}};
  using V = std::vector<std::string>;
  CHECK(run(rule("span:[lex=\"actor.civil_society\"]"), t, hits) == V{"r 0-2 span:0-2"});
  CHECK(run(rule("span:[lex=\"actor\"]"), t, hits) == V{"r 0-2 span:0-2", "r 3-4 span:3-4"});
  CHECK(run(rule("[lex=\"actor\"] [word=\"och\"] [lex=\"actor.authority\"]"), t, hits) ==
        V{"r 0-4"});
  // The shorter hit is tried when the longer one leads nowhere.
  CHECK(run(rule("[lex=\"actor\"] [word=\"organisationer\"]"), t, hits) == V{"r 0-2"});
  CHECK(run(rule("[lex=\"actor.speaker\"]"), t, hits) == V{});

  const R::matcher m(
      R::parse("rule s : Stakeholder {\n"
               "  set Category=authority, Reference from span.entry;\n"
               "  match span:[lex=\"actor.authority\"];\n}\n",
               "t.svr", &classes()));
  const auto found = m.match(t, 0, t.size(), hits);
  REQUIRE(found.size() == 1);
  const auto attrs = m.attributes(found[0], t, hits);
  using A = std::vector<std::pair<std::string, std::string>>;
  CHECK(attrs == A{{"Category", "authority"}, {"Reference", "svpol:polisen"}});
}

TEST_CASE("where: question, negation and clause scope", "[rules][match]") {
  using V = std::vector<std::string>;
  const std::string pat = "[word=\"vi\"%c] []{0,4} [word=\"höja\"]";
  CHECK(run(rule(pat, "  where not question;\n"), toks("Vi ska höja skatten.")) == V{"r 0-3"});
  CHECK(run(rule(pat, "  where not question;\n"), toks("Ska vi höja skatten?")) == V{});
  CHECK(run(rule(pat, "  where question;\n"), toks("Ska vi höja skatten?")) == V{"r 1-3"});
  CHECK(run(rule(pat, "  where not negated;\n"), toks("Vi ska inte höja skatten.")) == V{});
  CHECK(run(rule(pat, "  where negated;\n"), toks("Vi ska inte höja skatten.")) == V{"r 0-4"});
  // A negation inside `span` does not negate the commitment.
  CHECK(run(rule("[word=\"vi\"%c] [word=\"ska\"] span:([]{1,3})", "  where not negated;\n"),
            toks("Vi ska inte höja.")) == V{"r 0-5 span:2-5"});
  CHECK(run(rule(pat, "  where clause;\n"), toks("Vi, som ska, höja")) == V{});
  CHECK(run(rule(pat), toks("Vi, som ska, höja")) == V{"r 0-6"});
}

TEST_CASE("where: subordinate looks at the token before the match", "[rules][match]") {
  using V = std::vector<std::string>;
  const std::string pat = "[word=\"utredningen\"%c] [word=\"ska\"] []";
  const auto r = rule(pat, "  where not subordinate;\n");
  CHECK(run(r, toks("Utredningen ska redovisa.")) == V{"r 0-3"});
  CHECK(run(r, toks("Nu ska utredningen ska redovisa.")) == V{"r 2-5"});
  CHECK(run(r, toks("Vi vet att utredningen ska redovisa.")) == V{});
  CHECK(run(r, toks("Frågan är hur utredningen ska redovisa.")) == V{});
  CHECK(run(r, toks("Det är en del som utredningen ska redovisa.")) == V{});
  CHECK(run(rule(pat, "  where subordinate;\n"), toks("Vi vet att utredningen ska redovisa.")) ==
        V{"r 3-6"});
  // A tagged subordinating conjunction counts whatever the word.
  auto t = toks("Vi frågar ifall utredningen ska redovisa.");
  tag(t, {"vi", "fråga", "ifall", "utredning", "skola", "redovisa", "."},
      {"PRON", "VERB", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"});
  CHECK(run(r, t) == V{});
}

TEST_CASE("overlaps: priority, then length", "[rules][match]") {
  const auto t = toks("Vi kommer att se över reglerna");
  const R::matcher m(
      R::parse("rule low : Commitment priority 1 { match [word=\"kommer\"] []; }\n"
               "rule high : Commitment priority 9 { match [word=\"att\"] [] []; }\n"
               "rule long : Commitment { match [word=\"vi\"%c] [] [] [] []; }\n"
               "rule prob : Problem { match [word=\"kommer\"] []; }\n",
               "t.svr"));
  const auto all = m.match(t, 0, t.size());
  CHECK(all.size() == 4);
  std::vector<std::string> ids;
  for (const auto& x : m.resolve_overlaps(all)) ids.push_back(m.rules().rule(x.rule).id);
  CHECK(ids == std::vector<std::string>{"prob", "high"});
}

TEST_CASE("a catastrophic regex ends quickly with an error naming the rule", "[rules][match]") {
  const R::matcher m(
      R::parse("rule slow.one : Problem {\n  match [word=\"(a+)+$\"];\n}\n", "slow.svr"));
  auto t = toks("aaaa");
  t[0].form = std::string(32, 'a');
  CHECK(m.match(t, 0, 1).size() == 1);  // succeeds at once
  t[0].form = std::string(40, 'a') + "c";
  const auto start = std::chrono::steady_clock::now();
  try {
    m.match(t, 0, 1);
    FAIL("no error");
  } catch (const svpol::rule_error& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(what.rfind("slow.svr:2:15: error: regular expression in rule 'slow.one' took too long",
                     0) == 0);
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("nested unbounded quantifiers stay polynomial", "[rules][match]") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "ord ";
  const auto t = toks(text);
  const R::matcher m(R::parse(rule("([]* []*)* []* [word=\"saknas\"]"), "t.svr"));
  const auto start = std::chrono::steady_clock::now();
  CHECK(m.match(t, 0, t.size()).empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("one matcher serves several threads", "[rules][match]") {
  auto t = toks("Vi kommer att öka närvaron och vi kommer att minska brotten");
  const R::matcher m(R::parse(rule("[word=\"kommer\"] [word=\"a.t\"] [word=\".*\"]"), "t.svr"));
  std::vector<std::size_t> counts(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < counts.size(); ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < 200; ++k) counts[i] += m.match(t, 0, t.size()).size();
    });
  for (auto& th : threads) th.join();
  for (auto c : counts) CHECK(c == 400);
}

TEST_CASE("lexicon class names cover the classes below them", "[rules][lex]") {
  const R::class_list c({"actor-x", "actor.authority", "actors"});
  CHECK(c.has_class("actor"));
  CHECK(c.has_class("actor.authority"));
  CHECK(c.has_class("actor-x"));
  CHECK_FALSE(c.has_class("actor.auth"));
  CHECK_FALSE(c.has_class("act"));
  CHECK(R::class_matches("actor.authority", "actor"));
  CHECK_FALSE(R::class_matches("actors", "actor"));
}

TEST_CASE("a rule directory reports the errors of all its files", "[rules][errors]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "svpol_rules_test_dir";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.svr") << "rule x : Problem { match [word=\"a\"]; }\n"
                                  "rule y : Problem { match [wrd=\"b\"]; }\n";
  std::ofstream(dir / "b.svr") << "# same id as in a.svr\nrule x : Problem { match []; }\n";
  std::ofstream(dir / "notes.txt") << "not a rule file";
  try {
    R::load_dir(dir);
    FAIL("no error");
  } catch (const svpol::rule_error& e) {
    REQUIRE(e.diagnostics.size() == 2);
    CHECK(e.diagnostics[0].file == (dir / "a.svr").string());
    CHECK(e.diagnostics[0].line == 2);
    CHECK(e.diagnostics[1].file == (dir / "b.svr").string());
    CHECK(e.diagnostics[1].message ==
          "duplicate rule id 'x' (first defined at " + (dir / "a.svr").string() + ":1)");
  }
  CHECK_THROWS_AS(R::load_dir(dir / "nowhere"), svpol::input_error);
  fs::remove_all(dir);
}

TEST_CASE("an attribute from a capture takes the entry of a class the rule names",
          "[rules][match]") {
  // `regeringen` is both the speaker's side and a government stakeholder: a commitment rule
  // naming actor.own_side takes that entry, whatever the order of the hits.
  auto t = toks("Regeringen ska agera .");
  const R::lexicon_hits hits = {{0, 1, "actor.government", "svpol:regeringen"},
                                {0, 1, "actor.own_side", "own-side"}};
  const R::matcher m(
      R::parse("rule c : Commitment {\n  set Actor from actor.entry;\n"
               "  match actor:[lex=\"actor.own_side\"] [word=\"ska\"];\n}\n",
               "t.svr"));
  const auto found = m.match(t, 0, t.size(), hits);
  REQUIRE(found.size() == 1);
  const auto attrs = m.attributes(found[0], t, hits);
  REQUIRE(attrs.size() == 1);
  CHECK(attrs[0].second == "own-side");
}

namespace {

// A plain backtracking interpreter of a compiled program, with none of the matcher's pruning
// (no marks, no first sets, no cuts): what matcher::match must find, for rules without `where`.
class reference_matcher {
 public:
  reference_matcher(const R::rule_set& rules, const std::vector<svpol::token>& t,
                    const R::lexicon_hits& hits)
      : data_(R::detail::access::data(rules)), t_(t), hits_(hits) {}

  std::vector<std::string> run() {
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> found;
    for (std::size_t ri = 0; ri < data_.rules.size(); ++ri) {
      r_ = &data_.rules[ri];
      for (std::size_t s = 0; s < t_.size();) {
        caps_.assign(2 * r_->info.captures.size(), npos);
        const std::size_t e = dfs(0, s);
        if (e == npos) {
          ++s;
          continue;
        }
        std::string m = r_->info.id + " " + std::to_string(s) + "-" + std::to_string(e);
        for (std::size_t c = 0; c < r_->info.captures.size(); ++c)
          if (caps_[2 * c] != npos && caps_[2 * c + 1] != npos && caps_[2 * c] <= caps_[2 * c + 1])
            m += " " + r_->info.captures[c] + ":" + std::to_string(caps_[2 * c]) + "-" +
                 std::to_string(caps_[2 * c + 1]);
        found.push_back({{s, ri}, m});
        s = std::max(e, s + 1);
      }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(f.second);
    return out;
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  bool eval(std::size_t node, const svpol::token& tok) const {
    const auto& n = r_->conds[node];
    using K = R::detail::cond_node::kind;
    switch (n.op) {
      case K::test: {
        const auto& c = r_->checks[n.check];
        const bool hit = c.alternatives.empty()
                             ? tok.form == c.text
                             : std::find(c.alternatives.begin(), c.alternatives.end(), tok.form) !=
                                   c.alternatives.end();
        return hit != c.not_equal;
      }
      case K::all:
        return std::all_of(n.kids.begin(), n.kids.end(),
                           [&](std::size_t k) { return eval(k, tok); });
      case K::any:
        return std::any_of(n.kids.begin(), n.kids.end(),
                           [&](std::size_t k) { return eval(k, tok); });
      case K::negate:
        return !eval(n.kids[0], tok);
    }
    return false;
  }

  std::size_t dfs(std::size_t pc, std::size_t pos) {
    using O = R::detail::inst::op_t;
    const auto& in = r_->program[pc];
    switch (in.op) {
      case O::any:
        return pos < t_.size() ? dfs(pc + 1, pos + 1) : npos;
      case O::token:
        return pos < t_.size() && eval(in.x, t_[pos]) ? dfs(pc + 1, pos + 1) : npos;
      case O::lex: {
        std::vector<std::size_t> at;  // longest first, as the matcher tries them
        for (std::size_t h = 0; h < hits_.size(); ++h)
          if (hits_[h].begin == pos && hits_[h].begin < hits_[h].end && hits_[h].end <= t_.size() &&
              R::class_matches(hits_[h].cls, in.cls))
            at.push_back(h);
        std::stable_sort(at.begin(), at.end(),
                         [&](std::size_t a, std::size_t b) { return hits_[a].end > hits_[b].end; });
        for (const std::size_t h : at)
          if (const std::size_t e = dfs(pc + 1, hits_[h].end); e != npos) return e;
        return npos;
      }
      case O::split:
        if (const std::size_t e = dfs(in.x, pos); e != npos) return e;
        return dfs(in.y, pos);
      case O::jmp:
        return dfs(in.x, pos);
      case O::save: {
        const std::size_t old = caps_[in.x];
        caps_[in.x] = pos;
        const std::size_t e = dfs(pc + 1, pos);
        if (e == npos) caps_[in.x] = old;
        return e;
      }
      case O::match:
        return pos;
    }
    return npos;
  }

  const R::detail::rule_set_data& data_;
  const std::vector<svpol::token>& t_;
  const R::lexicon_hits& hits_;
  const R::detail::compiled_rule* r_ = nullptr;
  std::vector<std::size_t> caps_;
};

// A random pattern over the words a..e: tests with alternatives, negation and `&`, [], lexicon
// classes, groups of alternative sequences, every kind of quantifier, and captures. Unbounded
// quantifiers only go on what cannot match nothing, so that the reference terminates.
struct pattern_maker {
  std::mt19937& rng;
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  std::string word() { return std::string(1, static_cast<char>('a' + pick(5))); }

  std::string atom(int depth, bool& nullable) {
    nullable = false;
    switch (pick(depth > 0 ? 7 : 6)) {
      case 0:
        return "[word=\"" + word() + "\"]";
      case 1:
        return "[word=\"" + word() + "|" + word() + "\"]";
      case 2:
        return "[word!=\"" + word() + "\"]";
      case 3:
        return "[word=\"" + word() + "|" + word() + "\" & !(word=\"" + word() + "\")]";
      case 4:
        return "[]";
      case 5:
        return pick(2) ? "[lex=\"actor\"]" : "[lex=\"actor.speaker\"]";
      default: {
        std::string g = "(";
        const int alts = 1 + pick(3);
        nullable = false;
        for (int a = 0; a < alts; ++a) {
          bool seq_nullable = false;
          if (a) g += " | ";
          g += sequence(depth - 1, seq_nullable);
          nullable = nullable || seq_nullable;
        }
        return g + ")";
      }
    }
  }

  std::string item(int depth, bool& nullable) {
    std::string s = atom(depth, nullable);
    static const char* const quants[] = {"", "", "", "?", "{0,2}", "{1,3}", "{2}", "+", "*"};
    const std::string q = quants[pick(9)];
    if (nullable && (q == "+" || q == "*")) return s;
    if (q == "?" || q == "{0,2}" || q == "*") nullable = true;
    if (pick(4) == 0) s = numbered("c", captures++) + ":" + s;
    return s + q;
  }

  std::string sequence(int depth, bool& nullable) {
    std::string s;
    nullable = true;
    const int n = 1 + pick(3);
    for (int i = 0; i < n; ++i) {
      bool item_nullable = false;
      if (i) s += ' ';
      s += item(depth, item_nullable);
      nullable = nullable && item_nullable;
    }
    return s;
  }
  int captures = 0;
};

}  // namespace

TEST_CASE("cuts: the tests every match passes after a point all paths go through",
          "[rules][match][cuts]") {
  const auto set = R::parse(
      rule("[]{1,3} [word=\"v\"] ([word=\"a\"] | [word=\"b\"] [word=\"c\"]) [word=\"d\"]?"),
      "t.svr");
  const auto& data = R::detail::access::data(set);
  REQUIRE(data.rules.size() == 1);
  const auto& r = data.rules[0];
  std::set<std::set<std::string>> cuts;
  for (const auto& u : r.cuts) {
    std::set<std::string> words;
    for (const auto& [ri, node] : data.cuts[u.cut].conds) {
      const auto& n = data.rules[ri].conds[node];
      words.insert(data.rules[ri].checks[n.check].text);
    }
    cuts.insert(words);
  }
  // The group gives the first test of each alternative; `c` lies on one of them only, and the
  // optional `d` can be skipped. Of all the tests together, `v` and then `b` can be left out (in
  // the order of their memos, all being words) and still every path passes `a` or `c`.
  CHECK(cuts == std::set<std::set<std::string>>{{"v"}, {"a", "b"}, {"a", "c"}});
}

TEST_CASE("cuts: all instructions of one test or class, and their reach from the start",
          "[rules][match][cuts]") {
  // No single instruction dominates the match; the class and the test `t` each lie on every
  // path. The class is passed at most one token after the start; `t` two after, or after the
  // hit, of any length.
  const auto set = R::parse(rule("[word!=\"s\"] [lex=\"actor.speaker\"] [word=\"t\"] "
                                 "| [lex=\"actor.speaker\"] [] [word=\"t\"] [word=\"u\"]*"),
                            "t.svr", &classes());
  const auto& data = R::detail::access::data(set);
  REQUIRE(data.rules.size() == 1);
  std::map<std::string, std::size_t> reach;  // by class or word
  for (const auto& u : data.rules[0].cuts) {
    const auto& c = data.cuts[u.cut];
    for (const auto& cls : c.classes) reach[cls] = u.reach;
    for (const auto& [ri, node] : c.conds)
      reach[data.rules[ri].checks[data.rules[ri].conds[node].check].text] = u.reach;
  }
  CHECK(reach == std::map<std::string, std::size_t>{{"actor.speaker", 1},
                                                    {"t", R::detail::compiled_rule::no_reach}});
  // Starts from which the class is too far away are skipped; the others still match.
  const auto t = toks("a b x c t d e t");
  const R::matcher m(set);
  CHECK(describe(m, m.match(t, 0, t.size(), {{3, 4, "actor.speaker", "", 0}})) ==
        std::vector<std::string>{"r 2-5"});
  CHECK(describe(m, m.match(t, 0, t.size(), {{5, 6, "actor.speaker", "", 0}})) ==
        std::vector<std::string>{"r 5-8"});
}

TEST_CASE("cuts: where a cut last passes is found anew for each sentence",
          "[rules][match][cuts]") {
  // The loop before `t` leaves its cut without a reach: the starts after where it last passes
  // are skipped. The matcher keeps that position per cut between calls only as unknown; one left
  // from the first sentence (1) would skip the start of the second's match.
  const auto set = R::parse(rule("[word=\"a\"] []* [word=\"t\"]"), "t.svr");
  const auto& data = R::detail::access::data(set);
  REQUIRE(data.rules.size() == 1);
  REQUIRE(std::any_of(data.rules[0].cuts.begin(), data.rules[0].cuts.end(), [](const auto& u) {
    return u.reach == R::detail::compiled_rule::no_reach;
  }));
  const R::matcher m(set);
  const auto first = toks("a t x x x x");
  const auto second = toks("x x x a b t");
  CHECK(describe(m, m.match(first, 0, first.size(), {})) == std::vector<std::string>{"r 0-2"});
  CHECK(describe(m, m.match(second, 0, second.size(), {})) == std::vector<std::string>{"r 3-6"});
  CHECK(describe(m, m.match(first, 0, first.size(), {})) == std::vector<std::string>{"r 0-2"});
}

TEST_CASE("cuts: several tests and classes together, leaving out word classes first",
          "[rules][match][cuts]") {
  const auto set = R::parse(rule("[word=\"den\"]? ([lex=\"actor.speaker\"] "
                                 "| [pos=\"PROPN\"] [word=\"AB\"]) [word=\"x\"]?"),
                            "t.svr", &classes());
  const auto& data = R::detail::access::data(set);
  REQUIRE(data.rules.size() == 1);
  std::set<std::set<std::string>> cuts;
  for (const auto& u : data.rules[0].cuts) {
    const auto& c = data.cuts[u.cut];
    std::set<std::string> named(c.classes.begin(), c.classes.end());
    for (const auto& [ri, node] : c.conds)
      named.insert(data.rules[ri].checks[data.rules[ri].conds[node].check].text);
    cuts.insert(named);
  }
  // The group's first tests, and the class with `AB` rather than with the word class.
  CHECK(cuts ==
        std::set<std::set<std::string>>{{"actor.speaker", "PROPN"}, {"actor.speaker", "AB"}});
  const R::matcher m(set);
  auto t = toks("den Volvo AB och den x");
  tag(t, {"den", "Volvo", "AB", "och", "den", "x"}, {"DET", "PROPN", "PROPN", "CCONJ", "DET", "X"});
  CHECK(describe(m, m.match(t, 0, t.size(), {{4, 5, "actor.speaker", "", 0}})) ==
        std::vector<std::string>{"r 0-3", "r 4-6"});
}

// A rule file of `count` random rules, each of which parses.
std::string random_rules(pattern_maker& make, int count) {
  std::string text;
  int made = 0;
  while (made < count) {
    make.captures = 0;
    bool nullable = false;
    const std::string pattern = make.sequence(2, nullable);
    const std::string one =
        "rule r" + std::to_string(made) + " : Problem {\n  match " + pattern + ";\n}\n";
    if (!errors_of(one).empty()) continue;
    text += one;
    ++made;
  }
  return text;
}

// A random sentence of one to nine words, as text, and up to two lexicon hits in it.
std::pair<std::string, R::lexicon_hits> random_sentence(pattern_maker& make) {
  std::string words;
  const int n = 1 + make.pick(9);
  for (int i = 0; i < n; ++i) words += make.word() + " ";
  const std::size_t size = toks(words).size();
  R::lexicon_hits hits;
  for (int h = make.pick(3); h > 0; --h) {
    const std::size_t b = static_cast<std::size_t>(make.pick(n));
    const std::size_t e = b + 1 + static_cast<std::size_t>(make.pick(2));
    hits.push_back({b, std::min<std::size_t>(e, size),
                    make.pick(2) ? "actor.speaker" : "actor.authority", "", 0});
  }
  return {words, hits};
}

TEST_CASE("the matcher's first sets and cuts skip no match (against a plain backtracker)",
          "[rules][match][cuts]") {
  std::mt19937 rng(20240611);
  pattern_maker make{rng};
  // Over 64 rules, so that the per-token bits of rules and cuts take more than one word.
  const auto set = R::parse(random_rules(make, 90), "t.svr", &classes());
  const R::matcher m(set);
  std::size_t total = 0;
  for (int round = 0; round < 300; ++round) {
    const auto [words, hits] = random_sentence(make);
    const auto t = toks(words);
    const std::vector<std::string> got = describe(m, m.match(t, 0, t.size(), hits));
    const auto want = reference_matcher(set, t, hits).run();
    total += want.size();
    INFO("sentence: " << words);
    REQUIRE(got == want);
  }
  CHECK(total > 300);  // the rules do match: the comparison is not of empty lists
}

TEST_CASE("a thread matches alike with the token bits another thread published",
          "[rules][match][cuts]") {
  // The second thread meets every token new to its own memo and takes its rule, cut and memo
  // bits from rule_set_data::shared, where the first one left them.
  std::mt19937 rng(20261125);
  pattern_maker make{rng};
  const auto set = R::parse(random_rules(make, 90), "t.svr", &classes());
  const R::matcher m(set);
  std::vector<std::pair<std::vector<svpol::token>, R::lexicon_hits>> sentences;
  std::vector<std::vector<std::string>> want;
  std::size_t total = 0;
  for (int round = 0; round < 200; ++round) {
    auto [words, hits] = random_sentence(make);
    auto t = toks(words);
    want.push_back(reference_matcher(set, t, hits).run());
    total += want.back().size();
    sentences.emplace_back(std::move(t), std::move(hits));
  }
  for (int pass = 0; pass < 2; ++pass) {  // each pass on a thread of its own
    std::vector<std::vector<std::string>> got;
    std::thread th([&] {
      for (const auto& [t, hits] : sentences)
        got.push_back(describe(m, m.match(t, 0, t.size(), hits)));
    });
    th.join();
    INFO("pass " << pass);
    CHECK(got == want);
  }
  CHECK(total > 200);
}

TEST_CASE("regexes tested without ICU first decide as ICU does", "[rules][match][regex]") {
  // The fast paths: escaped punctuation as words, the category of the first code point, the
  // last byte, the endings of a final group; and patterns that must keep going to ICU (alternation
  // outside a group, an optional first class, escapes that are not followed); and regexes of
  // finitely many words, which are those words.
  const std::vector<std::string> patterns = {"\\(",
                                             "\\(|\\)",
                                             "\\p{Lu}.*",
                                             "\\p{Lu}\\p{Ll}+(-\\p{Lu}\\p{Ll}+)?",
                                             "\\p{Ll}.*",
                                             "\\p{L}+-",
                                             "\\p{L}{3,}(bor|na)",
                                             "\\p{Lu}[\\p{L}\\-&]*",
                                             "\\p{L}?x",
                                             "\\p{Lu}*-",
                                             "\\p{Lu}x|y",
                                             "a\\x2D",
                                             "\\p{L}{0,2}",
                                             "(\\p{Lu}|a)b-",
                                             "[a-z]+\\.",
                                             "(.*minister|statsråd)",
                                             "(eu|fn)-?(land|länder)",
                                             "x(a|b)",
                                             "(a(b|c))",
                                             "\\p{Lu}\\p{L}+s",
                                             "(statsråd|minister)(et|n)?|x",
                                             "ö?(a|b)\\)?",
                                             "a||b",
                                             "(ab|c)?(d(e|f)?)?",
                                             "x(a|b|)"};
  const std::vector<std::string> words = {
      "(",        ")",         "x(",      "Abc",      "abc",     "Ö",        "ö-",
      "EU-",      "1",         "É-",      "ǅx",       "x",       "y",        "a-",
      "b-",       "ab-",       "Ab-",     "abc.",     "Jonas",   "Lars",     "-",
      "barna",    "Åbor",      "ÖÄs",     "ÅÄÖ",      "Ax",      "statsråd", "justitieminister",
      "minister", "ministern", "eu-land", "fnländer", "EU-land", "xa",       "xb",
      "xc",       "ab",        "ac",      "statsrådet", "ministeret", "öa", "b)", "öb)", "",
      "abde",     "cd",        "abdf",    "abd",       "d",       "de",       "c",  "ö"};
  for (const auto& p : patterns) {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe{};
    std::unique_ptr<icu::RegexPattern> re(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(p), 0, pe, st));
    REQUIRE(U_SUCCESS(st));
    const auto set = R::parse(rule("[word=\"" + p + "\"]"), "t.svr");
    const auto& check = R::detail::access::data(set).rules.at(0).checks.at(0);
    // Finitely many words: tested as words (rule_set_data::words), not by ICU.
    static const std::set<std::string> finite = {
        "\\(", "\\(|\\)", "(eu|fn)-?(land|länder)", "x(a|b)", "(a(b|c))",
        "(statsråd|minister)(et|n)?|x", "ö?(a|b)\\)?", "a||b", "(ab|c)?(d(e|f)?)?", "x(a|b|)"};
    INFO("pattern " << p);
    CHECK(check.alternatives.empty() != (finite.count(p) == 1));
    const R::matcher m(set);
    for (const auto& w : words) {
      std::vector<svpol::token> t(1);
      t[0].form = w;
      t[0].norm = w;
      std::unique_ptr<icu::RegexMatcher> rm(re->matcher(icu::UnicodeString::fromUTF8(w), st));
      const bool want = rm->matches(st) != 0;
      INFO("pattern " << p << " on " << w);
      CHECK(m.match(t, 0, 1).size() == (want ? 1u : 0u));
    }
  }
}

TEST_CASE("word tests, done at once per token, decide as ICU does", "[rules][match][words]") {
  // rule_set_data::words: the tests that compare an attribute with words (a literal or an
  // alternation of words, with and without %c and !=), looked up together when the matcher first
  // meets a token, next to tests that still run one by one (suffixes, regexes, and, or, not).
  // Each rule is one test; its matches are where it passes, which ICU says here: the pattern
  // matches all of the attribute (one Key=Value of feats), case-insensitively with %c.
  const std::vector<std::string> attrs = {"word", "norm", "lemma", "pos", "feat", "kind"};
  const std::vector<std::string> patterns = {
      "polisen",         "Polisen",      "polisen|öka",          "Öka|att|ÅR",
      "år",              "NOUN",         "noun|VERB",            "Definite=Def",
      "definite=def|x",  "Case=Nom",     "word|NUMBER",          "punct",
      ".+(isen|ka)",     "\\p{Lu}.*",    "(x|polis)",            "att"};
  struct tok {
    std::string form, lemma, upos, feats;
    svpol::token_kind kind;
  };
  const std::vector<tok> given = {
      {"Polisen", "polis", "NOUN", "Case=Nom|Definite=Def", svpol::token_kind::word},
      {"polisen", "Polis", "noun", "Definite=Def", svpol::token_kind::word},
      {"POLISEN", "polisen", "NOUN", "_", svpol::token_kind::word},
      {"Öka", "öka", "VERB", "VerbForm=Inf|Voice=Act", svpol::token_kind::word},
      {"öka", "Öka", "verb", "", svpol::token_kind::word},
      {"ÅR", "år", "NOUN", "Case=Nom", svpol::token_kind::word},
      {"år", "ÅR", "NOUN", "case=nom|Definite=def", svpol::token_kind::word},
      {"att", "att", "PART", "_|Case=Nom", svpol::token_kind::word},
      {"Att", "att", "SCONJ", "x", svpol::token_kind::word},
      {"2030", "2030", "NUM", "NumType=Card", svpol::token_kind::number},
      {".", ".", "PUNCT", "_", svpol::token_kind::punct},
      {"word", "punct", "X", "word", svpol::token_kind::symbol}};
  std::vector<svpol::token> t(given.size());
  for (std::size_t i = 0; i < given.size(); ++i) {
    t[i].form = given[i].form;
    t[i].norm = svpol::fold_case(given[i].form);
    t[i].lemma = given[i].lemma;
    t[i].upos = svpol::intern_tag(given[i].upos);
    t[i].feats = svpol::intern_tag(given[i].feats);
    t[i].kind = given[i].kind;
  }
  auto value_of = [&](const svpol::token& x, const std::string& attr) -> std::vector<std::string> {
    if (attr == "word") return {x.form};
    if (attr == "norm") return {x.norm};
    if (attr == "lemma") return {x.lemma};
    if (attr == "pos") return {std::string(x.upos)};
    if (attr == "kind") return {std::string(svpol::to_string(x.kind))};
    std::vector<std::string> items;  // feat: until the end or an item `_`
    std::string_view f = x.feats;
    while (!f.empty() && f != "_") {
      const std::size_t bar = f.find('|');
      items.emplace_back(f.substr(0, bar));
      f = bar == std::string_view::npos ? std::string_view() : f.substr(bar + 1);
    }
    return items;
  };
  std::string rules;
  std::vector<std::vector<std::string>> want;  // per rule
  int n = 0;
  for (const auto& attr : attrs)
    for (const auto& p : patterns)
      for (const bool fold : {false, true})
        for (const bool negated : {false, true}) {
          // Literal kinds other than the six are an error: not a case to test here.
          if (attr == "kind" && p != "punct" && p.find_first_of("|.\\(") == std::string::npos)
            continue;
          const std::string id = numbered("r", n++);
          rules += "rule " + id + " : Problem {\n  match [" + attr + (negated ? "!=" : "=") +
                   "\"" + p + "\"" + (fold ? "%c" : "") + "];\n}\n";
          UErrorCode st = U_ZERO_ERROR;
          UParseError pe{};
          std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(
              icu::UnicodeString::fromUTF8(p), fold ? UREGEX_CASE_INSENSITIVE : 0, pe, st));
          REQUIRE(U_SUCCESS(st));
          std::vector<std::string> at;
          for (std::size_t i = 0; i < t.size(); ++i) {
            bool hit = false;
            for (const auto& v : value_of(t[i], attr)) {
              std::unique_ptr<icu::RegexMatcher> m(
                  re->matcher(icu::UnicodeString::fromUTF8(v), st));
              hit = hit || m->matches(st) != 0;
            }
            if (hit != negated) at.push_back(id + " " + std::to_string(i) + "-" +
                                             std::to_string(i + 1));
          }
          want.push_back(at);
        }
  // And the same tests inside conditions, sharing their memos with the tests alone.
  rules +=
      "rule both : Problem {\n  match [(lemma=\"polis\"%c | word=\"att|år\") & pos!=\"NOUN\"];\n}\n";
  want.push_back({"both 1-2", "both 7-8"});
  const auto set = R::parse(rules, "t.svr");
  REQUIRE(R::detail::access::data(set).words.groups != 0);
  const R::matcher m(set);
  // Twice: the second time from the memo the first left.
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<std::vector<std::string>> got(want.size());
    for (const auto& x : describe(m, m.match(t, 0, t.size()))) {
      const std::string id = x.substr(0, x.find(' '));
      got[id == "both" ? want.size() - 1 : std::stoul(id.substr(1))].push_back(x);
    }
    for (std::size_t r = 0; r < want.size(); ++r) {
      INFO("pass " << pass << " rule " << r);
      CHECK(got[r] == want[r]);
    }
  }
}

TEST_CASE("overlaps resolved as by stable sorts, whatever the order of the matches",
          "[rules][match]") {
  // resolve_overlaps and match sort a sentence's few matches by insertion; this is what
  // std::stable_sort made of them, on lists of every length up to past the insertion sort's
  // (ties included: equal spans, rules and priorities).
  const R::matcher m(
      R::parse("rule a : Commitment priority 1 { match []; }\n"
               "rule b : Commitment { match []; }\n"
               "rule c : Problem priority 9 { match []; }\n"
               "rule d : Problem priority 1 { match []; }\n"
               "rule e : Commitment priority 9 { match []; }\n",
               "t.svr"));
  auto info = [&](const R::match& x) -> const R::rule_info& { return m.rules().rule(x.rule); };
  auto by_position = [](const R::match& a, const R::match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
  };
  auto reference = [&](std::vector<R::match> found) {
    std::stable_sort(found.begin(), found.end(), [&](const R::match& a, const R::match& b) {
      const auto sa = a.span(), sb = b.span();
      if (info(a).priority != info(b).priority) return info(a).priority > info(b).priority;
      if (sa.second - sa.first != sb.second - sb.first)
        return sa.second - sa.first > sb.second - sb.first;
      if (sa.first != sb.first) return sa.first < sb.first;
      return a.rule < b.rule;
    });
    std::vector<R::match> kept;
    for (auto& x : found) {
      const auto s = x.span();
      if (std::none_of(kept.begin(), kept.end(), [&](const R::match& k) {
            const auto t = k.span();
            return info(k).kind == info(x).kind && s.first < t.second && t.first < s.second;
          }))
        kept.push_back(std::move(x));
    }
    std::stable_sort(kept.begin(), kept.end(), by_position);
    return kept;
  };
  std::mt19937 rng(20261125);
  auto pick = [&](int n) { return static_cast<std::size_t>(rng() % static_cast<unsigned>(n)); };
  for (int round = 0; round < 2000; ++round) {
    std::vector<R::match> found(pick(round < 1000 ? 8 : 48));
    for (std::size_t i = 0; i < found.size(); ++i) {
      R::match& x = found[i];
      x.rule = pick(5);
      x.begin = pick(12);
      x.end = x.begin + pick(4);
      // A `span` capture in some (what span() reads), and a tag telling equal matches apart.
      if (pick(3) == 0) x.captures.push_back({"span", x.begin, x.begin + pick(3)});
      x.captures.push_back({numbered("n", i), 0, 0});
    }
    INFO("round " << round);
    REQUIRE(describe(m, m.resolve_overlaps(found)) == describe(m, reference(found)));
  }
}
