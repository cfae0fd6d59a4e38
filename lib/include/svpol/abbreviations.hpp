// svpol/abbreviations.hpp: the abbreviation list that tokenization and sentence splitting use.
//
//   auto abbr = svpol::abbreviations::load("lexicons/sv/abbreviations.txt");
//   bool yes = abbr.contains("t.ex.");
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
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
  bool contains(std::string_view folded) const { return whole_.contains(folded); }
  // True if the abbreviation often ends a sentence (`osv.`, `m.m.`, `kr.`): marked `final`.
  bool can_end_sentence(std::string_view folded) const { return final_.contains(folded); }
  // Spaced forms, each as its parts ("bl." "a.").
  const std::vector<std::vector<std::string>>& spaced() const { return spaced_; }
  // True if some unspaced entry begins with `folded_head` followed by a period or its end
  // ("t" for `t.ex.`, "kap" for `kap.`): a cheap test before trying to match.
  bool may_start(std::string_view folded_head) const { return heads_.contains(folded_head); }
  // The same for the first part of a spaced form ("bl" for `bl. a.`).
  bool may_start_spaced(std::string_view folded_head) const {
    return spaced_heads_.contains(folded_head);
  }
  // The longest entry in bytes, to bound look-ahead.
  std::size_t longest() const { return longest_; }
  // The longest unspaced entry without a period (`osv`) in bytes, or 0 if there is none: a
  // stretch of text without a period is an abbreviation only if it is no longer than this.
  std::size_t longest_without_period() const { return longest_without_period_; }
  // True if the first part of every spaced form has a period (`bl.` of `bl. a.`).
  bool spaced_start_with_period() const { return spaced_start_with_period_; }
  bool empty() const { return whole_.empty() && spaced_.empty(); }

 private:
  void add(const std::string& entry, bool final = false);
  // A set of short strings with a filter of their hashes in front: the tokenizer asks about
  // every word, and nearly every word is none of them, which one bit test then says.
  class word_set {
   public:
    void insert(const std::string& s);
    bool contains(std::string_view s) const;
    bool empty() const { return set_.empty(); }

   private:
    struct hash {
      using is_transparent = void;
      std::size_t operator()(std::string_view s) const;
    };
    std::unordered_set<std::string, hash, std::equal_to<>> set_;
    std::vector<std::uint64_t> filter_;
  };
  word_set whole_, final_, heads_, spaced_heads_;
  std::vector<std::vector<std::string>> spaced_;
  std::size_t longest_ = 0, longest_without_period_ = 0;
  bool spaced_start_with_period_ = true;
};

}  // namespace svpol
