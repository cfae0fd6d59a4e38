// `svpol eval brat`: span matching as ANNOTATION.md defines it.
#include <algorithm>
#include <fstream>
#include <iterator>

#include "core/files.hpp"
#include "svpol/document.hpp"
#include "svpol/error.hpp"
#include "svpol/eval.hpp"

namespace svpol {

namespace {

std::size_t overlap(const span_annotation& a, const span_annotation& b) {
  const std::size_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

// Pairs system spans with gold spans of the same label, one to one: each system span (in
// text order) takes the unmatched gold span it overlaps most (strict: the one with its exact
// start and end). Returns system index -> gold index (or npos).
std::vector<std::size_t> pair_up(const std::vector<const span_annotation*>& gold,
                                 const std::vector<const span_annotation*>& sys, bool strict) {
  constexpr auto none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> out(sys.size(), none);
  std::vector<char> taken(gold.size(), 0);
  for (std::size_t s = 0; s < sys.size(); ++s) {
    std::size_t best = none, best_overlap = 0;
    for (std::size_t g = 0; g < gold.size(); ++g) {
      if (taken[g]) continue;
      if (strict) {
        if (gold[g]->begin == sys[s]->begin && gold[g]->end == sys[s]->end) {
          best = g;
          break;
        }
        continue;
      }
      const std::size_t o = overlap(*gold[g], *sys[s]);
      if (o > best_overlap) {
        best_overlap = o;
        best = g;
      }
    }
    if (best != none) {
      taken[best] = 1;
      out[s] = best;
    }
  }
  return out;
}

std::string context_of(const std::string& text, std::size_t begin, std::size_t end) {
  // begin/end are code points: walk to bytes.
  std::vector<std::size_t> cps;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cps.push_back(i);
  cps.push_back(text.size());
  auto at = [&](std::size_t cp) { return cps[std::min(cp, cps.size() - 1)]; };
  const std::size_t b = at(begin > 40 ? begin - 40 : 0), sb = at(begin), se = at(end),
                    e = at(end + 40);
  std::string out =
      text.substr(b, sb - b) + "[" + text.substr(sb, se - sb) + "]" + text.substr(se, e - se);
  for (char& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  return out;
}

}  // namespace

void score_brat(const std::string& doc_id, const std::string& text,
                const std::vector<span_annotation>& gold,
                const std::vector<span_annotation>& system, brat_scores& acc, bool collect_errors) {
  ++acc.documents;
  for (const char* label : {"Commitment", "Problem", "Stakeholder"}) {
    std::vector<const span_annotation*> g, s;
    for (const auto& a : gold)
      if (a.label == label) g.push_back(&a);
    for (const auto& a : system)
      if (a.label == label) s.push_back(&a);
    std::sort(s.begin(), s.end(), [](auto* x, auto* y) { return x->begin < y->begin; });
    const auto lenient = pair_up(g, s, false);
    const std::size_t matched =
        static_cast<std::size_t>(std::count_if(lenient.begin(), lenient.end(), [](std::size_t m) {
          return m != static_cast<std::size_t>(-1);
        }));
    prf& p = std::string(label) == "Commitment" ? acc.commitment
             : std::string(label) == "Problem"  ? acc.problem
                                                : acc.stakeholder_lenient;
    p.gold += g.size();
    p.system += s.size();
    p.correct += matched;
    if (std::string(label) == "Stakeholder") {
      const auto strict = pair_up(g, s, true);
      acc.stakeholder_strict.gold += g.size();
      acc.stakeholder_strict.system += s.size();
      acc.stakeholder_strict.correct +=
          static_cast<std::size_t>(std::count_if(strict.begin(), strict.end(), [](std::size_t m) {
            return m != static_cast<std::size_t>(-1);
          }));
    }
    std::vector<char> gold_matched(g.size(), 0);
    for (std::size_t k = 0; k < s.size(); ++k) {
      if (lenient[k] == static_cast<std::size_t>(-1)) {
        if (collect_errors)
          acc.errors.push_back({doc_id, label, "spurious", s[k]->begin, s[k]->end, s[k]->text,
                                context_of(text, s[k]->begin, s[k]->end), s[k]->rule});
        continue;
      }
      const span_annotation& gm = *g[lenient[k]];
      gold_matched[lenient[k]] = 1;
      for (const auto& [key, value] : gm.attributes) {
        if (key == "Reference") continue;  // not scored (ANNOTATION.md)
        auto& cell = acc.attributes[std::string(label) + "." + key];
        ++cell.second;
        cell.first += s[k]->attribute(key) == value;
      }
    }
    if (collect_errors)
      for (std::size_t k = 0; k < g.size(); ++k)
        if (!gold_matched[k])
          acc.errors.push_back({doc_id, label, "missed", g[k]->begin, g[k]->end, g[k]->text,
                                context_of(text, g[k]->begin, g[k]->end), ""});
  }
}

namespace {

std::string read_file(const std::filesystem::path& path) { return detail::read_file(path, ""); }

}  // namespace

brat_scores evaluate_brat_dir(const std::filesystem::path& gold_dir, const brat_system& system,
                              bool collect_errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(gold_dir, ec))
    throw input_error("gold directory '" + gold_dir.string() + "' does not exist",
                      gold_dir.string());
  std::vector<fs::path> texts;
  for (const auto& e : fs::directory_iterator(gold_dir, ec))
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  std::sort(texts.begin(), texts.end());
  if (texts.empty())
    throw input_error("no .txt files in '" + gold_dir.string() + "'", gold_dir.string());
  brat_scores r;
  for (const auto& txt : texts) {
    const std::string name = txt.stem().string();
    const std::string text = read_file(txt);
    validate_utf8(text, txt.string());
    fs::path ann = txt;
    ann.replace_extension(".ann");
    const auto gold =
        read_brat(fs::exists(ann, ec) ? read_file(ann) : std::string(), ann.string(), &text);
    score_brat(name, text, gold, system(name, text), r, collect_errors);
  }
  return r;
}

brat_system extractor_system(const pipeline& pipe, const extractor& ext) {
  return [&pipe, &ext](const std::string& name, const std::string& text) {
    const auto doc = document::from_utf8(text, name);
    return to_spans(doc, ext.extract(doc, pipe.run(doc)));
  };
}

brat_system directory_system(const std::filesystem::path& dir) {
  return [dir](const std::string& name, const std::string& text) {
    const auto ann = dir / (name + ".ann");
    std::error_code ec;
    if (!std::filesystem::exists(ann, ec)) return std::vector<span_annotation>{};
    return read_brat(read_file(ann), ann.string(), &text);
  };
}

}  // namespace svpol
