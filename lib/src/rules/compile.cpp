// Checks parsed rules and compiles their patterns to programs. Every check that can fail on a
// researcher's rule runs here, at load time, so that a bad rule never fails in the middle of
// a corpus run; all errors of all files are collected and thrown as one rule_error.
#include <unicode/parseerr.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "core/files.hpp"
#include "rules/compiled.hpp"
#include "rules/grammar.hpp"
#include "svpol/document.hpp"
#include "svpol/error.hpp"
#include "svpol/normalize.hpp"
#include "svpol/rules.hpp"

namespace svpol::rules {

namespace detail {
namespace {

namespace x3 = boost::spirit::x3;

// Quantifier bounds above this are refused: counted repetition is expanded into the program.
constexpr unsigned max_repeat = 100;
constexpr std::size_t max_program = 20000;
constexpr unsigned unbounded = ~0u;

std::string join_or(const std::vector<std::string>& xs) {
  std::string out;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (i) out += i + 1 == xs.size() ? " or " : ", ";
    out += xs[i];
  }
  return out;
}

// The attributes each label may set; an empty value list means any value.
struct attribute_spec {
  const char* key;
  std::vector<std::string> values;
};
const std::map<label, std::vector<attribute_spec>>& attribute_specs() {
  static const std::map<label, std::vector<attribute_spec>> specs = {
      {label::commitment,
       {{"Strength", {"strong", "medium", "weak"}},
        {"Kind", {"action", "goal"}},
        {"Actor", {"speaker", "own-side", "other"}},
        {"Polarity", {"negative"}}}},
      {label::problem, {{"Trend", {"rising", "falling", "static"}}}},
      {label::stakeholder,
       {{"Category",
         {"authority", "municipal", "government", "political", "civil-society", "academia",
          "business", "public", "international"}},
        {"Reference", {}}}},
  };
  return specs;
}

// Walks the closure of `start` over split, jmp and save, depth first, and calls `visit` with each
// instruction that consumes a token or ends the match (token, lex, any, match), or with
// program.size() where the program runs off its end. Stops when `visit` returns false, and
// returns whether it never did.
template <typename Visit>
bool walk_closure(const std::vector<inst>& program, std::size_t start, Visit visit) {
  std::vector<char> seen(program.size(), 0);
  std::vector<std::size_t> todo{start};
  while (!todo.empty()) {
    const std::size_t pc = todo.back();
    todo.pop_back();
    if (pc >= program.size()) {
      if (!visit(program.size())) return false;
      continue;
    }
    if (seen[pc]) continue;
    seen[pc] = 1;
    const inst& in = program[pc];
    switch (in.op) {
      case inst::op_t::split:
        todo.push_back(in.x);
        todo.push_back(in.y);
        break;
      case inst::op_t::jmp:
        todo.push_back(in.x);
        break;
      case inst::op_t::save:
        todo.push_back(pc + 1);
        break;
      case inst::op_t::token:
      case inst::op_t::lex:
      case inst::op_t::any:
      case inst::op_t::match:
        if (!visit(pc)) return false;
        break;
    }
  }
  return true;
}

// The instructions a match can begin with: the closure of the program's start (see
// compiled_rule::first_conds).
void first_set(compiled_rule& r) {
  r.starts_anywhere = false;
  walk_closure(r.program, 0, [&](std::size_t pc) {
    if (pc >= r.program.size()) {
      r.starts_anywhere = true;
      return true;
    }
    const inst& in = r.program[pc];
    switch (in.op) {
      case inst::op_t::token:
        if (std::find(r.first_conds.begin(), r.first_conds.end(), in.x) == r.first_conds.end())
          r.first_conds.push_back(in.x);
        break;
      case inst::op_t::lex:
        if (std::find(r.first_lex.begin(), r.first_lex.end(), in.cls) == r.first_lex.end())
          r.first_lex.push_back(in.cls);
        break;
      default:  // any, match
        r.starts_anywhere = true;
        break;
    }
    return true;
  });
}

// Programs longer than this get only their first set as a cut: finding the others costs a
// walk of the program per instruction.
constexpr std::size_t max_cut_program = 4000;

// Whether the program can reach its match instruction from the start without passing one of
// the instructions `skip` marks.
bool reaches_match_without(const std::vector<inst>& program, const std::vector<char>& skip,
                           std::vector<char>& seen) {
  seen.assign(program.size(), 0);
  std::vector<std::size_t> todo{0};
  while (!todo.empty()) {
    const std::size_t pc = todo.back();
    todo.pop_back();
    if (pc >= program.size() || skip[pc] || seen[pc]) continue;
    seen[pc] = 1;
    const inst& in = program[pc];
    switch (in.op) {
      case inst::op_t::match:
        return true;
      case inst::op_t::split:
        todo.push_back(in.x);
        todo.push_back(in.y);
        break;
      case inst::op_t::jmp:
        todo.push_back(in.x);
        break;
      default:
        todo.push_back(pc + 1);
        break;
    }
  }
  return false;
}

// The most tokens the program can consume from its start before it gets to one of the
// instructions `in_cut` marks (compiled_rule::cut_use::reach): a token or `any` consumes one, a
// lexicon hit an unknown number, and a loop any number. Paths that never get to the cut are left
// out (they cannot lead to a match); a loop is taken as unbounded even where it can only lead
// elsewhere, which errs on the safe side.
class reach_finder {
 public:
  static constexpr std::size_t unbounded = compiled_rule::no_reach;

  reach_finder(const std::vector<inst>& program, const std::vector<char>& in_cut)
      : program_(program),
        in_cut_(in_cut),
        memo_(program.size(), unknown),
        on_path_(program.size()) {}

  std::size_t from_start() {
    const std::size_t r = from(0);
    return r == never ? unbounded : r;
  }

 private:
  static constexpr std::size_t never = unbounded - 1;  // the cut cannot be reached from here
  static constexpr std::size_t unknown = unbounded - 2;

  std::size_t from(std::size_t pc) {
    if (pc >= program_.size()) return never;  // runs off the end: no match
    if (in_cut_[pc]) return 0;
    if (memo_[pc] != unknown) return memo_[pc];
    if (on_path_[pc]) return unbounded;
    on_path_[pc] = 1;
    const inst& in = program_[pc];
    std::size_t r = never;
    auto take = [&](std::size_t next, bool consumes) {
      const std::size_t d = from(next);
      if (d == never) return;
      const std::size_t here = d == unbounded ? unbounded : d + (consumes ? 1 : 0);
      r = r == never ? here : std::max(r, here);
    };
    switch (in.op) {
      case inst::op_t::split:
        take(in.x, false);
        take(in.y, false);
        break;
      case inst::op_t::jmp:
        take(in.x, false);
        break;
      case inst::op_t::save:
        take(pc + 1, false);
        break;
      case inst::op_t::token:
      case inst::op_t::any:
        take(pc + 1, true);
        break;
      case inst::op_t::lex:
        if (from(pc + 1) != never) r = unbounded;
        break;
      case inst::op_t::match:
        break;  // a match without the cut: the caller made sure there is none
    }
    on_path_[pc] = 0;
    return memo_[pc] = r;
  }

  const std::vector<inst>& program_;
  const std::vector<char>& in_cut_;
  std::vector<std::size_t> memo_;
  std::vector<char> on_path_;
};

// The token and lex instructions a match goes on with from `start` (its closure over split, jmp
// and save); false when it can get to `any` or the match without passing one of them.
bool consumers_from(const std::vector<inst>& program, std::size_t start,
                    std::vector<std::size_t>& out) {
  return walk_closure(program, start, [&](std::size_t pc) {
    if (pc >= program.size()) return false;
    const auto op = program[pc].op;
    if (op == inst::op_t::any || op == inst::op_t::match) return false;
    out.push_back(pc);
    return true;
  });
}

// Whether a condition names what a token must be (`norm="vilket"`, `pos="ADJ" & norm!="inte"`)
// rather than only what it must not be (`pos!="PUNCT"`): the latter pass almost everywhere.
bool is_positive(const compiled_rule& r, std::size_t node) {
  const cond_node& n = r.conds[node];
  switch (n.op) {
    case cond_node::kind::test:
      return !r.checks[n.check].not_equal;
    case cond_node::kind::all:
      return std::any_of(n.kids.begin(), n.kids.end(),
                         [&](std::size_t k) { return is_positive(r, k); });
    case cond_node::kind::any:
      return std::all_of(n.kids.begin(), n.kids.end(),
                         [&](std::size_t k) { return is_positive(r, k); });
    case cond_node::kind::negate:
      return false;
  }
  return false;
}

// How few tokens a positive condition is likely to pass, to choose the tests of a cut by: 0 for a
// word class or feature (a good part of all tokens), 1 for a regex such as `\p{Lu}.*`, 2 for
// words or endings one of which is short (`,`, `den`, `inte`, `vara`: the frequent words are
// short), 4 for longer ones (`fallet`, `.*ministern`), as for a lexicon class.
int selectivity(const compiled_rule& r, std::size_t node) {
  const cond_node& n = r.conds[node];
  auto by_length = [](const std::vector<std::string>& words) {
    constexpr std::size_t short_word = 4;  // bytes
    return std::any_of(words.begin(), words.end(),
                       [](const std::string& w) { return w.size() <= short_word; })
               ? 2
               : 4;
  };
  switch (n.op) {
    case cond_node::kind::test: {
      const attr_check& c = r.checks[n.check];
      if (c.not_equal || c.attr == token_attr::pos || c.attr == token_attr::feat ||
          c.attr == token_attr::kind)
        return 0;
      if (c.literal) return by_length({c.text});
      if (!c.alternatives.empty()) return by_length(c.alternatives);
      return c.endings.empty() ? 1 : by_length(c.endings);
    }
    case cond_node::kind::all: {
      int best = 0;
      for (const std::size_t k : n.kids) best = std::max(best, selectivity(r, k));
      return best;
    }
    case cond_node::kind::any: {
      int worst = 4;
      for (const std::size_t k : n.kids) worst = std::min(worst, selectivity(r, k));
      return worst;
    }
    case cond_node::kind::negate:
      return 0;
  }
  return 0;
}

// The cuts of every rule (see detail::cut): the consumers from each instruction that dominates
// the match instruction, that is, that every path from the start to a match passes; and the
// instructions of each test or class that no such path avoids all of (`[lex="title.political"]`
// behind either a test or nothing, where no single instruction dominates). Kept are those whose
// tests are all positive (the others would rarely rule out a position, at the cost of testing
// every token), but not the start's own (compiled_rule::first_conds does its work); cuts of
// lexicon classes alone come first, as they cost no token test. Equal cuts (by the memo of their
// tests) are stored once, so that the matcher evaluates each at most once per token.
void find_cuts(rule_set_data& data) {
  std::map<std::pair<std::vector<std::size_t>, std::vector<std::string>>, std::size_t> ids;
  std::vector<char> seen, in_cut;
  for (std::size_t ri = 0; ri < data.rules.size(); ++ri) {
    compiled_rule& r = data.rules[ri];
    const std::vector<inst>& program = r.program;
    const std::size_t size = program.size();
    // The cut of the consumers `at` (all positive), with its reach.
    auto add = [&](const std::vector<std::size_t>& at) {
      std::vector<std::size_t> memos;
      std::vector<std::string> classes;
      cut c;
      in_cut.assign(size, 0);
      for (const std::size_t i : at) {
        in_cut[i] = 1;
        const inst& in = program[i];
        if (in.op == inst::op_t::lex) {
          classes.push_back(in.cls);
        } else if (std::find(memos.begin(), memos.end(), r.conds[in.x].memo) == memos.end()) {
          memos.push_back(r.conds[in.x].memo);
          c.conds.emplace_back(ri, in.x);
        }
      }
      const std::size_t reach = reach_finder(program, in_cut).from_start();
      std::sort(memos.begin(), memos.end());
      std::sort(classes.begin(), classes.end());
      classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
      c.classes = classes;
      const auto [it, fresh] =
          ids.emplace(std::make_pair(std::move(memos), std::move(classes)), data.cuts.size());
      if (fresh) data.cuts.push_back(std::move(c));
      // A copy: clang before 16 does not let a lambda capture a structured binding.
      const std::size_t id = it->second;
      const auto use = std::find_if(r.cuts.begin(), r.cuts.end(),
                                    [&](const compiled_rule::cut_use& u) { return u.cut == id; });
      if (use == r.cuts.end())
        r.cuts.push_back({id, reach});
      else
        use->reach = std::min(use->reach, reach);
    };
    auto positive = [&](std::size_t i) {
      return program[i].op != inst::op_t::token || is_positive(r, program[i].x);
    };
    const std::size_t n = size <= max_cut_program ? size : 1;
    for (std::size_t pc = 1; pc < n; ++pc) {
      in_cut.assign(size, 0);
      in_cut[pc] = 1;
      if (reaches_match_without(program, in_cut, seen)) continue;
      std::vector<std::size_t> at;
      if (!consumers_from(program, pc, at) || at.empty()) continue;
      if (!std::all_of(at.begin(), at.end(), positive)) continue;
      add(at);
    }
    // By test (its memo) or class: the instructions of each.
    std::map<std::pair<std::size_t, std::string>, std::vector<std::size_t>> keys;
    if (size <= max_cut_program)
      for (std::size_t pc = 0; pc < size; ++pc) {
        const inst& in = program[pc];
        if (in.op == inst::op_t::lex)
          keys[{0, in.cls}].push_back(pc);
        else if (in.op == inst::op_t::token && positive(pc))
          keys[{r.conds[in.x].memo + 1, {}}].push_back(pc);
      }
    std::vector<std::size_t> first;
    walk_closure(program, 0, [&](std::size_t pc) {
      first.push_back(pc);
      return true;
    });
    auto only_first = [&](const std::vector<std::size_t>& at) {
      return std::all_of(at.begin(), at.end(), [&](std::size_t i) {
        return std::find(first.begin(), first.end(), i) != first.end();
      });
    };
    for (const auto& [key, at] : keys) {
      // Those the first set holds all of do no more than it does.
      if (only_first(at)) continue;
      in_cut.assign(size, 0);
      for (const std::size_t i : at) in_cut[i] = 1;
      if (!reaches_match_without(program, in_cut, seen)) add(at);
    }
    // Several tests or classes together (`[lex="actor.business"]`, `[word="AB"]` and
    // `[norm=".+(företag|bolag)"]` behind different alternatives): from all of them, the least
    // selective are left out while the rest still cut every path.
    std::vector<std::pair<int, const std::vector<std::size_t>*>> by_selectivity;
    for (const auto& [key, at] : keys)
      by_selectivity.emplace_back(
          program[at[0]].op == inst::op_t::lex ? 4 : selectivity(r, program[at[0]].x), &at);
    std::stable_sort(by_selectivity.begin(), by_selectivity.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    in_cut.assign(size, 0);
    for (const auto& [sel, at] : by_selectivity)
      for (const std::size_t i : *at) in_cut[i] = 1;
    if (!by_selectivity.empty() && !reaches_match_without(program, in_cut, seen)) {
      std::vector<std::size_t> kept;
      std::size_t kept_keys = 0;
      for (const auto& [sel, at] : by_selectivity) {
        for (const std::size_t i : *at) in_cut[i] = 0;
        if (!reaches_match_without(program, in_cut, seen)) continue;
        for (const std::size_t i : *at) in_cut[i] = 1;
        kept.insert(kept.end(), at->begin(), at->end());
        ++kept_keys;
      }
      // One key was found above.
      if (kept_keys > 1 && !only_first(kept)) add(kept);
    }
    std::stable_partition(r.cuts.begin(), r.cuts.end(), [&](const compiled_rule::cut_use& u) {
      return data.cuts[u.cut].conds.empty();
    });
  }
  const std::size_t cut_words = (data.cuts.size() + 63) / 64;
  data.cut_checks.assign(data.rules.size(), {});
  data.cut_masks.clear();
  for (std::size_t ri = 0; ri < data.rules.size(); ++ri) {
    std::vector<std::uint64_t> mask(cut_words, 0);
    for (const auto& u : data.rules[ri].cuts) mask[u.cut / 64] |= 1ull << (u.cut % 64);
    std::vector<rule_set_data::cut_mask> used;
    for (std::size_t w = 0; w < cut_words; ++w)
      if (mask[w]) used.push_back({w, mask[w]});
    auto& check = data.cut_checks[ri];
    if (used.size() > 0) check.first = used[0];
    if (used.size() > 1) check.second = used[1];
    check.more_from = check.more_to = static_cast<std::uint32_t>(data.cut_masks.size());
    for (std::size_t i = 2; i < used.size(); ++i) data.cut_masks.push_back(used[i]);
    check.more_to = static_cast<std::uint32_t>(data.cut_masks.size());
  }
}

// Fills data.words (see word_tests) from the tests of all rules, their memos numbered.
void index_word_tests(rule_set_data& data) {
  word_tests& w = data.words;
  const std::size_t memo_words = (data.memo_count + 63) / 64;
  w.known.assign(memo_words, 0);
  w.negated.assign(memo_words, 0);
  // By group and value, the memos of the tests (each once).
  std::map<std::pair<unsigned, std::string>, std::set<std::uint32_t>> tests;
  for (const auto& r : data.rules)
    for (const auto& c : r.checks) {
      unsigned src = 0;
      bool fold = false;
      if (!word_tests::read_by(c, src, fold)) continue;
      const unsigned group = word_tests::group(src, fold);
      w.groups |= 1u << group;
      w.known[c.memo / 64] |= 1ull << (c.memo % 64);
      if (c.not_equal) w.negated[c.memo / 64] |= 1ull << (c.memo % 64);
      if (c.literal)
        tests[{group, c.text}].insert(static_cast<std::uint32_t>(c.memo));
      else
        for (const auto& a : c.alternatives)
          tests[{group, a}].insert(static_cast<std::uint32_t>(c.memo));
    }
  if (tests.empty()) return;
  std::size_t slots = 64;
  while (slots < 2 * tests.size()) slots *= 2;
  w.slots.assign(slots, 0);
  w.shift = 64 - std::countr_zero(slots);
  for (const auto& [key, memos] : tests) {
    word_tests::entry e;
    e.group = key.first;
    e.value = key.second;
    e.hash = word_tests::hash(e.value, e.group);
    e.from = static_cast<std::uint32_t>(w.memos.size());
    w.memos.insert(w.memos.end(), memos.begin(), memos.end());
    e.to = static_cast<std::uint32_t>(w.memos.size());
    std::size_t i = static_cast<std::size_t>(e.hash >> w.shift);
    while (w.slots[i] != 0) i = (i + 1) & (slots - 1);
    w.entries.push_back(std::move(e));
    w.slots[i] = static_cast<std::uint32_t>(w.entries.size());
  }
}

bool is_regex_meta(char c) {
  return std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos;
}

bool is_ascii_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

// Splits `a|b|c` into its words when none has a regex metacharacter; empty otherwise. An ASCII
// punctuation character after a backslash stands for itself (ICU), so `\(` is the word `(`.
std::vector<std::string> plain_alternatives(std::string_view s) {
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      if (i + 1 == s.size() || !is_ascii_punct(s[i + 1])) return {};
      out.back() += s[++i];
    } else if (s[i] == '|') {
      if (out.back().empty()) return {};
      out.emplace_back();
    } else if (is_regex_meta(s[i])) {
      return {};
    } else {
      out.back() += s[i];
    }
  }
  if (out.back().empty()) return {};
  return out;
}

// The words a regex made of words, groups of alternatives and `?` matches, when they are
// finitely many (at most `limit`): `(rimlig|hållbar)(t|a|e)?|anpassa(d|t)` is eight words.
// Empty when the pattern has anything else (`.`, `*`, `+`, a class, a flag) or more words. An
// ASCII punctuation character after a backslash stands for itself; `?` takes the code point or
// group before it.
class finite_words {
 public:
  static std::vector<std::string> of(std::string_view p) {
    finite_words f{p};
    std::vector<std::string> out;
    if (!f.alternation(out) || f.at_ != p.size()) return {};
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  static constexpr std::size_t limit = 4096;
  explicit finite_words(std::string_view p) : p_(p) {}

  bool alternation(std::vector<std::string>& out) {
    for (;;) {
      std::vector<std::string> seq;
      if (!sequence(seq)) return false;
      out.insert(out.end(), seq.begin(), seq.end());
      if (out.size() > limit) return false;
      if (at_ == p_.size() || p_[at_] != '|') return true;
      ++at_;
    }
  }

  bool sequence(std::vector<std::string>& out) {
    out.assign(1, std::string());
    while (at_ < p_.size() && p_[at_] != '|' && p_[at_] != ')') {
      std::vector<std::string> atom;
      if (p_[at_] == '(') {
        if (p_.substr(at_, 2) == "(?") return false;
        ++at_;
        if (!alternation(atom) || at_ == p_.size() || p_[at_] != ')') return false;
        ++at_;
      } else if (p_[at_] == '\\') {
        if (at_ + 1 == p_.size() || !is_ascii_punct(p_[at_ + 1])) return false;
        atom.emplace_back(1, p_[at_ + 1]);
        at_ += 2;
      } else if (is_regex_meta(p_[at_])) {
        return false;
      } else {
        std::size_t end = at_ + 1;  // one code point
        while (end < p_.size() && (static_cast<unsigned char>(p_[end]) & 0xC0) == 0x80) ++end;
        atom.emplace_back(p_.substr(at_, end - at_));
        at_ = end;
      }
      if (at_ < p_.size() && p_[at_] == '?') {
        ++at_;
        if (at_ < p_.size() && (p_[at_] == '?' || p_[at_] == '+')) return false;
        atom.emplace_back();
      }
      if (out.size() * atom.size() > limit) return false;
      std::vector<std::string> next;
      for (const auto& a : out)
        for (const auto& b : atom) next.push_back(a + b);
      out = std::move(next);
    }
    return true;
  }

  std::string_view p_;
  std::size_t at_ = 0;
};

// What a value must look like for the regex `p` to match all of it, tested before ICU runs
// (attr_check::first_category, last_byte): most values fail there. Only for patterns without
// alternation outside a group and without embedded flags; the caller leaves out `%c`.
void regex_prefilter(std::string_view p, attr_check& c) {
  if (p.find("(?") != std::string_view::npos || p.find("[]") != std::string_view::npos ||
      p.find("[^]") != std::string_view::npos)
    return;
  int depth = 0, in_class = 0;
  bool plain_last = false;  // the last character is not part of an escape or a class
  for (std::size_t i = 0; i < p.size(); ++i) {
    plain_last = false;
    if (p[i] == '\\') {
      if (i + 1 == p.size()) return;
      const char n = p[++i];
      if ((n == 'p' || n == 'P') && i + 1 < p.size() && p[i + 1] == '{') {
        const std::size_t close = p.find('}', i);
        if (close == std::string_view::npos) return;
        i = close;
      } else if (!is_ascii_punct(n)) {
        return;  // \x41, \u00E5, \N{...}, \Q...\E, backreferences: not followed here
      }
      continue;
    }
    if (in_class > 0) {
      in_class += p[i] == '[' ? 1 : p[i] == ']' ? -1 : 0;
      continue;
    }
    if (p[i] == '[') {
      in_class = 1;
    } else if (p[i] == '(') {
      ++depth;
    } else if (p[i] == ')') {
      --depth;
    } else if (p[i] == '|' && depth == 0) {
      return;
    } else {
      plain_last = !is_regex_meta(p[i]) && static_cast<unsigned char>(p[i]) < 0x80;
    }
  }
  if (depth != 0 || in_class != 0) return;
  if (plain_last) c.last_byte = p.back();
  // A pattern ending in a group of words, each after an optional `.*` or `.+`
  // (`\p{L}{3,}(bor|borna)`, `(.*minister|statsråd)`): the value ends in one of them.
  if (const std::size_t open = p.rfind('('); p.back() == ')' && open != std::string_view::npos &&
                                             p.find('\\', open) == std::string_view::npos) {
    std::vector<std::string> endings;
    const std::string_view group = p.substr(open + 1, p.size() - open - 2);
    for (std::size_t b = 0;;) {
      const std::size_t bar = group.find('|', b);
      std::string_view alt = group.substr(b, bar == std::string_view::npos ? bar : bar - b);
      if (alt.size() >= 2 && alt[0] == '.' && (alt[1] == '*' || alt[1] == '+'))
        alt.remove_prefix(2);
      if (alt.empty() || std::any_of(alt.begin(), alt.end(), is_regex_meta)) {
        endings.clear();
        break;
      }
      endings.emplace_back(alt);
      if (bar == std::string_view::npos) break;
      b = bar + 1;
    }
    c.endings = std::move(endings);
  }
  static const std::pair<std::string_view, std::uint8_t> classes[] = {
      {"\\p{Lu}", 2}, {"\\p{Ll}", 3}, {"\\p{L}", 1}};
  for (const auto& [prefix, category] : classes) {
    if (p.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = p.substr(prefix.size());
    const bool optional =
        !rest.empty() &&
        (rest[0] == '?' || rest[0] == '*' ||
         (rest[0] == '{' && (rest.size() < 2 || rest[1] == '0' || rest[1] == ',')));
    if (!optional) c.first_category = category;
    break;
  }
}

// `\"` and `\\` in a quoted setting value stand for the character itself.
std::string unescape(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) ++i;
    out += raw[i];
  }
  return out;
}

struct quantifier {
  unsigned min = 1, max = 1;
};

// Collects the diagnostics of one file, placing byte offsets as line and code-point column.
class reporter {
 public:
  reporter(std::string_view text, std::string file, std::vector<diagnostic>& out)
      : text_(text), file_(std::move(file)), out_(out) {}

  diagnostic at(std::size_t offset, std::string message) const {
    offset = std::min(offset, text_.size());
    const std::size_t line_start = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t b =
        (line_start == std::string_view::npos || offset == 0) ? 0 : line_start + 1;
    const std::size_t b2 = (offset > 0 && text_[offset - 1] == '\n') ? offset : b;
    std::size_t e = text_.find('\n', b2);
    if (e == std::string_view::npos) e = text_.size();
    int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + b2, '\n'));
    int column = 1;
    for (std::size_t i = b2; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    std::string src(text_.substr(b2, e - b2));
    if (!src.empty() && src.back() == '\r') src.pop_back();
    return {file_, line, column, std::move(message), std::move(src)};
  }
  void error(std::size_t offset, std::string message) {
    if (seen_.insert({offset, message}).second) out_.push_back(at(offset, std::move(message)));
  }
  void error(const x3::position_tagged& node, std::string message) {
    error(static_cast<std::size_t>(std::max(node.id_first, 0)), std::move(message));
  }
  const std::string& file() const { return file_; }

 private:
  std::string_view text_;
  std::string file_;
  std::vector<diagnostic>& out_;
  std::set<std::pair<std::size_t, std::string>> seen_;
};

class rule_compiler {
 public:
  rule_compiler(compiled_rule& r, reporter& rep, const lexicon_classes* classes)
      : r_(r), rep_(rep), classes_(classes) {}

  void compile_pattern(const ast::alternatives& pattern) {
    collect_captures(pattern);
    emit_alternatives(pattern);
    add({inst::op_t::match});
    if (nullable(pattern)) rep_.error(pattern_node_, "pattern can match no tokens");
    if (r_.program.size() > max_program)
      rep_.error(pattern_node_, "pattern too large after expanding its quantifiers (" +
                                    std::to_string(r_.program.size()) + " instructions)");
  }
  void set_pattern_node(const x3::position_tagged& n) { pattern_node_ = n; }

 private:
  std::size_t add(inst i) {
    r_.program.push_back(std::move(i));
    return r_.program.size() - 1;
  }
  std::size_t here() const { return r_.program.size(); }

  void collect_captures(const ast::alternatives& alts) {
    for (const auto& seq : alts)
      for (const auto& it : seq) {
        if (!it.capture.empty()) {
          if (it.capture.find('.') != std::string::npos)
            rep_.error(it, "capture name '" + it.capture + "' may not contain '.'");
          auto& caps = r_.info.captures;
          if (std::find(caps.begin(), caps.end(), it.capture) == caps.end())
            caps.push_back(it.capture);
        }
        if (const auto* g = boost::get<x3::forward_ast<ast::alternatives>>(&it.body))
          collect_captures(g->get());
      }
  }

  std::size_t capture_slot(const std::string& name) const {
    const auto& caps = r_.info.captures;
    return 2 * static_cast<std::size_t>(std::find(caps.begin(), caps.end(), name) - caps.begin());
  }

  quantifier read_quantifier(const ast::item& it) {
    quantifier q;
    const std::string s = ast::quantifier_text(it.quant);
    if (s.empty()) return q;
    if (s == "?") return {0, 1};
    if (s == "*") return {0, unbounded};
    if (s == "+") return {1, unbounded};
    // {n}, {n,}, {n,m}: the grammar guarantees the shape.
    const std::string inner = s.substr(1, s.size() - 2);
    const std::size_t comma = inner.find(',');
    const auto num = [](const std::string& x) {
      return x.size() > 6 ? 999999u : static_cast<unsigned>(std::stoul(x));
    };
    q.min = num(inner.substr(0, comma));
    q.max = comma == std::string::npos  ? q.min
            : comma + 1 == inner.size() ? unbounded
                                        : num(inner.substr(comma + 1));
    const std::size_t pos = static_cast<std::size_t>(it.id_last) - it.quant.size();
    if (q.max != unbounded && q.min > q.max) {
      rep_.error(pos, "bad quantifier " + s + ": the minimum is larger than the maximum");
      q.max = q.min;
    } else if (q.max == 0) {
      rep_.error(pos, "bad quantifier " + s + ": it matches nothing");
    } else if (q.min > max_repeat || (q.max != unbounded && q.max > max_repeat)) {
      rep_.error(pos, "bad quantifier " + s + ": bounds above " + std::to_string(max_repeat) +
                          " are not supported");
      q.min = std::min(q.min, max_repeat);
      q.max = std::min(q.max, max_repeat);
    }
    return q;
  }

  bool nullable(const ast::alternatives& alts) {
    for (const auto& seq : alts) {
      bool all = true;
      for (const auto& it : seq) {
        const quantifier q = read_quantifier(it);  // errors are reported once: deduplicated
        const auto* g = boost::get<x3::forward_ast<ast::alternatives>>(&it.body);
        if (q.min > 0 && !(g && nullable(g->get()))) all = false;
      }
      if (all) return true;
    }
    return false;
  }
  void emit_alternatives(const ast::alternatives& alts) {
    std::vector<std::size_t> to_end;
    for (std::size_t i = 0; i + 1 < alts.size(); ++i) {
      const std::size_t split = add({inst::op_t::split});
      r_.program[split].x = here();
      emit_sequence(alts[i]);
      to_end.push_back(add({inst::op_t::jmp}));
      r_.program[split].y = here();
    }
    if (!alts.empty()) emit_sequence(alts.back());
    for (std::size_t j : to_end) r_.program[j].x = here();
  }

  void emit_sequence(const ast::sequence& seq) {
    for (const auto& it : seq) emit_item(it);
  }

  void emit_body(const ast::item& it) {
    if (it.capture.empty()) return emit_atom(it.body);
    const std::size_t slot = capture_slot(it.capture);
    add({inst::op_t::save, slot});
    emit_atom(it.body);
    add({inst::op_t::save, slot + 1});
  }

  void emit_item(const ast::item& it) {
    const quantifier q = read_quantifier(it);
    for (unsigned i = 0; i < q.min && here() <= max_program; ++i) emit_body(it);
    if (q.max == unbounded) {
      const std::size_t loop = add({inst::op_t::split});
      r_.program[loop].x = here();
      emit_body(it);
      add({inst::op_t::jmp, loop});
      r_.program[loop].y = here();
      return;
    }
    std::vector<std::size_t> skips;
    for (unsigned i = q.min; i < q.max && here() <= max_program; ++i) {
      const std::size_t split = add({inst::op_t::split});
      r_.program[split].x = here();
      skips.push_back(split);
      emit_body(it);
    }
    for (std::size_t s : skips) r_.program[s].y = here();
  }

  void emit_atom(const ast::atom& a) {
    if (boost::get<ast::any_token>(&a)) {
      add({inst::op_t::any});
    } else if (const auto* t = boost::get<ast::or_test>(&a)) {
      if (const ast::attr_test* lex = lone_lex(*t)) {
        add({inst::op_t::lex, 0, 0, check_lex(*lex)});
      } else {
        add({inst::op_t::token, condition(*t)});
      }
    } else {
      emit_alternatives(boost::get<x3::forward_ast<ast::alternatives>>(a).get());
    }
  }

  // `[lex="..."]` alone in its brackets, or nullptr.
  static const ast::attr_test* lone_lex(const ast::or_test& t) {
    if (t.size() != 1 || t[0].size() != 1 || t[0][0].negated) return nullptr;
    const auto* test = boost::get<ast::attr_test>(&t[0][0].operand);
    return test && test->attr == "lex" ? test : nullptr;
  }

  std::string check_lex(const ast::attr_test& t) {
    if (t.op != "=") rep_.error(t, "lexicon tests take '=' only: [lex=\"class\"]");
    if (!t.val.flags.empty()) rep_.error(t.val, "lexicon tests take no flags");
    const std::string& cls = t.val.text;
    const bool name_like = !cls.empty() && std::all_of(cls.begin(), cls.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '-' || c == '.';
    });
    if (!name_like)
      rep_.error(t.val, "a lexicon class is a name, not a regular expression: '" + cls + "'");
    else if (classes_ && !classes_->has_class(cls))
      rep_.error(t.val, "unknown lexicon class '" + cls + "'");
    return cls;
  }

  std::size_t condition(const ast::or_test& t) {
    if (auto f = memo_.find(&t); f != memo_.end()) return f->second;
    std::size_t result;
    if (t.size() == 1) {
      result = and_condition(t[0]);
    } else {
      cond_node n{cond_node::kind::any, 0, {}};
      for (const auto& a : t) n.kids.push_back(and_condition(a));
      result = push(std::move(n));
    }
    memo_[&t] = result;
    return result;
  }

  std::size_t and_condition(const ast::and_test& t) {
    if (t.size() == 1) return unary_condition(t[0]);
    cond_node n{cond_node::kind::all, 0, {}};
    for (const auto& u : t) n.kids.push_back(unary_condition(u));
    return push(std::move(n));
  }

  std::size_t unary_condition(const ast::unary& u) {
    std::size_t inner;
    if (const auto* t = boost::get<ast::attr_test>(&u.operand))
      inner = test_condition(*t);
    else
      inner = condition(boost::get<x3::forward_ast<ast::or_test>>(u.operand).get());
    if (!u.negated) return inner;
    cond_node n{cond_node::kind::negate, 0, {}};
    n.kids.push_back(inner);
    return push(std::move(n));
  }

  std::size_t push(cond_node n) {
    r_.conds.push_back(std::move(n));
    return r_.conds.size() - 1;
  }

  std::size_t test_condition(const ast::attr_test& t) {
    static const std::vector<std::pair<std::string, token_attr>> names = {
        {"word", token_attr::word}, {"norm", token_attr::norm}, {"lemma", token_attr::lemma},
        {"pos", token_attr::pos},   {"feat", token_attr::feat}, {"kind", token_attr::kind},
        {"lex", token_attr::lex}};
    attr_check c;
    c.where = rep_.at(static_cast<std::size_t>(std::max(t.val.id_first, 0)), "");
    const auto found =
        std::find_if(names.begin(), names.end(), [&](const auto& p) { return p.first == t.attr; });
    if (found == names.end()) {
      rep_.error(t, "unknown attribute '" + t.attr +
                        "' (expected word, norm, lemma, pos, feat, kind or lex)");
    } else if (found->second == token_attr::lex) {
      rep_.error(t,
                 "a lexicon test must stand alone in its brackets: [lex=\"" + t.val.text + "\"]");
    } else {
      c.attr = found->second;
    }
    c.not_equal = t.op == "!=";
    for (char f : t.val.flags) {
      if (f == 'c')
        c.fold = true;
      else
        rep_.error(t.val,
                   std::string("unknown flag '") + f + "' (only %c, ignore case, is supported)");
    }
    c.literal = std::none_of(t.val.text.begin(), t.val.text.end(), is_regex_meta);
    if (c.literal) {
      c.text = c.fold ? fold_case(t.val.text) : t.val.text;
      if (c.attr == token_attr::kind && found != names.end()) {
        static const std::vector<std::string> kinds = {"word",   "number", "punct",
                                                       "symbol", "url",    "email"};
        if (std::find(kinds.begin(), kinds.end(), t.val.text) == kinds.end())
          rep_.error(t.val,
                     "unknown token kind '" + t.val.text + "' (expected " + join_or(kinds) + ")");
      }
    } else {
      c.text = t.val.text;  // the pattern: equal patterns share their memo (see below)
      UErrorCode st = U_ZERO_ERROR;
      UParseError pe{};
      const uint32_t flags = c.fold ? UREGEX_CASE_INSENSITIVE : 0;
      std::shared_ptr<const icu::RegexPattern> re(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(t.val.text), flags, pe, st));
      if (U_FAILURE(st) || !re) {
        // ICU's offset counts UTF-16 units of the pattern; past the opening quote.
        const std::size_t at = static_cast<std::size_t>(std::max(t.val.id_first, 0)) + 1 +
                               utf8_prefix(t.val.text, pe.offset > 0 ? pe.offset : 0);
        rep_.error(at, std::string("invalid regular expression (") + u_errorName(st) + ")");
      } else {
        c.regex = std::move(re);
        // The fast forms of the value, matched without ICU (see attr_check).
        std::string_view v = t.val.text;
        if (v.size() > 2 && v[0] == '.' && (v[1] == '+' || v[1] == '*')) {
          c.suffix = true;
          c.suffix_min = v[1] == '+' ? 1 : 0;
          v.remove_prefix(2);
        }
        c.alternatives = plain_alternatives(v);
        if (c.alternatives.empty()) {
          c.suffix = false;
          // A regex of finitely many words is those words (and a word test, rule_set_data::words).
          if (!c.fold) c.alternatives = finite_words::of(t.val.text);
          if (!c.fold && c.alternatives.empty()) regex_prefilter(t.val.text, c);
        } else {
          if (c.fold)
            for (auto& a : c.alternatives) a = fold_case(a);
          std::sort(c.alternatives.begin(), c.alternatives.end());
        }
      }
    }
    r_.checks.push_back(std::move(c));
    return push({cond_node::kind::test, r_.checks.size() - 1, {}});
  }

  // The number of bytes of `s` that make up its first `units` UTF-16 units.
  static std::size_t utf8_prefix(const std::string& s, int units) {
    std::size_t i = 0;
    while (i < s.size() && units > 0) {
      UChar32 c;
      U8_NEXT(s.data(), i, s.size(), c);
      units -= U16_LENGTH(c < 0 ? 0xFFFD : c);
    }
    return i;
  }

  compiled_rule& r_;
  reporter& rep_;
  const lexicon_classes* classes_;
  std::map<const void*, std::size_t> memo_;
  x3::position_tagged pattern_node_;
};

void check_settings(compiled_rule& r, const ast::set_stmt& s, reporter& rep,
                    std::set<std::string>& keys) {
  const auto& specs = attribute_specs().at(r.info.kind);
  std::vector<std::string> known;
  for (const auto& sp : specs) known.push_back(sp.key);
  auto spec_of = [&](const ast::name& key) -> const attribute_spec* {
    for (const auto& sp : specs)
      if (key == sp.key) return &sp;
    rep.error(key, "unknown attribute '" + key + "' for " + std::string(to_string(r.info.kind)) +
                       " (expected " + join_or(known) + ")");
    return nullptr;
  };
  for (const auto& a : s) {
    attribute_setting out;
    const ast::name* key;
    if (const auto* v = boost::get<ast::assign_value>(&a)) {
      key = &v->key;
      out.value = unescape(v->value);
      if (const auto* sp = spec_of(v->key);
          sp && !sp->values.empty() &&
          std::find(sp->values.begin(), sp->values.end(), out.value) == sp->values.end())
        rep.error(*v, "unknown value '" + out.value + "' for " + v->key + " (expected " +
                          join_or(sp->values) + ")");
    } else {
      const auto& f = boost::get<ast::assign_from>(a);
      key = &f.key;
      spec_of(f.key);
      const std::size_t dot = f.source.find('.');
      out.capture = f.source.substr(0, dot);
      out.from = attribute_setting::source::text;
      if (dot != std::string::npos) {
        const std::string field = f.source.substr(dot + 1);
        if (field == "entry")
          out.from = attribute_setting::source::entry;
        else if (field == "class")
          out.from = attribute_setting::source::cls;
        else
          rep.error(f.source, "expected 'entry' or 'class' after '" + out.capture + ".'");
      }
      const auto& caps = r.info.captures;
      if (std::find(caps.begin(), caps.end(), out.capture) == caps.end())
        rep.error(f.source, "no capture named '" + out.capture + "' in rule '" + r.info.id + "'");
    }
    out.key = *key;
    if (!keys.insert(out.key).second) rep.error(*key, "attribute '" + out.key + "' set twice");
    r.info.attributes.push_back(std::move(out));
  }
}

void check_constraints(compiled_rule& r, const ast::where_stmt& w, reporter& rep,
                       std::set<ast::constraint_kind>& seen) {
  for (const auto& c : w) {
    if (!seen.insert(c.kind).second) rep.error(c, "condition given twice");
    const tri t = c.negated ? tri::no : tri::yes;
    switch (c.kind) {
      case ast::constraint_kind::question:
        r.info.question = t;
        break;
      case ast::constraint_kind::negated:
        r.info.negated = t;
        break;
      case ast::constraint_kind::clause:
        if (c.negated) rep.error(c, "'clause' cannot be negated");
        r.info.clause = true;
        break;
      case ast::constraint_kind::subordinate:
        r.info.subordinate = t;
        break;
    }
  }
}

// Checks and compiles the rules of one file.
void compile_file(std::string_view text, const std::string& file, const lexicon_classes* classes,
                  std::vector<compiled_rule>& out, std::vector<diagnostic>& errors) {
  reporter rep(text, file, errors);
  syntax_tree tree = parse_syntax(text);
  for (const auto& e : tree.errors) rep.error(e.offset, e.message);
  static const std::vector<std::pair<std::string, label>> labels = {
      {"Commitment", label::commitment},
      {"Problem", label::problem},
      {"Stakeholder", label::stakeholder}};
  for (auto& def : tree.rules) {
    compiled_rule r;
    r.info.id = def.id;
    r.info.file = file;
    r.info.line = rep.at(static_cast<std::size_t>(std::max(def.id_first, 0)), "").line;
    r.info.priority = def.priority.value_or(0);
    const auto lab = std::find_if(labels.begin(), labels.end(),
                                  [&](const auto& p) { return p.first == def.label; });
    if (lab == labels.end())
      rep.error(def.label,
                "unknown label '" + def.label + "' (expected Commitment, Problem or Stakeholder)");
    else
      r.info.kind = lab->second;
    r.def = std::move(def);

    // The pattern first: `set ... from` refers to its captures.
    rule_compiler rc(r, rep, classes);
    const ast::match_stmt* pattern = nullptr;
    for (const auto& st : r.def.body)
      if (const auto* m = boost::get<ast::match_stmt>(&st)) {
        if (pattern)
          rep.error(*m, "a rule has one match statement; join patterns with '|'");
        else
          pattern = m;
      }
    if (!pattern) {
      rep.error(r.def.id, "rule '" + r.info.id + "' has no match statement");
    } else {
      rc.set_pattern_node(*pattern);
      rc.compile_pattern(pattern->pattern);
    }
    r.has_span =
        std::find(r.info.captures.begin(), r.info.captures.end(), "span") != r.info.captures.end();
    std::set<std::string> keys;
    std::set<ast::constraint_kind> seen;
    for (const auto& st : r.def.body) {
      if (const auto* s = boost::get<ast::set_stmt>(&st)) check_settings(r, *s, rep, keys);
      if (const auto* w = boost::get<ast::where_stmt>(&st)) check_constraints(r, *w, rep, seen);
    }
    out.push_back(std::move(r));
  }
}

std::string read_rule_file(const std::filesystem::path& file) {
  std::string text = svpol::detail::read_file(file, "rule file");
  validate_utf8(text, file.string());
  return text;
}

struct source_file {
  std::string text, name;
};

rule_set build(const std::vector<source_file>& files, const lexicon_classes* classes) {
  auto data = std::make_shared<rule_set_data>();
  std::vector<diagnostic> errors;
  std::map<std::string, std::pair<std::string, int>> ids;  // id -> file, line
  for (const auto& f : files) {
    const std::size_t before = data->rules.size(), errors_before = errors.size();
    compile_file(f.text, f.name, classes, data->rules, errors);
    reporter rep(f.text, f.name, errors);
    for (std::size_t i = before; i < data->rules.size(); ++i) {
      const auto& info = data->rules[i].info;
      const auto [it, fresh] = ids.emplace(info.id, std::make_pair(info.file, info.line));
      if (!fresh)
        rep.error(data->rules[i].def.id, "duplicate rule id '" + info.id + "' (first defined at " +
                                             it->second.first + ":" +
                                             std::to_string(it->second.second) + ")");
    }
    // Syntax errors are found before the checker runs; report in the order of the file.
    std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(errors_before), errors.end(),
                     [](const diagnostic& a, const diagnostic& b) {
                       return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
  }
  if (!errors.empty()) throw rule_error(std::move(errors));
  std::map<std::string, std::size_t> memo_ids;
  for (auto& r : data->rules)
    for (auto& c : r.checks) {
      if (c.regex) c.regex_slot = data->regex_count++;
      const std::string key = std::to_string(static_cast<int>(c.attr)) + (c.not_equal ? "!" : "=") +
                              (c.fold ? "c" : "") + (c.literal ? "l" : "r") + c.text;
      c.memo = memo_ids.emplace(key, memo_ids.size()).first->second;
    }
  // Conditions too are memoized by structure: the stakeholder rules share long ones.
  for (auto& r : data->rules) {
    std::vector<std::string> keys(r.conds.size());
    std::vector<bool> done(r.conds.size(), false);
    std::function<const std::string&(std::size_t)> key_of =
        [&](std::size_t i) -> const std::string& {
      if (done[i]) return keys[i];
      cond_node& n = r.conds[i];
      std::string k;
      if (n.op == cond_node::kind::test) {
        // A test's node has its test's memo: one bit for both, whose result is the same.
        k = "t" + std::to_string(r.checks[n.check].memo);
        n.memo = r.checks[n.check].memo;
      } else {
        k = n.op == cond_node::kind::all ? "&(" : n.op == cond_node::kind::any ? "|(" : "!(";
        for (std::size_t kid : n.kids) k += key_of(kid) + ",";
        k += ")";
      }
      if (n.op != cond_node::kind::test)
        n.memo = memo_ids.emplace("c" + k, memo_ids.size()).first->second;
      keys[i] = std::move(k);
      done[i] = true;
      return keys[i];
    };
    for (std::size_t i = 0; i < r.conds.size(); ++i) key_of(i);
  }
  data->memo_count = memo_ids.size();
  index_word_tests(*data);
  for (auto& r : data->rules) first_set(r);
  find_cuts(*data);
  static std::atomic<std::uint64_t> next_id{1};
  data->id = next_id++;
  return access::make(std::move(data));
}

}  // namespace
}  // namespace detail

std::string_view to_string(label l) {
  switch (l) {
    case label::commitment:
      return "Commitment";
    case label::problem:
      return "Problem";
    case label::stakeholder:
      return "Stakeholder";
  }
  return "?";
}

bool class_matches(std::string_view hit_class, std::string_view wanted) {
  return hit_class.size() >= wanted.size() && hit_class.substr(0, wanted.size()) == wanted &&
         (hit_class.size() == wanted.size() || hit_class[wanted.size()] == '.');
}

class_list::class_list(const std::vector<std::string>& names)
    : names_(names.begin(), names.end()) {}

class_list class_list::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw input_error("cannot open class list '" + file.string() + "'", file.string());
  std::vector<std::string> names;
  for (std::string line; std::getline(in, line);) {
    line = line.substr(0, line.find('#'));
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    names.push_back(line.substr(b, line.find_last_not_of(" \t\r") + 1 - b));
  }
  return class_list(names);
}

bool class_list::has_class(std::string_view name) const {
  if (names_.count(name)) return true;
  // Classes below `name` sort together, right where `name.` would.
  const std::string below = std::string(name) + ".";
  const auto it = names_.lower_bound(below);
  return it != names_.end() && it->compare(0, below.size(), below) == 0;
}

rule_set::rule_set() : data_(std::make_shared<detail::rule_set_data>()) {}
std::size_t rule_set::size() const { return data_->rules.size(); }
const rule_info& rule_set::rule(std::size_t i) const { return data_->rules.at(i).info; }
std::size_t rule_set::find(std::string_view id) const {
  for (std::size_t i = 0; i < data_->rules.size(); ++i)
    if (data_->rules[i].info.id == id) return i;
  return size();
}

rule_set parse(std::string_view text, std::string file, const lexicon_classes* classes) {
  return detail::build({{std::string(text), std::move(file)}}, classes);
}

rule_set load_file(const std::filesystem::path& file, const lexicon_classes* classes) {
  return detail::build({{detail::read_rule_file(file), file.string()}}, classes);
}

rule_set load_dir(const std::filesystem::path& dir, const lexicon_classes* classes) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw input_error("rule directory '" + dir.string() + "' does not exist", dir.string());
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".svr") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<detail::source_file> files;
  for (const auto& p : paths) files.push_back({detail::read_rule_file(p), p.string()});
  return detail::build(files, classes);
}

}  // namespace svpol::rules
