// svpol/lexicon.hpp: the plain-text word lists that drive svpol's Swedish rules.
//
//   auto lex = svpol::lexicon::load_dir("lexicons/sv");   // throws svpol::rule_error
//   auto toks = svpol::tokenize(doc, lex.abbreviations());
//
// Files are UTF-8, one entry a line, `#` starts a comment. Errors name file:line:col.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "svpol/abbreviations.hpp"
#include "svpol/terms.hpp"

namespace svpol {

// All of svpol's lexicons for one language.
class lexicon {
 public:
  // Loads every list found in `dir` (e.g. lexicons/sv). Throws rule_error listing all errors,
  // or input_error when the directory cannot be read.
  static lexicon load_dir(const std::filesystem::path& dir);

  const svpol::abbreviations& abbreviations() const { return abbreviations_; }
  // The term lists of `DIR/terms/*.tsv` (stakeholders, commitment markers, problem words...).
  const term_lexicon& terms() const { return terms_; }
  // The directory load_dir() read, as given to it; empty for a lexicon built in code.
  const std::filesystem::path& dir() const { return dir_; }

 private:
  svpol::abbreviations abbreviations_;
  term_lexicon terms_;
  std::filesystem::path dir_;
};

// The lexicon directory to use when none is given: $SVPOL_LEXICONS, else the one svpol was
// built with, followed by the language ("sv").
std::filesystem::path default_lexicon_dir();

}  // namespace svpol
