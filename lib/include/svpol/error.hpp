// svpol/error.hpp: the one exception hierarchy of svpol.
//
//   try { auto doc = svpol::document::from_utf8(read(path), path); }
//   catch (const svpol::input_error& e) { std::cerr << e.source << ": " << e.what(); }
//
// Only main() in the CLI catches these and maps them to exit codes (2 for all of them).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace svpol {

// Base of everything svpol throws.
struct error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Bad input data: invalid UTF-8, NUL bytes, unreadable files, malformed records.
// `source` names the file or document ("" when unknown); `byte_offset` is the offset in
// bytes of the first bad byte in that source, `line` its 1-based line and `column` its 1-based
// column in code points (both 0 when unknown). what() does not repeat the source or position;
// where() formats them as `source:line:column`.
struct input_error : error {
  input_error(std::string message, std::string source_name = {}, std::size_t offset = 0,
              std::size_t line_no = 0, std::size_t column_no = 0)
      : error(std::move(message)),
        source(std::move(source_name)),
        byte_offset(offset),
        line(line_no),
        column(column_no) {}
  std::string where() const {
    std::string w = source;
    for (std::size_t n : {line, column}) {
      if (n == 0) break;
      w += ':';
      w += std::to_string(n);
    }
    return w;
  }
  std::string source;
  std::size_t byte_offset = 0;
  std::size_t line = 0;
  std::size_t column = 0;
};

// One problem in a rule or lexicon file. `line` and `column` are 1-based; the column counts
// code points. `source_line` holds the text of the line for printing a caret under it.
struct diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string source_line;
};

// Formats a diagnostic GNU-style: "file:line:col: error: message", then the line and a caret.
std::string format_diagnostic(const diagnostic& d);

// Errors in rule or lexicon files: all that were found, not only the first.
struct rule_error : error {
  explicit rule_error(std::vector<diagnostic> all);
  std::vector<diagnostic> diagnostics;
};

}  // namespace svpol
