#include "svpol/terms.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "svpol/normalize.hpp"
#include "test_support.hpp"

namespace {

// A token as the tagger leaves it: the form, its fold as norm, and a lemma.
svpol::token tok(const std::string& form, const std::string& lemma) {
  svpol::token t;
  t.form = form;
  t.norm = svpol::fold_case(form);
  t.lemma = lemma;
  return t;
}

std::vector<std::string> words_of(const std::string& phrase) {
  std::vector<std::string> out;
  std::istringstream in(phrase);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// find() as the header describes it, one entry and one position at a time: an entry is found
// where each of its words matches its token (a `~` word the folded lemma, a case=exact word the
// form, others the norm; the last word also in the genitive, `+s` or `+:s`) and where its first
// word is one of the keys a token is looked up by: the norm, the norm less a final `:s` (else
// `s`), or `~` and the folded lemma.
svpol::rules::lexicon_hits reference_find(const svpol::term_lexicon& lex,
                                          const std::vector<svpol::token>& toks, std::size_t first,
                                          std::size_t end) {
  auto genitive_of = [](const std::string& form, const std::string& w) {
    return form == w + "s" || form == w + ":s";
  };
  auto strip = [](const std::string& n) -> std::string {
    if (n.size() > 2 && n.compare(n.size() - 2, 2, ":s") == 0) return n.substr(0, n.size() - 2);
    if (n.size() > 1 && n.back() == 's') return n.substr(0, n.size() - 1);
    return "";
  };
  svpol::rules::lexicon_hits hits;
  for (std::size_t i = first; i < end; ++i) {
    const svpol::token& t = toks[i];
    std::vector<std::string> keys = {t.norm, strip(t.norm)};
    if (!t.lemma.empty()) keys.push_back("~" + svpol::fold_case(t.lemma));
    svpol::rules::lexicon_hits here;
    for (std::size_t e = 0; e < lex.size(); ++e) {
      const svpol::term_entry& entry = lex.entries()[e];
      const auto& w = entry.words;
      const std::string key = entry.exact_case ? svpol::fold_case(w[0]) : w[0];
      if (key.empty() || std::find(keys.begin(), keys.end(), key) == keys.end()) continue;
      if (i + w.size() > end) continue;
      bool ok = true;
      for (std::size_t k = 0; k < w.size() && ok; ++k) {
        const svpol::token& u = toks[i + k];
        if (w[k].size() > 1 && w[k][0] == '~') {
          ok = !u.lemma.empty() && svpol::fold_case(u.lemma) == w[k].substr(1);
        } else {
          const std::string& form = entry.exact_case ? u.form : u.norm;
          ok = form == w[k] || (k + 1 == w.size() && genitive_of(form, w[k]));
        }
      }
      if (ok) here.push_back({i, i + w.size(), entry.cls, entry.id, e});
    }
    std::stable_sort(here.begin(), here.end(),
                     [](const auto& a, const auto& b) { return a.end > b.end; });
    hits.insert(hits.end(), here.begin(), here.end());
  }
  return hits;
}

std::vector<std::string> show(const svpol::term_lexicon& lex,
                              const svpol::rules::lexicon_hits& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) {
    out.push_back(std::to_string(h.begin) + "-" + std::to_string(h.end) + " " +
                  lex.entry_of(h).phrase + " " + h.cls + " " + h.entry);
  }
  return out;
}

// Entries that share first words (as `sveriges` and `statens` begin hundreds), second words that
// are lemmas or exact, genitives with `:s`, a word ending in `:`, a `~` on its own.
const char* const lexicon_text =
    "polisen\tactor.authority\tid=svpol:polisen\n"
    "sveriges riksdag\tactor.government\tid=svpol:riksdagen\n"
    "sveriges ~kommun\tactor.municipal\n"
    "sveriges kommuner och regioner\tactor.municipal\tid=svpol:skr\n"
    "sveriges kommuner\tactor.municipal\n"
    "sveriges\tplace.sweden\n"
    "sverige\tplace.sweden\tid=svpol:sverige\n"
    "statens skolverk\tactor.authority\n"
    "statens ~myndighet\tactor.authority\n"
    "~myndighet\tactor.authority\n"
    "~stor\tproblem.level.high\n"
    "~stor ~problem\tproblem.noun\n"
    "EU\tactor.international\tid=svpol:eu\n"
    "EU ~kommission\tactor.international\n"
    "Brå\tactor.authority\tid=svpol:bra;case=exact\n"
    "Brå rapport\tactor.authority\tcase=exact\n"
    "a: b\tx.colon\n"
    "a:\tx.colon\n"
    "b a:\tx.colon\n"
    "c a\tx.colon\n"
    "~\tx.tilde\n"
    "~ström\tx.lemma\n"
    "strasse\tx.fold\n"
    "~straße\tx.fold\n";

// Forms with the lemmas the tagger might give them, proper nouns capitalized.
const std::vector<std::pair<std::string, std::string>> vocabulary = {
    {"Polisen", "polis"},
    {"polisens", "polis"},
    {"Sveriges", "Sverige"},
    {"sveriges", "Sverige"},
    {"Sverige", "Sverige"},
    {"riksdag", "riksdag"},
    {"riksdags", "riksdag"},
    {"riksdag:s", "riksdag"},
    {"kommuner", "kommun"},
    {"kommunerna", "kommun"},
    {"och", "och"},
    {"regioner", "region"},
    {"regioners", "region"},
    {"Statens", "stat"},
    {"skolverk", "skolverk"},
    {"skolverks", "skolverk"},
    {"myndigheten", "myndighet"},
    {"Myndigheter", "Myndighet"},
    {"stora", "stor"},
    {"större", "stor"},
    {"problem", "problem"},
    {"problemen", "problem"},
    {"EU", "EU"},
    {"EU:s", "EU"},
    {"eu", "eu"},
    {"kommissionen", "kommission"},
    {"Brå", "Brå"},
    {"brå", "brå"},
    {"Brås", "Brå"},
    {"rapport", "rapport"},
    {"rapports", "rapport"},
    {"a:", "a:"},
    {"a:s", "a:"},
    {"as", "a"},
    {"a", "a"},
    {"b", "b"},
    {"bs", "b"},
    {"c", "c"},
    {"~", "~"},
    {"~s", "~"},
    {"Ström", "Ström"},
    {"STRÖM", "STRÖM"},
    {"Straße", "Straße"},
    {"strasse", "strasse"},
    {"x", ""},
    {"", ""},
    {"s", "s"},
    {":s", ":"},
};

}  // namespace

TEST_CASE("term lexicon: the entries found and their order", "[terms]") {
  const auto lex = svpol::term_lexicon::parse(lexicon_text, "t.tsv");
  auto sentence = [](std::initializer_list<std::pair<const char*, const char*>> words) {
    std::vector<svpol::token> toks;
    for (const auto& [form, lemma] : words) toks.push_back(tok(form, lemma));
    return toks;
  };
  using V = std::vector<std::string>;
  SECTION("longest first at one start, a shorter entry too") {
    const auto t = sentence(
        {{"Sveriges", "Sverige"}, {"kommuner", "kommun"}, {"och", "och"}, {"regioners", "region"}});
    CHECK(show(lex, lex.find(t, 0, t.size())) ==
          V{"0-4 sveriges kommuner och regioner actor.municipal svpol:skr",
            "0-2 sveriges ~kommun actor.municipal ", "0-2 sveriges kommuner actor.municipal ",
            "0-1 sveriges place.sweden ", "0-1 sverige place.sweden svpol:sverige"});
    // Not past the end given.
    CHECK(show(lex, lex.find(t, 0, 3)) ==
          V{"0-2 sveriges ~kommun actor.municipal ", "0-2 sveriges kommuner actor.municipal ",
            "0-1 sveriges place.sweden ", "0-1 sverige place.sweden svpol:sverige"});
  }
  SECTION("the last word in the genitive, with s or :s") {
    const auto t = sentence({{"EU:s", "EU"}, {"statens", "stat"}, {"skolverks", "skolverk"}});
    CHECK(show(lex, lex.find(t, 0, t.size())) ==
          V{"0-1 EU actor.international svpol:eu", "1-3 statens skolverk actor.authority "});
  }
  SECTION("lemmas are folded, proper nouns' too") {
    const auto t = sentence({{"Myndigheter", "Myndighet"}, {"STRÖM", "STRÖM"}});
    CHECK(show(lex, lex.find(t, 0, t.size())) ==
          V{"0-1 ~myndighet actor.authority ", "1-2 ~ström x.lemma "});
  }
  SECTION("a lemma that is the norm, as a first and as a second word") {
    // find() takes such a lemma's key from the norm's: both must still be lemma keys.
    const auto t = sentence({{"stora", "stor"}, {"problem", "problem"}, {"och", "och"}});
    CHECK(show(lex, lex.find(t, 0, t.size())) ==
          V{"0-2 ~stor ~problem problem.noun ", "0-1 ~stor problem.level.high "});
    const auto u = sentence({{"stor", "stor"}, {"Problem", "problem"}});
    CHECK(show(lex, lex.find(u, 0, u.size())) ==
          V{"0-2 ~stor ~problem problem.noun ", "0-1 ~stor problem.level.high "});
  }
  SECTION("case=exact matches the form as written") {
    const auto t = sentence({{"Brå", "Brå"}, {"rapport", "rapport"}, {"brå", "brå"}});
    CHECK(show(lex, lex.find(t, 0, t.size())) ==
          V{"0-2 Brå rapport actor.authority ", "0-1 Brå actor.authority svpol:bra"});
  }
}

TEST_CASE("term lexicon: find agrees with a plain search of every entry", "[terms]") {
  // Sentences of random pieces, a piece one token or the words of an entry.
  using piece = std::vector<std::pair<std::string, std::string>>;
  std::mt19937 gen(6);
  auto check = [&](const svpol::term_lexicon& lex, const std::vector<piece>& pieces,
                   int sentences) {
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 50);
    svpol::rules::lexicon_hits kept;  // find(..., hits) into one vector, as extract() does
    for (int s = 0; s < sentences; ++s) {
      std::vector<svpol::token> toks;
      for (std::size_t n = length(gen); n > 0; --n)
        for (const auto& [form, lemma] : pieces[pick(gen)]) toks.push_back(tok(form, lemma));
      const std::size_t first = toks.empty() ? 0 : std::min<std::size_t>(gen() % 3, toks.size());
      const std::size_t end = toks.size() - (toks.size() > first ? gen() % 2 : 0);
      CAPTURE(s, first, end);
      const auto expected = show(lex, reference_find(lex, toks, first, end));
      REQUIRE(show(lex, lex.find(toks, first, end)) == expected);
      lex.find(toks, first, end, kept);
      REQUIRE(show(lex, kept) == expected);
    }
  };
  std::vector<piece> pieces;
  for (const auto& [form, lemma] : vocabulary) pieces.push_back({{form, lemma}});
  SECTION("a lexicon of the hard cases") {
    check(svpol::term_lexicon::parse(lexicon_text, "t.tsv"), pieces, 3000);
  }
  SECTION("the Swedish lexicon, on its own entries") {
    const auto& lex = svpol::test::sv().terms();
    for (std::size_t e = 0; e < lex.size(); e += 2) {
      piece words;
      for (const auto& w : words_of(lex.entries()[e].phrase)) {
        const bool lemma = w.size() > 1 && w[0] == '~';
        const std::string word = lemma ? w.substr(1) : w;
        words.emplace_back(word, lemma ? word : "x");
        pieces.push_back({{word, words.back().second}});
      }
      pieces.push_back(words);
      words.back().first += e % 4 == 0 ? "s" : ":s";  // the genitive
      pieces.push_back(words);
    }
    check(lex, pieces, 3000);
  }
}
