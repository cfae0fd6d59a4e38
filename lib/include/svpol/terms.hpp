// svpol/terms.hpp: term lexicons: words and phrases with a class (`actor.authority`,
// `commit.strong`, `problem.noun`), found in tokenized text as one unit each.
//
//   auto terms = svpol::term_lexicon::load_dir("lexicons/sv/terms");   // throws rule_error
//   svpol::rules::lexicon_hits hits = terms.find(toks, s.first_token, s.end_token);
//
// A term file (`*.tsv`, UTF-8, `#` comments) has one entry a line:
//
//   PHRASE <TAB> CLASS [<TAB> ATTRIBUTES]
//   polisen                          actor.authority   id=svpol:polisen
//   civilsamhällets organisationer   actor.civil_society
//   ~myndighet                       actor.authority
//   Brå                              actor.authority   id=svpol:bra;case=exact
//
// PHRASE is words separated by spaces. A word matches a token's case-folded form; the last
// word also matches its genitive (`polisens`, `EU:s`). A word written `~word` matches the
// token's lemma instead (`~myndighet` matches `myndigheterna`, `myndighetens`). With
// `case=exact` the words match the surface form as written (for short names such as `Brå`,
// which are also ordinary words in lower case). ATTRIBUTES are `key=value` pairs separated
// by `;`: `id` is the canonical reference (ANNOTATION.md's `svpol:NAME`), others are kept for
// rules and output. CLASS is letters, digits, `_` and `.`; a class also stands for the
// classes below it in rules (`actor` covers `actor.authority`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "svpol/rules.hpp"
#include "svpol/tokenize.hpp"

namespace svpol {

struct term_entry {
  std::string phrase;              // as written in the file
  std::vector<std::string> words;  // folded (unless exact_case); "~w" matches the lemma w
  std::string cls;                 // "actor.authority"
  std::string id;                  // "svpol:polisen", or ""
  bool exact_case = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // the other key=value pairs
  std::string file;
  int line = 0;
};

class term_lexicon : public rules::lexicon_classes {
 public:
  term_lexicon() = default;
  // Reads every `*.tsv` in `dir` (sorted by name). Throws rule_error with every malformed
  // line (file:line:col), input_error when a file cannot be read. A missing dir gives an
  // empty lexicon.
  static term_lexicon load_dir(const std::filesystem::path& dir);
  // Parses one file's text (tests); `file` names it in diagnostics.
  static term_lexicon parse(std::string_view text, const std::string& file);

  // Adds the entries of another lexicon.
  void merge(const term_lexicon& other);

  // True if `name` is a class of some entry or a prefix of one at a `.` (`actor`).
  bool has_class(std::string_view name) const override;

  // Every entry found in tokens [first, end): for each start token, each entry that matches
  // there (so a longer and a shorter entry may both be found). Hits are ordered by begin,
  // longest first. `hit.entry` is the entry's id, `hit.index` its index in entries().
  rules::lexicon_hits find(const std::vector<token>& toks, std::size_t first,
                           std::size_t end) const;
  // The same into `hits` (cleared first), for a caller that keeps one vector for every
  // sentence and so allocates it once.
  void find(const std::vector<token>& toks, std::size_t first, std::size_t end,
            rules::lexicon_hits& hits) const;

  const std::vector<term_entry>& entries() const { return entries_; }
  // The entry behind a hit found by this lexicon.
  const term_entry& entry_of(const rules::lexicon_hit& hit) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct token_keys;
  void add(term_entry e);
  bool matches_at(const term_entry& e, const std::vector<token>& toks, const token_keys* keys,
                  const std::vector<std::string>& folded, std::size_t at, std::size_t end) const;
  std::vector<term_entry> entries_;
  // An entry under its first word, with a test of its second word (if it has one) that the next
  // token must pass before matches_at looks at it: `sveriges` and `statens` begin 193 and 122
  // entries, and most of them fail at the second word.
  struct candidate {
    enum class test : std::uint8_t { none, form, lemma };
    std::uint32_t entry = 0;      // index into entries_
    test second = test::none;     // none: one word, or a case=exact entry (checked by matches_at)
    bool second_is_last = false;  // the second word may also match its genitive
    std::uint64_t hash = 0;       // key_hash of the second word
  };
  // The entries by their first word (folded, or the folded lemma of a `~` word), in a table of
  // their own keyed by the hash that first_filter_ takes: every token is looked up two or
  // three times, and one hash then serves the filter and the table. A lemma key is stored
  // without its `~` and hashes apart from the same word as a form (key_hash).
  struct first_word {
    std::string key;
    bool lemma = false;
    std::uint64_t hash = 0;  // key_hash(key, lemma)
    std::vector<candidate> entries;
  };
  static constexpr std::size_t no_first_word = static_cast<std::size_t>(-1);
  std::size_t first_word_index(std::string_view key, bool lemma, std::uint64_t hash) const;
  // Appends to `out` the entries under the first word `key` whose second word `next` (the next
  // token's keys, or null at the end) may match.
  void add_candidates(std::string_view key, bool lemma, std::uint64_t hash, const token_keys* next,
                      std::vector<std::size_t>& out) const;
  void place_first_word(std::size_t w);
  std::vector<first_word> first_words_;
  // Open addressing with linear probing from the hash's top bits: 1 + an index into
  // first_words_, or 0 for a free slot; a power of two, at most half full.
  std::vector<std::uint32_t> first_slots_;
  // A filter of the hashes of first_words_' keys: most words begin no entry, and this says so
  // for most of them in one bit test instead of a table lookup.
  std::vector<std::uint64_t> first_filter_;
  std::vector<std::string> classes_;  // sorted, unique
};

}  // namespace svpol
