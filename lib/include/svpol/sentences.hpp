// svpol/sentences.hpp: Swedish sentence and paragraph segmentation.
//
//   auto toks = svpol::tokenize(doc, lex.abbreviations());
//   auto sents = svpol::split_sentences(doc, toks, lex.abbreviations());
//   for (auto& s : sents) std::cout << doc.slice(s.span) << '\n';
//
// The sentence boundaries of UAX #29, the same as ICU's sentence BreakIterator's (found without
// iterating over every character), propose breaks; Swedish rules then decide: no break after an
// abbreviation or initial, none before a lowercase continuation (`Vem sa ni? sa Auster`), none
// at a hard-wrapped line end or a page-layout paragraph break inside a sentence; breaks at
// paragraphs, headings, list items, datelines and signatures.
#pragma once

#include <cstddef>
#include <vector>

#include "svpol/abbreviations.hpp"
#include "svpol/document.hpp"
#include "svpol/span.hpp"
#include "svpol/tokenize.hpp"

namespace svpol {

struct sentence {
  byte_span span;               // original bytes, first token's begin to last token's end
  std::size_t first_token = 0;  // [first_token, end_token) in the token vector
  std::size_t end_token = 0;
  std::size_t paragraph = 0;  // 0-based paragraph number in the document
  bool cut = false;           // ended by the length limit, not by a rule
};

// A runaway "sentence" (a table, a list without punctuation, binary junk) is cut after this
// many tokens, as UDPipe does, so one pathological input cannot slow every later stage.
inline constexpr std::size_t max_sentence_tokens = 1000;

// Splits tokens into sentences. Every token is in exactly one sentence, in order. No sentence
// is longer than max_sentence_tokens; one that was cut has `cut` set.
std::vector<sentence> split_sentences(const document& doc, const std::vector<token>& toks,
                                      const abbreviations& abbrevs = {});

}  // namespace svpol
