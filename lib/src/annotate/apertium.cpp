#include "annotate/apertium.hpp"

#include <lttoolbox/fst_processor.h>
#include <lttoolbox/input_file.h>
#include <unicode/ustdio.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>

#include "core/files.hpp"
#include "svpol/error.hpp"

namespace svpol::detail {

bool apertium_reading::has(std::string_view tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

namespace {

std::atomic<std::uint64_t> next_id{1};

// Closes C streams on every path out of analyse().
struct file_closer {
  void operator()(FILE* f) const {
    if (f) std::fclose(f);
  }
};
using file_ptr = std::unique_ptr<FILE, file_closer>;

// The processors of the analysers this thread has used, most recent first. A thread rarely
// sees more than one analyser; the list is capped so that tests that build many stay small.
struct thread_processor {
  std::uint64_t id = 0;
  std::unique_ptr<FSTProcessor> proc;
};
thread_local std::vector<thread_processor> processors;

FSTProcessor& processor_for(std::uint64_t id, const std::string& bytes,
                            const std::filesystem::path& path) {
  for (std::size_t i = 0; i < processors.size(); ++i) {
    if (processors[i].id == id) {
      if (i) std::rotate(processors.begin(), processors.begin() + i, processors.begin() + i + 1);
      return *processors.front().proc;
    }
  }
  // fmemopen wants a non-const buffer even for reading; the copy keeps bytes_ read-only.
  std::string copy = bytes;
  file_ptr in(fmemopen(copy.data(), copy.size(), "rb"));
  if (!in) throw input_error("cannot read analyser '" + path.string() + "'", path.string());
  auto proc = std::make_unique<FSTProcessor>();
  try {
    proc->load(in.get());
  } catch (const std::exception& e) {
    throw input_error("cannot load analyser '" + path.string() + "': " + e.what(), path.string());
  }
  proc->initAnalysis();
  if (!proc->valid()) throw input_error("invalid analyser '" + path.string() + "'", path.string());
  if (processors.size() >= 4) processors.pop_back();
  processors.insert(processors.begin(), {id, std::move(proc)});
  return *processors.front().proc;
}

bool is_special(char c) {
  return c == '^' || c == '$' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\\' ||
         c == '/' || c == '<' || c == '>' || c == '@' || c == '#' || c == '+' || c == '*';
}

// Drops the superscript digits Apertium uses to tell homographs apart (`vara¹`).
std::string strip_homograph_digits(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto n1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    const auto n2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    if (c == 0xC2 && (n1 == 0xB9 || n1 == 0xB2 || n1 == 0xB3)) {  // ¹ ² ³
      ++i;
      continue;
    }
    if (c == 0xE2 && n1 == 0x81 && n2 >= 0xB0 && n2 <= 0xB9) {  // ⁰ ⁴-⁹
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

apertium_reading parse_reading(std::string_view a) {
  apertium_reading r;
  std::size_t i = 0;
  for (; i < a.size() && a[i] != '<'; ++i) {
    if (a[i] == '\\' && i + 1 < a.size()) ++i;
    r.lemma += a[i];
  }
  while (i < a.size() && a[i] == '<') {
    const std::size_t close = a.find('>', i);
    if (close == std::string_view::npos) break;
    r.tags.emplace_back(a.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  // Anything after the tags (`# upp` of a multiword, `+` of a joined reading) is ignored.
  r.lemma = strip_homograph_digits(std::move(r.lemma));
  return r;
}

}  // namespace

apertium_analysis parse_apertium_line(std::string_view line) {
  apertium_analysis out;
  std::vector<std::pair<std::string, std::vector<apertium_reading>>> units;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '\\') {
      i += 2;
      continue;
    }
    if (line[i] != '^') {
      ++i;
      continue;
    }
    // One unit: ^surface/analysis/analysis$, with backslash escapes.
    std::vector<std::string> fields(1);
    std::size_t j = i + 1;
    for (; j < line.size() && line[j] != '$'; ++j) {
      if (line[j] == '\\' && j + 1 < line.size()) {
        fields.back() += line[j];
        fields.back() += line[++j];
      } else if (line[j] == '/') {
        fields.emplace_back();
      } else {
        fields.back() += line[j];
      }
    }
    std::string surface;
    for (std::size_t k = 0; k < fields[0].size(); ++k) {
      if (fields[0][k] == '\\' && k + 1 < fields[0].size()) ++k;
      surface += fields[0][k];
    }
    std::vector<apertium_reading> readings;
    for (std::size_t k = 1; k < fields.size(); ++k)
      if (!fields[k].empty() && fields[k][0] != '*') readings.push_back(parse_reading(fields[k]));
    units.emplace_back(std::move(surface), std::move(readings));
    i = j + 1;
  }
  if (units.size() == 1) {
    out.readings = std::move(units[0].second);
  } else {
    for (auto& u : units) out.parts.push_back(std::move(u.first));
  }
  return out;
}

apertium_analyser::apertium_analyser(const std::filesystem::path& bin)
    : path_(bin), id_(next_id.fetch_add(1)) {
  std::error_code ec;
  if (!std::filesystem::exists(bin, ec))
    throw input_error("cannot open Swedish analyser '" + bin.string() +
                          "' (install the Debian package apertium-swe-dan)",
                      bin.string());
  bytes_ = read_file(bin, "Swedish analyser");
  if (bytes_.empty())
    throw input_error("empty Swedish analyser '" + bin.string() + "'", bin.string());
}

std::vector<apertium_analysis> apertium_analyser::analyse(
    const std::vector<std::string_view>& words) const {
  std::vector<apertium_analysis> out(words.size());
  if (words.empty()) return out;
  // One word a line: lt-proc's stream format keeps the newline as a blank between units, so
  // output line k belongs to input word k. Words holding whitespace are sent as an empty line.
  std::string input;
  for (std::string_view w : words) {
    const bool has_space = std::any_of(w.begin(), w.end(), [](char c) {
      return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    });
    if (!has_space) {
      for (char c : w) {
        if (is_special(c)) input += '\\';
        input += c;
      }
    }
    input += '\n';
  }
  FSTProcessor& proc = processor_for(id_, bytes_, path_);
  file_ptr in(fmemopen(input.data(), input.size(), "rb"));
  char* buf = nullptr;
  std::size_t len = 0;
  FILE* raw_out = open_memstream(&buf, &len);
  if (!in || !raw_out) {
    if (raw_out) std::fclose(raw_out);
    std::free(buf);
    throw error("cannot open memory streams for the analyser");
  }
  InputFile input_file;
  input_file.wrap(in.release());  // InputFile closes it
  UFILE* uout = u_finit(raw_out, nullptr, "UTF-8");
  proc.analysis(input_file, uout);
  u_fflush(uout);
  u_fclose(uout);  // does not close raw_out: u_finit streams do not own their FILE
  std::fclose(raw_out);
  const std::string text(buf, len);
  std::free(buf);

  std::size_t line = 0, begin = 0;
  while (begin <= text.size() && line < words.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    out[line++] = parse_apertium_line(std::string_view(text).substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

}  // namespace svpol::detail
