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
