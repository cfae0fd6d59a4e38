#include "annotate/exceptions.hpp"

#include <array>
#include <fstream>
#include <iterator>

#include "core/files.hpp"
#include "svpol/error.hpp"
#include "svpol/normalize.hpp"

namespace svpol::detail {

namespace {}  // namespace

exception_table exception_table::parse(std::string_view text, const std::string& source) {
  exception_table t;
  std::vector<diagnostic> errors;
  int line_no = 0;
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    const std::string_view whole = line;
    b = e + 1;
    ++line_no;
    if (const auto hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string> cols;
    std::size_t cb = 0;
    while (true) {
      const std::size_t ce = line.find('\t', cb);
      cols.emplace_back(line.substr(cb, ce == std::string_view::npos ? line.npos : ce - cb));
      if (ce == std::string_view::npos) break;
      cb = ce + 1;
    }
    auto fail = [&](int column, std::string message) {
      errors.push_back({source, line_no, column, std::move(message), std::string(whole)});
    };
    if (cols.size() < 3 || cols.size() > 4) {
      fail(1, "expected form, lemma, UPOS and optional FEATS separated by tabs");
      continue;
    }
    if (cols[0].empty() || cols[1].empty()) {
      fail(1, "empty form or lemma");
      continue;
    }
    const auto upos = upos_tag::parse(cols[2]);
    if (!upos) {
      fail(static_cast<int>(cols[0].size() + cols[1].size() + 3), "unknown UPOS '" + cols[2] + "'");
      continue;
    }
    candidate c = make_candidate(cols[1], *upos, cols.size() == 4 ? cols[3] : std::string());
    c.from_table = true;
    t.entries_[fold_case(cols[0])].push_back(std::move(c));
  }
  if (!errors.empty()) throw rule_error(std::move(errors));
  return t;
}

exception_table exception_table::load(const std::filesystem::path& file) {
  return parse(read_file(file, "lexicon"), file.string());
}

}  // namespace svpol::detail
