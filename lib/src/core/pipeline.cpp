#include "svpol/pipeline.hpp"

namespace svpol {

// lex_ is declared before tagger_, so it is already initialized here.
pipeline::pipeline(lexicon lex)
    : lex_(std::move(lex)),
      tagger_(tagger::load(lex_.dir().empty() ? default_lexicon_dir() : lex_.dir())) {}

analysis pipeline::run(const document& doc) const {
  analysis a;
  a.tokens = tokenize(doc, lex_.abbreviations());
  a.sentences = split_sentences(doc, a.tokens, lex_.abbreviations());
  tagger_.tag(doc, a.tokens, a.sentences);
  return a;
}

}  // namespace svpol
