// Helpers shared by the unit tests.
#pragma once

#include <string>
#include <vector>

#include "svpol/lexicon.hpp"
#include "svpol/pipeline.hpp"
#include "svpol/tokenize.hpp"

namespace svpol::test {

// The project's own Swedish lexicons (lexicons/sv).
inline const lexicon& sv() {
  static const lexicon lex = lexicon::load_dir(SVPOL_TEST_LEXICONS);
  return lex;
}

inline std::vector<std::string> forms(const std::string& text) {
  const auto doc = document::from_utf8(text, "t");
  std::vector<std::string> out;
  for (const auto& t : tokenize(doc, sv().abbreviations())) out.push_back(t.form);
  return out;
}

// Sentences as their original text.
inline std::vector<std::string> sentences_of(const std::string& text) {
  const auto doc = document::from_utf8(text, "t");
  const auto toks = tokenize(doc, sv().abbreviations());
  std::vector<std::string> out;
  for (const auto& s : split_sentences(doc, toks, sv().abbreviations()))
    out.emplace_back(doc.slice(s.span));
  return out;
}

inline std::vector<std::string> split(const std::string& s, char sep = '|') {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

}  // namespace svpol::test

#include "svpol/extract.hpp"

namespace svpol::test {

// The installed pipeline and rules, built once (the tagger takes a moment to load).
struct engine {
  pipeline pipe{lexicon::load_dir(SVPOL_TEST_LEXICONS)};
  extractor ext = extractor::load(std::string(SVPOL_TEST_LEXICONS) + "/rules", pipe.lexicons());
};
inline const engine& installed() {
  static const engine e;
  return e;
}

// A finding as text, for table tests: "Commitment: Jag kommer att se över det".
struct found_span {
  std::string label, text, rule;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string attribute(const std::string& key) const {
    for (const auto& [k, v] : attributes)
      if (k == key) return v;
    return {};
  }
};

// What the installed rules find in `text`.
inline std::vector<found_span> findings_of(const std::string& text) {
  const auto doc = document::from_utf8(text, "t");
  const auto& e = installed();
  std::vector<found_span> out;
  for (const auto& f : e.ext.extract(doc, e.pipe.run(doc)))
    out.push_back({std::string(rules::to_string(f.kind)), std::string(doc.slice(f.span)), f.rule,
                   f.attributes});
  return out;
}

// The texts of the findings of one label.
inline std::vector<std::string> spans_of(const std::string& text, const std::string& label) {
  std::vector<std::string> out;
  for (const auto& f : findings_of(text))
    if (f.label == label) out.push_back(f.text);
  return out;
}

}  // namespace svpol::test
