#include "svpol/error.hpp"

#include <unicode/utf8.h>

namespace svpol {

std::string format_diagnostic(const diagnostic& d) {
  std::string out = d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) +
                    ": error: " + d.message;
  if (!d.source_line.empty()) {
    out += "\n  " + d.source_line + "\n  ";
    // The caret goes under the column'th code point; tabs are kept so it lines up.
    int cp = 1;
    for (std::size_t i = 0; i < d.source_line.size() && cp < d.column; ++cp) {
      out += d.source_line[i] == '\t' ? '\t' : ' ';
      UChar32 c;
      U8_NEXT(d.source_line.data(), i, d.source_line.size(), c);
      (void)c;
    }
    out += '^';
  }
  return out;
}

static std::string join_messages(const std::vector<diagnostic>& all) {
  std::string out;
  for (const auto& d : all) {
    if (!out.empty()) out += '\n';
    out += format_diagnostic(d);
  }
  return out;
}

rule_error::rule_error(std::vector<diagnostic> all)
    : error(join_messages(all)), diagnostics(std::move(all)) {}

}  // namespace svpol
