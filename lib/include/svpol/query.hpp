// svpol/query.hpp: CQP queries over analysed text, for concordances (KWIC).
//
//   auto q = svpol::query::parse("[lemma=\"öka\"] [pos=\"NOUN\"]", lex);  // throws rule_error
//   for (auto [b, e] : q.find(analysis, lex)) ...                          // token ranges
//
// The query language is the token-pattern part of svpol's rule language (CQP as in Korp and
// CWB, with lexicon classes and captures): see lexicons/sv/rules/README.md.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svpol/lexicon.hpp"
#include "svpol/pipeline.hpp"
#include "svpol/rules.hpp"

namespace svpol {

class query {
 public:
  // Parses a pattern. Errors are reported as `query:1:COL: error: ...`, the column counting
  // code points of `cqp`.
  static query parse(std::string_view cqp, const lexicon& lex);

  // Every match, sentence by sentence, leftmost and not overlapping: token ranges [b, e).
  std::vector<std::pair<std::size_t, std::size_t>> find(const analysis& a,
                                                        const lexicon& lex) const;

 private:
  std::shared_ptr<const rules::matcher> matcher_;
};

// One concordance line: left context, the match, right context, as text of the original
// (line breaks as spaces), and the match's code point offsets.
struct kwic_line {
  std::string left, match, right;
  std::size_t start = 0, end = 0;
};

// The concordance line of tokens [first, end), with up to `width` code points of context on
// each side taken from the match's sentence.
kwic_line make_kwic(const document& doc, const analysis& a, std::size_t first, std::size_t end,
                    std::size_t width);

}  // namespace svpol
