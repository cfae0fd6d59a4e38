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

namespace svpol {

// Abbreviations that keep their period (`t.ex.`, `bl.a.`, `prop.`), compared after case
// folding. An entry with a space (`bl. a.`) is a spaced form: each part keeps its period and
// all parts count as one abbreviation.
class abbreviations {
 public:
  abbreviations() = default;
  // Reads abbreviations.txt; throws rule_error (file:line:col) on a malformed line.
  static abbreviations load(const std::filesystem::path& file);
  // Builds from entries directly (tests).
  static abbreviations from_list(const std::vector<std::string>& entries);

  // True if `folded` (case-folded, e.g. "t.ex.") is an abbreviation written without spaces.
  bool contains(std::string_view folded) const { return whole_.count(std::string(folded)) > 0; }
  // True if the abbreviation often ends a sentence (`osv.`, `m.m.`, `kr.`): marked `final`.
  bool can_end_sentence(std::string_view folded) const {
    return final_.count(std::string(folded)) > 0;
  }
  // Spaced forms, each as its parts ("bl." "a.").
  const std::vector<std::vector<std::string>>& spaced() const { return spaced_; }
  // True if some unspaced entry begins with `folded_head` followed by a period or its end
  // ("t" for `t.ex.`, "kap" for `kap.`): a cheap test before trying to match.
  bool may_start(std::string_view folded_head) const {
    return heads_.count(std::string(folded_head)) > 0;
  }
  // The same for the first part of a spaced form ("bl" for `bl. a.`).
  bool may_start_spaced(std::string_view folded_head) const {
    return spaced_heads_.count(std::string(folded_head)) > 0;
  }
  // The longest entry in bytes, to bound look-ahead.
  std::size_t longest() const { return longest_; }
  bool empty() const { return whole_.empty() && spaced_.empty(); }

 private:
  void add(const std::string& entry, bool final = false);
  std::unordered_set<std::string> whole_, final_, heads_, spaced_heads_;
  std::vector<std::vector<std::string>> spaced_;
  std::size_t longest_ = 0;
};

// All of svpol's lexicons for one language.
class lexicon {
 public:
  // Loads every list found in `dir` (e.g. lexicons/sv). Throws rule_error listing all errors,
  // or input_error when the directory cannot be read.
  static lexicon load_dir(const std::filesystem::path& dir);

  const svpol::abbreviations& abbreviations() const { return abbreviations_; }
  // The directory load_dir() read, as given to it; empty for a lexicon built in code.
  const std::filesystem::path& dir() const { return dir_; }

 private:
  svpol::abbreviations abbreviations_;
  std::filesystem::path dir_;
};

// The lexicon directory to use when none is given: $SVPOL_LEXICONS, else the one svpol was
// built with, followed by the language ("sv").
std::filesystem::path default_lexicon_dir();

}  // namespace svpol
