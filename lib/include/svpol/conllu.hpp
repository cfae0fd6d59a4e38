// svpol/conllu.hpp: reading and writing CoNLL-U (Universal Dependencies).
//
//   auto sents = svpol::read_conllu(text, "sv_talbanken-ud-dev.conllu");  // throws input_error
//   svpol::write_conllu(std::cout, doc, analysis);
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "svpol/document.hpp"
#include "svpol/pipeline.hpp"

namespace svpol {

struct conllu_word {
  std::string id, form, lemma, upos, xpos, feats, head, deprel, deps, misc;
  // The value of a MISC key (`SpaceAfter`), or "" when absent.
  std::string_view misc_value(std::string_view key) const;
};

struct conllu_sentence {
  std::size_t line = 0;  // 1-based line of the sentence's first line
  bool newdoc = false, newpar = false;
  std::string sent_id, text;
  // Surface tokens: plain words, and multi-word token lines (`1-2`); words inside a multi-word
  // token and empty nodes are in `words` only.
  std::vector<conllu_word> tokens;
  std::vector<conllu_word> words;
};

// Parses CoNLL-U. Throws input_error with `source:line` on a line that is not 10 tab-separated
// columns or a comment.
std::vector<conllu_sentence> read_conllu(std::string_view text, const std::string& source);

// Writes one document as CoNLL-U: `# newdoc id`, `# newpar`, `# sent_id`, `# text`, one token a
// line with LEMMA, UPOS and FEATS where known, and MISC holding `SpaceAfter=No` and
// `TokenRange=start:end` in code points of the original text.
void write_conllu(std::ostream& out, const document& doc, const analysis& a);

// Writes one sentence a line as JSON: document id, sentence number, span and tokens, all
// offsets in code points of the original text, end exclusive.
void write_tokens_jsonl(std::ostream& out, const document& doc, const analysis& a);

// Writes one sentence a line, tokens separated by spaces; paragraphs by an empty line.
void write_tokens_text(std::ostream& out, const document& doc, const analysis& a);

}  // namespace svpol
