// Private: the lemma exception table (lexicons/sv/lemma-exceptions.tsv).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annotate/candidate.hpp"

namespace svpol::detail {

// Readings for closed-class words and UD lemma conventions. Every entry of a form replaces
// what the analyser says about it; the first entry is the default reading.
class exception_table {
 public:
  // Parses `form<TAB>lemma<TAB>UPOS[<TAB>FEATS]` lines; `#` starts a comment. Throws
  // rule_error listing every malformed line (file:line:col).
  static exception_table parse(std::string_view text, const std::string& source);
  // Reads and parses a file; throws input_error when it cannot be read.
  static exception_table load(const std::filesystem::path& file);

  // The entries for a case-folded form, or nullptr.
  const std::vector<candidate>* find(const std::string& folded) const {
    const auto it = entries_.find(folded);
    return it == entries_.end() ? nullptr : &it->second;
  }
  std::size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<std::string, std::vector<candidate>> entries_;
};

}  // namespace svpol::detail
