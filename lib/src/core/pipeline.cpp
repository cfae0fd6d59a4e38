#include "svpol/pipeline.hpp"

namespace svpol {

analysis pipeline::run(const document& doc) const {
  analysis a;
  a.tokens = tokenize(doc, lex_.abbreviations());
  a.sentences = split_sentences(doc, a.tokens, lex_.abbreviations());
  tagger_.tag(doc, a.tokens, a.sentences);
  return a;
}

}  // namespace svpol
