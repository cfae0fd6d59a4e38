// svpol/pipeline.hpp: the stages from text to annotated tokens, in one immutable object.
//
//   svpol::pipeline pipe(svpol::lexicon::load_dir(svpol::default_lexicon_dir()));
//   svpol::analysis a = pipe.run(doc);   // tokens, sentences, lemmas; const and thread-safe
#pragma once

#include <vector>

#include "svpol/document.hpp"
#include "svpol/lexicon.hpp"
#include "svpol/morphology.hpp"
#include "svpol/sentences.hpp"
#include "svpol/tokenize.hpp"

namespace svpol {

// What the pipeline knows about one document. Spans point into the document's text.
struct analysis {
  std::vector<token> tokens;
  std::vector<sentence> sentences;
};

class pipeline {
 public:
  // Loads the tagger's table from the directory `lex` was loaded from (lexicon::dir()), or
  // from default_lexicon_dir() for a lexicon built in code, with the default analyser. Throws
  // input_error when the analyser or the table cannot be read (see svpol/morphology.hpp).
  explicit pipeline(lexicon lex);
  pipeline(lexicon lex, svpol::tagger tag) : lex_(std::move(lex)), tagger_(std::move(tag)) {}
  // Tokenizes, splits sentences, then fills lemmas, UPOS and FEATS. Safe to call from several
  // threads at once.
  analysis run(const document& doc) const;
  const svpol::lexicon& lexicons() const { return lex_; }

 private:
  svpol::lexicon lex_;
  svpol::tagger tagger_;
};

}  // namespace svpol
