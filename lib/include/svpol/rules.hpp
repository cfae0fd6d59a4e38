// svpol/rules.hpp: the rule language: rules researchers write, read and change without
// compiling, and the matcher that runs all of them over a sentence's tokens.
//
//   svpol::rules::class_list classes({"actor.speaker", "actor.authority"});
//   auto rules = svpol::rules::load_dir("lexicons/sv/rules", &classes);  // throws rule_error
//   const svpol::rules::matcher m(rules);                                // immutable
//   for (const auto& s : sents)                                          // thread-safe
//     for (const auto& hit : m.match(toks, s.first_token, s.end_token, hits_of(s)))
//       use(rules.rule(hit.rule).id, hit.begin, hit.end, hit.captures);
//
// A rule file (`*.svr`, UTF-8, `#` starts a comment) holds rules like this one:
//
//   rule commitment.kommer_att : Commitment priority 10 {
//     set Strength=strong, Kind=action;
//     set Actor from actor;
//     where not question, not negated;
//     match actor:[lex="actor.speaker"] [lemma="komma"] [word="att"%c]?
//           span:([pos="VERB" & feat="VerbForm=Inf"] []{0,12});
//   }
//
// The pattern language is CQP's (Korp, CWB) with lexicon classes and named captures; the
// full syntax is in lexicons/sv/rules/README.md. In short:
//
//   rule       = "rule" ID ":" (Commitment|Problem|Stakeholder) ["priority" INT] "{" stmt* "}"
//   stmt       = "set" KEY "=" VALUE | KEY "from" CAPTURE[.entry|.class] {"," ...} ";"
//              | "where" ["not"] (question|negated|clause|subordinate) {"," ...} ";"
//              | "match" pattern ";"                                       (exactly once)
//   pattern    = item+ {"|" item+}
//   item       = [NAME ":"] ("[]" | "[" test "]" | "(" pattern ")") [quantifier]
//   quantifier = "?" | "*" | "+" | "{n}" | "{n,}" | "{n,m}"
//   test       = ATTR ("="|"!=") "REGEX"[%c] combined with & | ! ( )
//   ATTR       = word norm lemma pos feat kind | lex (a lexicon class, alone in its brackets)
//
// A value is an ICU regex matched against the whole attribute (CQP); `%c` ignores case;
// `[lex="actor"]` consumes one lexicon hit of class `actor` or below, however many tokens it
// spans; the capture `span` is the finding's span. Offsets in this header are token indices
// into the caller's token vector, half-open, unless a comment says otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svpol/tokenize.hpp"

namespace svpol::rules {

namespace detail {
struct rule_set_data;
struct access;
}  // namespace detail

// What a rule finds (ANNOTATION.md).
enum class label : std::uint8_t { commitment, problem, stakeholder };
std::string_view to_string(label l);  // "Commitment", "Problem", "Stakeholder"

// The lexicon classes rules may name in `[lex="..."]`. The real lexicon implements this; a
// class name also stands for all classes below it (`actor` covers `actor.authority`).
class lexicon_classes {
 public:
  virtual ~lexicon_classes() = default;
  virtual bool has_class(std::string_view name) const = 0;
};

// A fixed list of class names (tests, and `svpol rules check --classes FILE`).
class class_list : public lexicon_classes {
 public:
  class_list() = default;
  explicit class_list(const std::vector<std::string>& names);
  // One class name a line; `#` comments and blank lines are skipped. Throws input_error.
  static class_list load(const std::filesystem::path& file);
  bool has_class(std::string_view name) const override;

 private:
  std::set<std::string, std::less<>> names_;
};

// True if a hit of lexicon class `hit_class` satisfies `[lex="wanted"]`: the same class or
// one below it (`actor.authority` satisfies `actor`).
bool class_matches(std::string_view hit_class, std::string_view wanted);

// One lexicon entry found in a sentence, possibly several tokens long
// (`civilsamhällets organisationer`): tokens [begin, end), its class and entry id.
struct lexicon_hit {
  std::size_t begin = 0, end = 0;
  std::string cls;        // "actor.civil_society"
  std::string entry;      // "svpol:civilsamhallet", or "" when the entry has no id
  std::size_t index = 0;  // the entry's index in the lexicon that found it
};
using lexicon_hits = std::vector<lexicon_hit>;

// How a rule sets one attribute of its finding.
struct attribute_setting {
  enum class source : std::uint8_t { literal, text, entry, cls };
  std::string key;      // "Strength"
  std::string value;    // literal: the value ("strong"); otherwise empty
  std::string capture;  // text/entry/cls: the capture it is taken from
  source from = source::literal;
};

// A `where` condition: `yes` requires it, `no` forbids it, `any` (absent) ignores it.
enum class tri : std::uint8_t { any, yes, no };

struct rule_info {
  std::string id;  // "commitment.kommer_att"
  label kind = label::commitment;
  int priority = 0;  // higher wins among overlapping matches of one label
  std::vector<attribute_setting> attributes;
  tri question = tri::any;            // the sentence contains '?'
  tri negated = tri::any;             // a negation word in the match, outside capture `span`
  bool clause = false;                // the match crosses no clause punctuation (, ; : – — ( ))
  tri subordinate = tri::any;         // the token before the match opens a subordinate clause
  std::vector<std::string> captures;  // names, in order of first appearance
  std::string file;                   // where the rule is defined
  int line = 0;
};

// A parsed and checked set of rules. Cheap to copy (shared, immutable).
class rule_set {
 public:
  rule_set();
  std::size_t size() const;
  const rule_info& rule(std::size_t i) const;
  // The index of the rule with this id, or size() when there is none.
  std::size_t find(std::string_view id) const;

 private:
  friend struct detail::access;
  std::shared_ptr<const detail::rule_set_data> data_;
};

// Parses and checks the rules in `text`; `file` names it in diagnostics. Every error of the
// text is collected (parsing resumes at the next `rule`), then all are thrown as one
// rule_error, GNU-style `file:line:col: error: ...` with the column in code points. Checked:
// syntax, labels, attribute names and values, token attributes, regular expressions (ICU),
// quantifiers, capture references, duplicate ids, patterns that match no tokens, and lexicon
// class names when `classes` is given (nullptr: any class name is accepted).
rule_set parse(std::string_view text, std::string file, const lexicon_classes* classes = nullptr);

// Reads one `.svr` file (input_error if it cannot be read or is not UTF-8), then parse().
rule_set load_file(const std::filesystem::path& file, const lexicon_classes* classes = nullptr);

// Reads every `*.svr` in `dir`, in file-name order, and reports the errors of all files in
// one rule_error. Throws input_error if `dir` is not a directory.
rule_set load_dir(const std::filesystem::path& dir, const lexicon_classes* classes = nullptr);

// The rules in canonical form: parse(dump(r)) gives back the same rules and dump() of that is
// the same text. Comments and layout are not kept.
std::string dump(const rule_set& rules);

// A capture of a match: tokens [begin, end). A capture inside a repetition holds its last
// repetition; a capture in an alternative that was not taken is absent.
struct capture {
  std::string name;
  std::size_t begin = 0, end = 0;
};

struct match {
  std::size_t rule = 0;            // index into the rule_set
  std::size_t begin = 0, end = 0;  // tokens, half-open
  std::vector<capture> captures;   // in the rule's capture order
  // The capture with this name, or nullptr.
  const capture* find(std::string_view name) const;
  // The finding's tokens: capture `span` if there is one, else the whole match.
  std::pair<std::size_t, std::size_t> span() const;
};

// All rules of a rule set compiled to one immutable object (RE2::Set style). Patterns run as
// programs over tokens with a backtracking search that visits each (instruction, token) pair
// at most once per start, so time is bounded by program size times sentence length; regular
// expressions run with an ICU time limit.
class matcher {
 public:
  explicit matcher(rule_set rules);

  // Matches every rule over tokens [first, end) of `tokens` (one sentence). `hits` holds the
  // lexicon entries found there (token indices into `tokens`). Each rule reports its
  // leftmost matches, without overlap among themselves; quantifiers are greedy and the first
  // alternative that leads to a match wins (as in Perl). Matches are ordered by begin, then
  // rule. Throws rule_error naming the rule when a regular expression exceeds its time limit.
  // Safe to call from several threads at once.
  std::vector<rules::match> match(const std::vector<token>& tokens, std::size_t first,
                                  std::size_t end, const lexicon_hits& hits = {}) const;

  // Keeps, per label, the matches that win overlaps: higher priority, then longer span(),
  // then earlier begin, then lower rule index. Matches of different labels may overlap.
  std::vector<rules::match> resolve_overlaps(std::vector<rules::match> found) const;

  // The attributes the rule sets on this match's finding: literals, and values taken from
  // captures (text: the tokens' forms joined by spaces; entry/cls: the lexicon hit that
  // spans exactly the capture, omitted when there is none).
  std::vector<std::pair<std::string, std::string>> attributes(const rules::match& m,
                                                              const std::vector<token>& tokens,
                                                              const lexicon_hits& hits = {}) const;

  const rule_set& rules() const { return rules_; }

 private:
  rule_set rules_;
};

}  // namespace svpol::rules
