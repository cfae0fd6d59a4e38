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
