// The entry point of the rule-file parser (grammar.cpp, the only file that compiles X3).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/ast.hpp"

namespace svpol::rules::detail {

struct syntax_error {
  std::size_t offset = 0;  // bytes into the text
  std::string message;     // "expected ']'"
};

struct syntax_tree {
  std::vector<ast::rule_def> rules;  // the rules that parsed; positions are byte offsets
  std::vector<syntax_error> errors;  // one per rule that did not, in order
};

// Parses a whole rule file. Never throws on bad syntax: each broken rule adds an error and
// parsing resumes at the next line that starts with `rule`.
syntax_tree parse_syntax(std::string_view text);

}  // namespace svpol::rules::detail
