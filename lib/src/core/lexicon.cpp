#include "svpol/lexicon.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/fast_hash.hpp"
#include "core/files.hpp"
#include "svpol/document.hpp"
#include "svpol/error.hpp"

namespace svpol {

namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::string read_lexicon_file(const std::filesystem::path& file) {
  std::string text = detail::read_file(file, "lexicon");
  validate_utf8(text, file.string());
  return text;
}

}  // namespace

namespace {
// With the 114 abbreviations, fewer than 3% of other words pass the filter of 4,096 bits.
constexpr std::size_t word_filter_words = 64;
}  // namespace

std::size_t abbreviations::word_set::hash::operator()(std::string_view s) const {
  return detail::fast_hash(s);
}

void abbreviations::word_set::insert(const std::string& s) {
  detail::filter_add(filter_, word_filter_words, s);
  set_.insert(s);
}

bool abbreviations::word_set::contains(std::string_view s) const {
  return detail::filter_may_contain(filter_, s) && set_.find(s) != set_.end();
}

void abbreviations::add(const std::string& entry, bool final) {
  const std::string folded = fold_case(entry);
  if (final) final_.insert(folded);
  longest_ = std::max(longest_, folded.size());
  if (folded.find(' ') == std::string::npos) {
    whole_.insert(folded);
    heads_.insert(folded.substr(0, folded.find('.')));
    if (folded.find('.') == std::string::npos)
      longest_without_period_ = std::max(longest_without_period_, folded.size());
    return;
  }
  std::vector<std::string> parts;
  std::istringstream ss(folded);
  for (std::string p; ss >> p;) parts.push_back(p);
  spaced_heads_.insert(parts.front().substr(0, parts.front().find('.')));
  spaced_start_with_period_ &= parts.front().find('.') != std::string::npos;
  spaced_.push_back(std::move(parts));
}

abbreviations abbreviations::from_list(const std::vector<std::string>& entries) {
  abbreviations a;
  for (const auto& e : entries) a.add(e);
  return a;
}

abbreviations abbreviations::load(const std::filesystem::path& file) {
  const std::string text = read_lexicon_file(file);
  abbreviations a;
  std::vector<diagnostic> errors;
  std::istringstream lines(text);
  int line_no = 0;
  for (std::string line; std::getline(lines, line);) {
    ++line_no;
    const std::size_t hash = line.find('#');
    const std::string entry = trim(hash == std::string::npos ? line : line.substr(0, hash));
    if (entry.empty()) continue;
    const std::size_t tab = entry.find('\t');
    if (tab == std::string::npos) {
      a.add(entry);
      continue;
    }
    const std::string flag = trim(entry.substr(tab + 1));
    if (flag != "final") {
      // The column of the flag, in code points of the line as written (before trimming).
      const std::size_t tab_in_line = line.find('\t', line.find_first_not_of(" \t\r"));
      int column = 2;
      for (std::size_t i = 0; i < tab_in_line; ++i)
        column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
      errors.push_back({file.string(), line_no, column,
                        "expected 'final' or nothing after the tab, got '" + flag + "'", line});
      continue;
    }
    a.add(trim(entry.substr(0, tab)), true);
  }
  if (!errors.empty()) throw rule_error(std::move(errors));
  return a;
}

lexicon lexicon::load_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw input_error("lexicon directory '" + dir.string() + "' does not exist", dir.string());
  lexicon lex;
  lex.dir_ = dir;
  const auto abbrev_file = dir / "abbreviations.txt";
  if (std::filesystem::exists(abbrev_file, ec))
    lex.abbreviations_ = svpol::abbreviations::load(abbrev_file);
  lex.terms_ = term_lexicon::load_dir(dir / "terms");
  return lex;
}

std::filesystem::path default_lexicon_dir() {
  if (const char* env = std::getenv("SVPOL_LEXICONS"); env && *env) return env;
  return std::filesystem::path(SVPOL_LEXICON_DIR) / "sv";
}

}  // namespace svpol
