// The syntax tree of a rule file, as the X3 grammar builds it. Nodes that errors point at
// derive from x3::position_tagged; the parser's handler stores in id_first/id_last the byte
// offsets of the node in the file's text (not indices into a position cache: one file is
// parsed at a time and offsets are all the checker needs).
//
// Lists derive from std::vector (and names from std::string) rather than wrapping one: X3
// then parses straight into them as containers, and single-member fusion structs, which X3
// handles poorly, are avoided.
#pragma once

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <string>
#include <vector>

namespace svpol::rules::ast {

namespace x3 = boost::spirit::x3;

// An identifier with its position (rule ids, labels, attribute and capture names).
struct name : std::string, x3::position_tagged {
  using std::string::string;
  using std::string::operator=;
};

// `"regex"%c`: the text between the quotes, kept as written (backslashes included: it goes
// to ICU as is), and the flag letters after `%`.
struct value : x3::position_tagged {
  std::string text;
  std::string flags;
};

// `lemma="komma"`, `word!="att"%c`.
struct attr_test : x3::position_tagged {
  name attr;
  std::string op;  // "=" or "!="
  value val;
};

struct or_test;

// A test or a parenthesised condition.
struct primary : x3::variant<attr_test, x3::forward_ast<or_test>> {
  using base_type::base_type;
  using base_type::operator=;
};

// `!primary` or `primary`.
struct unary {
  bool negated = false;
  primary operand;
};

struct and_test : std::vector<unary> {};
struct or_test : std::vector<and_test> {};

// `[]`.
struct any_token {};

struct alternatives;

// What one pattern item matches: any token, a token condition, or a group.
struct atom : x3::variant<any_token, or_test, x3::forward_ast<alternatives>> {
  using base_type::base_type;
  using base_type::operator=;
};

// `name:atom quantifier`; capture and quantifier may be empty. The quantifier is kept as
// written (`?`, `*`, `+`, `{2}`, `{0,12}`, `{1,}`); the checker reads the numbers.
struct item : x3::position_tagged {
  name capture;
  atom body;
  std::string quant;
};

// A quantifier as written, without what the skipper let stand inside it: blanks and `#`
// comments (`{2 # two\n, 3}` is `{2,3}`; found by fuzzing). The checker and printer read this.
inline std::string quantifier_text(const std::string& raw) {
  std::string s;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '#') {
      // Up to x3::eol, as the skipper: a lone '\r' ends a comment too (found by fuzzing).
      while (i + 1 < raw.size() && raw[i + 1] != '\n' && raw[i + 1] != '\r') ++i;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      s += c;
    }
  }
  return s;
}

struct sequence : std::vector<item> {};
struct alternatives : std::vector<sequence> {};

// `Key=value` or `Key from capture[.entry|.class]` in a `set` statement.
struct assign_value : x3::position_tagged {
  name key;
  std::string value;
};
struct assign_from : x3::position_tagged {
  name key;
  name source;
};
struct assignment : x3::variant<assign_value, assign_from> {
  using base_type::base_type;
  using base_type::operator=;
};

enum class constraint_kind { question, negated, clause, subordinate };

// `not question`, `clause`.
struct constraint : x3::position_tagged {
  bool negated = false;
  constraint_kind kind = constraint_kind::question;
};

struct set_stmt : std::vector<assignment> {};
struct where_stmt : std::vector<constraint> {};
struct match_stmt : x3::position_tagged {
  alternatives pattern;
  bool unused_ = false;  // a second member keeps this out of X3's single-element path
};

struct statement : x3::variant<set_stmt, where_stmt, match_stmt> {
  using base_type::base_type;
  using base_type::operator=;
};

struct rule_def : x3::position_tagged {
  name id;
  name label;
  boost::optional<int> priority;
  std::vector<statement> body;
};

}  // namespace svpol::rules::ast
