#include "svpol/compare.hpp"

#include <algorithm>
#include <cstdio>

#include "svpol/normalize.hpp"

namespace svpol {

namespace {

std::string_view attribute(const finding& f, std::string_view key) {
  for (const auto& [k, v] : f.attributes)
    if (k == key) return v;
  return {};
}

bool is_number(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The `n` largest entries of a count map, as "name (count)" joined by ", ".
std::string top(const std::map<std::string, std::size_t>& counts, std::size_t n) {
  std::vector<std::pair<std::string, std::size_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < n; ++i)
    out += (i ? ", " : "") + v[i].first + " (" + std::to_string(v[i].second) + ")";
  return out;
}

std::string fixed2(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

// CSV quoting (RFC 4180): quote when needed, double the quotes.
std::string csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Markdown table cells: a pipe or line break would break the table, and corpus text such as
// `<script>` must not become HTML where the table is rendered.
std::string md(std::string s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': case '\r': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void comparison::add(const document& doc, const analysis& a, const std::vector<finding>& found) {
  std::string group(doc.meta_value(key_));
  if (group.empty()) group = "(none)";
  group_stats& g = groups_[group];
  g.group = group;
  ++g.documents;
  for (const token& t : a.tokens)
    g.tokens += t.kind == token_kind::word || t.kind == token_kind::number;
  for (const finding& f : found) {
    switch (f.kind) {
      case label::commitment:
        ++g.commitments;
        if (auto s = attribute(f, "Strength"); !s.empty()) ++g.commitment_strength[std::string(s)];
        if (auto k = attribute(f, "Kind"); !k.empty()) ++g.commitment_kind[std::string(k)];
        break;
      case label::problem:
        ++g.problems;
        for (std::size_t i = f.first_token; i < f.end_token; ++i)
          if (a.tokens[i].upos == "NOUN" && !a.tokens[i].lemma.empty())
            ++g.problem_terms[fold_case(a.tokens[i].lemma)];
        break;
      case label::stakeholder: {
        ++g.stakeholders;
        if (auto c = attribute(f, "Category"); !c.empty()) ++g.stakeholder_category[std::string(c)];
        const auto ref = attribute(f, "Reference");
        ++g.stakeholder_mentions[ref.empty() ? fold_case(doc.slice(f.span)) : std::string(ref)];
        break;
      }
    }
  }
}

std::vector<const group_stats*> comparison::groups() const {
  // Numeric order when every value is a number (years); documents without the key come last.
  std::vector<const group_stats*> out;
  const group_stats* none = nullptr;
  bool numeric = true;
  for (const auto& [k, g] : groups_) {
    if (k == "(none)") {
      none = &g;
      continue;
    }
    out.push_back(&g);
    numeric &= is_number(k);
  }
  if (numeric)
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) {
      return a->group.size() != b->group.size() ? a->group.size() < b->group.size() : a->group < b->group;
    });
  if (none) out.push_back(none);
  return out;
}

void write_comparison_md(std::ostream& out, const comparison& cmp) {
  out << "| " << md(cmp.key()) << " | documents | tokens | commitments | per 10k | problems | per 10k "
      << "| stakeholders | per 10k | most mentioned stakeholders |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const group_stats* g : cmp.groups()) {
    out << "| " << md(g->group) << " | " << g->documents << " | " << g->tokens << " | " << g->commitments
        << " | " << fixed2(g->rate(g->commitments)) << " | " << g->problems << " | "
        << fixed2(g->rate(g->problems)) << " | " << g->stakeholders << " | "
        << fixed2(g->rate(g->stakeholders)) << " | " << md(top(g->stakeholder_mentions, 3)) << " |\n";
  }
}

void write_comparison_csv(std::ostream& out, const comparison& cmp) {
  out << "group,measure,value\n";
  for (const group_stats* g : cmp.groups()) {
    auto row = [&](const std::string& measure, const std::string& value) {
      out << csv(g->group) << ',' << csv(measure) << ',' << value << '\n';
    };
    row("documents", std::to_string(g->documents));
    row("tokens", std::to_string(g->tokens));
    row("commitments", std::to_string(g->commitments));
    row("commitments_per_10k", fixed2(g->rate(g->commitments)));
    row("problems", std::to_string(g->problems));
    row("problems_per_10k", fixed2(g->rate(g->problems)));
    row("stakeholders", std::to_string(g->stakeholders));
    row("stakeholders_per_10k", fixed2(g->rate(g->stakeholders)));
    for (const auto& [k, n] : g->commitment_strength) row("commitments_strength_" + k, std::to_string(n));
    for (const auto& [k, n] : g->commitment_kind) row("commitments_kind_" + k, std::to_string(n));
    for (const auto& [k, n] : g->stakeholder_category) row("stakeholders_category_" + k, std::to_string(n));
  }
}

}  // namespace svpol
