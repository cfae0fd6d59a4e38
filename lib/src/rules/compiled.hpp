// The checked, compiled form of a rule set: what svpol::rules::rule_set holds and the matcher
// runs. Private: it names ICU and the X3 syntax tree.
#pragma once

#include <unicode/regex.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/fast_hash.hpp"
#include "rules/ast.hpp"
#include "svpol/error.hpp"
#include "svpol/rules.hpp"

namespace svpol::rules::detail {

enum class token_attr : std::uint8_t { word, norm, lemma, pos, feat, kind, lex };

// One attribute test, `lemma="komma"`.
struct attr_check {
  token_attr attr = token_attr::word;
  bool not_equal = false;  // `!=`
  bool fold = false;       // `%c`
  bool literal = false;    // no regex metacharacters: compared as a string (folded if fold)
  std::string text;        // literal: the value (folded if fold); otherwise the pattern
  std::shared_ptr<const icu::RegexPattern> regex;  // when !literal; shared, immutable
  // Most rule values are alternations of words (`öka|växa|stiga`) or of endings
  // (`.+(brottslighet|våld)`): those are matched without ICU, which dominated the run time.
  // `alternatives` is sorted (folded if fold); with `suffix`, a value matches when it ends in
  // one of them and is at least `suffix_min` bytes longer.
  std::vector<std::string> alternatives;
  bool suffix = false;
  std::size_t suffix_min = 0;
  // Of a regex, what a value must be for it to match (without `%c`): its first code point of
  // the general category L (1), Lu (2) or Ll (3) when not 0; its last byte when not 0.
  std::uint8_t first_category = 0;
  char last_byte = 0;
  std::vector<std::string> endings;  // when not empty, the value ends in one of these
  std::size_t regex_slot = 0;        // index of the per-call RegexMatcher
  std::size_t memo = 0;  // equal tests of all rules share this index, so that a test runs at
                         // most once per token and sentence
  diagnostic where;      // the value's position, for run-time errors
};

// A node of a token condition: a test, or all/any/none of its children.
struct cond_node {
  enum class kind : std::uint8_t { test, all, any, negate } op = kind::test;
  std::size_t check = 0;          // test: index into compiled_rule::checks
  std::vector<std::size_t> kids;  // all/any/negate: indices into compiled_rule::conds
  std::size_t memo = 0;           // like attr_check::memo: equal conditions of all rules share it
};

// One instruction of a pattern program (a Thompson NFA over tokens).
struct inst {
  enum class op_t : std::uint8_t { any, token, lex, split, jmp, save, match };
  inst(op_t o = op_t::match, std::size_t x_ = 0, std::size_t y_ = 0, std::string c = {})
      : op(o), x(x_), y(y_), cls(std::move(c)) {}
  op_t op;
  std::size_t x = 0;  // token: cond; split: preferred target; jmp: target; save: slot
  std::size_t y = 0;  // split: other target
  std::string cls;    // lex: the class
};

struct compiled_rule {
  rule_info info;
  ast::rule_def def;  // for dump()
  std::vector<inst> program;
  std::vector<cond_node> conds;
  std::vector<attr_check> checks;
  bool has_span = false;
  // What a match must begin with, so that the matcher skips the start positions where the
  // rule cannot match without running its program: one of the token tests `first_conds`
  // (indices into conds) or a lexicon hit of one of the classes `first_lex`. Unless
  // `starts_anywhere`, when the program can begin with [] or match nothing.
  bool starts_anywhere = true;
  std::vector<std::size_t> first_conds;
  std::vector<std::string> first_lex;
  // The cuts every match passes (indices into rule_set_data::cuts), each with its reach: the
  // most tokens a match consumes from its start before the test of the cut that it passes, or
  // no_reach when a loop or a lexicon hit (of any length) can come first. A match from s then
  // passes the cut somewhere in [s, s + reach], which rules out far more start positions than
  // passing it at s or later.
  struct cut_use {
    std::size_t cut = 0;
    std::size_t reach = 0;
  };
  static constexpr std::size_t no_reach = static_cast<std::size_t>(-1);
  std::vector<cut_use> cuts;
};

// Token tests and lexicon classes one of which every match of a rule passes at or after its
// start: the instructions a match can go on with from a point of the program that every path to
// the match instruction goes through (`[norm="vilket"]` in `[]{1,16} [norm="vilket"] ...`, or
// the first tests of each alternative of a group that cannot be skipped), or all the
// instructions of one test or class when no path to the match avoids them all (`[lex="x"]` in
// `[word!="y"] [lex="x"] [] | [lex="x"] []`). Where no test of a cut passes at or after a
// position of a sentence, the rule cannot match from there.
struct cut {
  std::vector<std::pair<std::size_t, std::size_t>> conds;  // (rule, cond): eval needs the rule
  std::vector<std::string> classes;
};

// What the matcher's threads have found out about tokens, shared between them: for a token's
// key (every attribute a test reads), its bits as the first thread to meet it left them once its
// rule and cut bits were set, with the tests that took. Each thread keeps its own memo of
// tokens (matcher.cpp, thread_state), but without this every thread worked out those bits for
// every distinct token itself: most of the matcher's work on text it has not seen, and with
// -j 2 the reason -j 2 took some 6 to 11% more CPU time than -j 1. Entries are never changed or
// removed; the store stops growing at `max_entries` (the frequent tokens come first).
class shared_token_bits {
 public:
  static constexpr std::size_t max_entries = 50'000;

  // Copies the bits of `key` into `out` (`words` of them) when a thread has published them.
  bool fetch(std::string_view key, std::uint64_t hash, std::uint64_t* out,
             std::size_t words) const {
    if (size_.load(std::memory_order_relaxed) == 0) return false;
    const shard& s = shards_[hash % shards_.size()];
    std::shared_lock lock(s.mu);
    const auto it = s.map.find(key);
    if (it == s.map.end()) return false;
    std::memcpy(out, it->second.get(), words * sizeof(std::uint64_t));
    return true;
  }

  void publish(std::string_view key, std::uint64_t hash, const std::uint64_t* bits,
               std::size_t words) {
    if (size_.load(std::memory_order_relaxed) >= max_entries) return;
    shard& s = shards_[hash % shards_.size()];
    std::unique_lock lock(s.mu);
    if (s.map.count(key)) return;
    auto copy = std::make_unique<std::uint64_t[]>(words);
    std::memcpy(copy.get(), bits, words * sizeof(std::uint64_t));
    s.map.emplace(std::string(key), std::move(copy));
    size_.fetch_add(1, std::memory_order_relaxed);
  }

 private:
  struct key_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view k) const { return std::hash<std::string_view>{}(k); }
  };
  struct shard {
    mutable std::shared_mutex mu;
    std::unordered_map<std::string, std::unique_ptr<std::uint64_t[]>, key_hash, std::equal_to<>>
        map;
  };
  std::array<shard, 16> shards_;
  std::atomic<std::size_t> size_{0};
};

// The tests that compare an attribute as a whole with words (attr_check::literal, or
// alternatives without `.+`/`.*` before them): most of a rule set's tests (225 of the 253 of
// lexicons/sv). The matcher does them all at once when it first meets a token, a lookup of each
// value the token has for them, rather than one by one, each a binary search over its words
// (that, with fold_case per test, was a third of the work on a token not seen before).
//
// A test reads a `source`: one attribute's value as is or folded (fold_case). The value table
// maps (source, value) to the memos of the tests that one of whose words the value is.
struct word_tests {
  enum source : std::uint8_t { form, norm, lemma, pos, feat, kind };  // token_attr's, but lex
  static constexpr unsigned sources = 6;
  // The source and folding of test `c`, or false when it is not a word test.
  static bool read_by(const attr_check& c, unsigned& src, bool& fold) {
    if (!c.literal && (c.alternatives.empty() || c.suffix)) return false;
    if (c.attr == token_attr::lex) return false;
    src = static_cast<unsigned>(c.attr);
    fold = c.fold;
    // A literal with %c on a word or norm compares norm (already folded) with the folded text.
    if (c.literal && c.fold && (c.attr == token_attr::word || c.attr == token_attr::norm)) {
      src = norm;
      fold = false;
    }
    return true;
  }
  static unsigned group(unsigned src, bool fold) { return 2 * src + (fold ? 1 : 0); }
  static std::uint64_t hash(std::string_view value, unsigned group) {
    return svpol::detail::fast_hash(value) + group * 0x9e3779b97f4a7c15ull;
  }

  struct entry {
    std::uint64_t hash = 0;
    std::string value;
    std::uint32_t group = 0;
    std::uint32_t from = 0, to = 0;  // the tests' memos: memos[from, to)
  };
  std::uint32_t groups = 0;          // bit group(): some test reads it
  std::vector<std::uint64_t> known;  // per memo word: the memos of word tests
  std::vector<std::uint64_t> negated;  // of those, the `!=` tests
  std::vector<entry> entries;
  std::vector<std::uint32_t> slots;  // 1 + index into entries, or 0; a power of two, half full
  int shift = 64;                    // a hash's slot is hash >> shift
  std::vector<std::uint32_t> memos;

  // The entry of `value` read as `group`, or null.
  const entry* find(std::string_view value, unsigned group) const {
    if (slots.empty()) return nullptr;
    const std::uint64_t h = hash(value, group);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h >> shift);; i = (i + 1) & mask) {
      const std::uint32_t v = slots[i];
      if (v == 0) return nullptr;
      const entry& e = entries[v - 1];
      if (e.hash == h && e.group == group && e.value == value) return &e;
    }
  }
};

struct rule_set_data {
  std::vector<compiled_rule> rules;
  std::size_t regex_count = 0;  // regex slots over all rules
  std::size_t memo_count = 0;   // distinct tests and conditions over all rules
  std::vector<cut> cuts;        // of all rules, equal ones shared
  // Per rule, its cuts as bits (`bits` of word `word` of cuts.size() bits), the words without
  // any left out, so that the matcher checks that all of them pass somewhere in a sentence with a
  // word operation or two: a rule has a few cuts, mostly in one word. The first two words are
  // in cut_check (a rule with fewer has zero bits in the others); the rest, rarely any, are
  // cut_masks[more_from, more_to).
  struct cut_mask {
    std::size_t word = 0;
    std::uint64_t bits = 0;
  };
  struct cut_check {
    cut_mask first, second;
    std::uint32_t more_from = 0, more_to = 0;
  };
  std::vector<cut_check> cut_checks;  // per rule
  std::vector<cut_mask> cut_masks;
  word_tests words;                  // of all rules
  std::uint64_t id = 0;              // unique per compiled set: keys the matcher's per-thread state
  mutable shared_token_bits shared;  // the matcher's, filled as it runs
};

struct access {
  static rule_set make(std::shared_ptr<const rule_set_data> d) {
    rule_set r;
    r.data_ = std::move(d);
    return r;
  }
  static const rule_set_data& data(const rule_set& r) { return *r.data_; }
};

}  // namespace svpol::rules::detail
