// The only translation unit that instantiates the X3 grammar (it is slow to compile).
#include "rules/grammar.hpp"

#include <functional>

#include "rules/error_handler.hpp"
#include "rules/grammar_def.hpp"

namespace svpol::rules::detail {

namespace x3 = boost::spirit::x3;
using iterator = const char*;

namespace {

void skip_blanks(iterator& it, iterator end) {
  while (x3::parse(it, end, grammar::skipper)) {
  }
}

bool word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The start of the first line at or after `from` whose first word is `rule`: where parsing
// resumes after an error. Returns `end` when there is none.
iterator next_rule(iterator from, iterator begin, iterator end) {
  iterator line = from;
  while (line > begin && line[-1] != '\n') --line;
  for (; line < end;) {
    iterator p = line;
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    if (p >= from && end - p >= 4 && std::string_view(p, 4) == "rule" &&
        (end - p == 4 || !word_byte(p[4])))
      return p;
    while (line < end && *line != '\n') ++line;
    if (line < end) ++line;
  }
  return end;
}

// X3 parses a group by recursion, so a rule of thousands of nested '(' would overflow the
// stack (found by fuzzing). No real rule nests anywhere near this deep.
constexpr int max_nesting = 100;

// The '(' that opens a group deeper than max_nesting in the rule that starts at `from`, or
// `end`. The scan skips strings and comments as the grammar does and stops where the rule's
// braces close, so that each rule is scanned once.
iterator too_deep(iterator from, iterator end) {
  int parens = 0, braces = 0;
  for (iterator p = from; p < end; ++p) {
    switch (*p) {
      case '#':
        while (p + 1 < end && p[1] != '\n' && p[1] != '\r') ++p;
        break;
      case '"':
        while (p + 1 < end && p[1] != '"' && p[1] != '\n') {
          ++p;
          if (*p == '\\' && p + 1 < end && p[1] != '\n') ++p;
        }
        if (p + 1 < end && p[1] == '"') ++p;
        break;
      case '(':
        if (++parens > max_nesting) return p;
        break;
      case ')':
        if (parens > 0) --parens;
        break;
      case '{':
        ++braces;
        break;
      case '}':
        if (braces > 0 && --braces == 0) return end;
        break;
      default:
        break;
    }
  }
  return end;
}

}  // namespace

syntax_tree parse_syntax(std::string_view text) {
  syntax_tree out;
  const iterator begin = text.data(), end = text.data() + text.size();
  const position_tagger tagger{begin};
  const auto parser = x3::with<x3::error_handler_tag>(std::cref(tagger))[grammar::rule_def];
  iterator it = begin;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") it += 3;  // a byte-order mark
  for (;;) {
    skip_blanks(it, end);
    if (it == end) break;
    const iterator rule_start = it;
    if (const iterator deep = too_deep(it, end); deep != end) {
      out.errors.push_back({static_cast<std::size_t>(deep - begin),
                            "groups nested deeper than " + std::to_string(max_nesting) +
                                " levels; a rule may nest at most that deep"});
      it = next_rule(deep, begin, end);
      continue;
    }
    iterator failed_at = it;
    std::string message;
    try {
      ast::rule_def r;
      if (x3::phrase_parse(it, end, parser, grammar::skipper, r)) {
        out.rules.push_back(std::move(r));
        continue;
      }
      message = "expected 'rule'";
    } catch (const x3::expectation_failure<iterator>& e) {
      failed_at = e.where();
      message = "expected " + e.which();
    }
    // Point at the next thing written, not at the blank before it.
    skip_blanks(failed_at, end);
    if (failed_at == end) message += " before the end of the file";
    out.errors.push_back({static_cast<std::size_t>(failed_at - begin), std::move(message)});
    it = next_rule(failed_at > rule_start ? failed_at : rule_start + 1, begin, end);
  }
  return out;
}

}  // namespace svpol::rules::detail
