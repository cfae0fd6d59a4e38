#include "svpol/compare.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "svpol/error.hpp"
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
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
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
      case '|':
        out += "\\|";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
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
      return a->group.size() != b->group.size() ? a->group.size() < b->group.size()
                                                : a->group < b->group;
    });
  if (none) out.push_back(none);
  return out;
}

void write_comparison_md(std::ostream& out, const comparison& cmp) {
  out << "| " << md(cmp.key())
      << " | documents | tokens | commitments | per 10k | problems | per 10k "
      << "| stakeholders | per 10k | most mentioned stakeholders |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const group_stats* g : cmp.groups()) {
    out << "| " << md(g->group) << " | " << g->documents << " | " << g->tokens << " | "
        << g->commitments << " | " << fixed2(g->rate(g->commitments)) << " | " << g->problems
        << " | " << fixed2(g->rate(g->problems)) << " | " << g->stakeholders << " | "
        << fixed2(g->rate(g->stakeholders)) << " | " << md(top(g->stakeholder_mentions, 3))
        << " |\n";
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
    for (const auto& [k, n] : g->commitment_strength)
      row("commitments_strength_" + k, std::to_string(n));
    for (const auto& [k, n] : g->commitment_kind) row("commitments_kind_" + k, std::to_string(n));
    for (const auto& [k, n] : g->stakeholder_category)
      row("stakeholders_category_" + k, std::to_string(n));
  }
}

}  // namespace svpol

// ---- keyness --------------------------------------------------------------------------------

namespace svpol {

side_filter side_filter::parse(std::string_view text, const std::string& default_key) {
  side_filter f;
  f.text = std::string(text);
  if (const std::size_t eq = text.find('='); eq != std::string_view::npos) {
    f.key = std::string(text.substr(0, eq));
    f.value = std::string(text.substr(eq + 1));
    if (f.key.empty() || f.value.empty())
      throw input_error("a side is FROM-TO, KEY=VALUE or a value, not '" + f.text + "'");
    return f;
  }
  f.key = default_key;
  const std::size_t dash = text.find('-');
  if (dash != std::string_view::npos && dash > 0) {
    try {
      std::size_t used = 0;
      const std::string from(text.substr(0, dash)), to(text.substr(dash + 1));
      f.from = std::stol(from, &used);
      if (used != from.size()) throw std::invalid_argument("from");
      f.to = std::stol(to, &used);
      if (used != to.size()) throw std::invalid_argument("to");
      f.range = true;
      return f;
    } catch (const std::exception&) {
      // not a numeric range: a plain value that happens to contain a dash
    }
  }
  f.value = std::string(text);
  return f;
}

bool side_filter::matches(const document& doc) const {
  const std::string_view v = doc.meta_value(key);
  if (!range) return v == value;
  if (v.empty() || !is_number(std::string(v))) return false;
  const long x = std::stol(std::string(v));
  return x >= from && x <= to;
}

void keyness::add(const document& doc, const analysis& an) {
  const bool in_a = a_.matches(doc), in_b = b_.matches(doc);
  if (!in_a && !in_b) return;
  for (const token& t : an.tokens) {
    if (t.kind != token_kind::word || t.upos == "PUNCT" || t.upos == "SYM") continue;
    const std::string lemma = fold_case(t.lemma.empty() ? t.form : t.lemma);
    // Words are what has a letter (`@` or a stray mark is not one).
    if (!std::any_of(lemma.begin(), lemma.end(), [](char c) {
          return std::isalpha(static_cast<unsigned char>(c)) ||
                 static_cast<unsigned char>(c) >= 0x80;
        }))
      continue;
    auto& c = counts_[lemma];
    if (in_a) {
      ++c.first;
      ++total_a_;
    }
    if (in_b) {
      ++c.second;
      ++total_b_;
    }
  }
}

std::vector<keyword> keyness::top(std::size_t n, double max_p) const {
  std::vector<keyword> up, down;
  const double ta = double(total_a_), tb = double(total_b_);
  if (ta == 0 || tb == 0) return {};
  for (const auto& [lemma, c] : counts_) {
    keyword k;
    k.lemma = lemma;
    k.a = c.first;
    k.b = c.second;
    const double a = double(k.a), b = double(k.b);
    const double e1 = ta * (a + b) / (ta + tb), e2 = tb * (a + b) / (ta + tb);
    k.g2 = 2 * ((a > 0 ? a * std::log(a / e1) : 0) + (b > 0 ? b * std::log(b / e2) : 0));
    k.p = std::erfc(std::sqrt(k.g2 / 2));  // chi-square with 1 degree of freedom
    k.log_ratio = std::log2(((a > 0 ? a : 0.5) / ta) / ((b > 0 ? b : 0.5) / tb));
    if (k.p >= max_p) continue;
    (k.log_ratio > 0 ? up : down).push_back(std::move(k));
  }
  auto by_g2 = [](const keyword& x, const keyword& y) {
    return x.g2 != y.g2 ? x.g2 > y.g2 : x.lemma < y.lemma;
  };
  std::sort(up.begin(), up.end(), by_g2);
  std::sort(down.begin(), down.end(), by_g2);
  if (up.size() > n) up.resize(n);
  if (down.size() > n) down.resize(n);
  up.insert(up.end(), down.begin(), down.end());
  return up;
}

namespace {

std::string num(double x, int digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

std::string p_text(double p) {
  if (p < 0.0001) return "<0.0001";
  return num(p, 4);
}

}  // namespace

void write_keyness_md(std::ostream& out, const keyness& k, std::size_t n) {
  out << "Keyness: A = " << md(k.a().text) << " (" << k.tokens_a()
      << " words), B = " << md(k.b().text) << " (" << k.tokens_b()
      << " words); log-likelihood G2, p < 0.05\n\n";
  out << "| lemma | freq A | freq B | per 10k A | per 10k B | G2 | p | Log Ratio | more in |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const keyword& w : k.top(n)) {
    out << "| " << md(w.lemma) << " | " << w.a << " | " << w.b << " | "
        << num(1e4 * double(w.a) / double(k.tokens_a()), 2) << " | "
        << num(1e4 * double(w.b) / double(k.tokens_b()), 2) << " | " << num(w.g2, 2) << " | "
        << p_text(w.p) << " | " << num(w.log_ratio, 2) << " | " << (w.log_ratio > 0 ? "A" : "B")
        << " |\n";
  }
}

void write_keyness_csv(std::ostream& out, const keyness& k, std::size_t n) {
  out << "lemma,freq_a,freq_b,words_a,words_b,g2,p,log_ratio\n";
  for (const keyword& w : k.top(n))
    out << csv(w.lemma) << ',' << w.a << ',' << w.b << ',' << k.tokens_a() << ',' << k.tokens_b()
        << ',' << num(w.g2, 4) << ',' << num(w.p, 6) << ',' << num(w.log_ratio, 4) << '\n';
}

// ---- HTML report ----------------------------------------------------------------------------

namespace {

std::string html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// An id for a group and label that is safe in HTML and URLs.
std::string anchor(std::size_t group_index, std::string_view label) {
  return "ex-" + std::to_string(group_index) + "-" + std::string(label);
}

const char* const labels[] = {"Commitment", "Problem", "Stakeholder"};
const char* const colours[] = {"#1b6ca8", "#c0392b", "#27ae60"};

std::size_t count_of(const group_stats& g, int label) {
  return label == 0 ? g.commitments : label == 1 ? g.problems : g.stakeholders;
}

void write_chart(std::ostream& out, const std::vector<const group_stats*>& groups) {
  const double w = 860, h = 320, left = 60, right = 20, top = 20, bottom = 60;
  double max_rate = 1;
  for (const auto* g : groups)
    for (int l = 0; l < 3; ++l) max_rate = std::max(max_rate, g->rate(count_of(*g, l)));
  const double plot_w = w - left - right, plot_h = h - top - bottom;
  auto x = [&](std::size_t i) {
    return left + (groups.size() < 2 ? plot_w / 2 : plot_w * double(i) / double(groups.size() - 1));
  };
  auto y = [&](double rate) { return top + plot_h - plot_h * rate / max_rate; };
  out << "<svg class=\"chart\" width=\"" << w << "\" height=\"" << h << "\" viewBox=\"0 0 " << w
      << ' ' << h << "\" role=\"img\" aria-label=\"rates per 10,000 words\">\n";
  out << "<line x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << w - right
      << "\" y2=\"" << top + plot_h << "\" stroke=\"#444\"/>\n";
  out << "<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\""
      << top + plot_h << "\" stroke=\"#444\"/>\n";
  for (int k = 0; k <= 4; ++k) {
    const double rate = max_rate * k / 4;
    out << "<text x=\"" << left - 6 << "\" y=\"" << y(rate) + 4 << "\" text-anchor=\"end\">"
        << num(rate, 1) << "</text>\n";
  }
  for (std::size_t i = 0; i < groups.size(); ++i)
    out << "<text x=\"" << x(i) << "\" y=\"" << top + plot_h + 18
        << "\" text-anchor=\"middle\" font-size=\"11\">" << html(groups[i]->group) << "</text>\n";
  for (int l = 0; l < 3; ++l) {
    out << "<polyline class=\"series\" data-label=\"" << labels[l] << "\" fill=\"none\" stroke=\""
        << colours[l] << "\" stroke-width=\"2\" points=\"";
    for (std::size_t i = 0; i < groups.size(); ++i)
      out << (i ? " " : "") << num(x(i), 1) << ','
          << num(y(groups[i]->rate(count_of(*groups[i], l))), 1);
    out << "\"/>\n";
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const auto* g = groups[i];
      const std::size_t n = count_of(*g, l);
      out << "<a href=\"#" << anchor(i, labels[l]) << "\"><circle cx=\"" << num(x(i), 1)
          << "\" cy=\"" << num(y(g->rate(n)), 1) << "\" r=\"4\" fill=\"" << colours[l]
          << "\"><title>" << labels[l] << ", " << html(g->group) << ": " << num(g->rate(n), 2)
          << " per 10,000 words (" << n << " of " << g->tokens << " words)</title></circle></a>\n";
    }
    out << "<text x=\"" << left + 10 + 150 * l << "\" y=\"" << h - 12 << "\" fill=\"" << colours[l]
        << "\">&#9632; " << labels[l] << "</text>\n";
  }
  out << "</svg>\n";
}

}  // namespace

void write_comparison_html(std::ostream& out, const comparison& cmp,
                           const std::vector<report_example>& examples, const keyness* keys,
                           std::size_t n_keywords) {
  const auto groups = cmp.groups();
  out << "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>svpol: findings by " << html(cmp.key()) << "</title>\n<style>\n"
      << "body{font-family:sans-serif;margin:2em;max-width:70em}"
      << "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em "
         ".5em}"
      << "td.n{text-align:right}.kwic td{border:none;font-family:monospace;font-size:90%}"
      << ".kwic .l{text-align:right}.kwic .m{font-weight:bold}\n</style>\n</head>\n<body>\n";
  out << "<h1>Commitments, problems and stakeholders by " << html(cmp.key()) << "</h1>\n";
  out << "<p>Rates are findings per 10,000 words. Hover a point for its counts; click a number"
      << " or a point for the findings in context.</p>\n";
  write_chart(out, groups);
  out << "<table>\n<tr><th>" << html(cmp.key())
      << "</th><th>documents</th><th>words</th><th>commitments</th><th>per 10k</th>"
      << "<th>problems</th><th>per 10k</th><th>stakeholders</th><th>per 10k</th>"
      << "<th>most mentioned stakeholders</th></tr>\n";
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto* g = groups[i];
    out << "<tr><td>" << html(g->group) << "</td><td class=\"n\">" << g->documents
        << "</td><td class=\"n\">" << g->tokens << "</td>";
    for (int l = 0; l < 3; ++l) {
      const std::size_t n = count_of(*g, l);
      out << "<td class=\"n\"><a href=\"#" << anchor(i, labels[l]) << "\">" << n
          << "</a></td><td class=\"n\">" << num(g->rate(n), 2) << "</td>";
    }
    out << "<td>" << html(top(g->stakeholder_mentions, 3)) << "</td></tr>\n";
  }
  out << "</table>\n";
  if (keys) {
    out << "<h2>Keyness: " << html(keys->a().text) << " against " << html(keys->b().text)
        << "</h2>\n<table>\n<tr><th>lemma</th><th>freq A</th><th>freq B</th><th>G2</th><th>p</th>"
        << "<th>Log Ratio</th><th>more in</th></tr>\n";
    for (const keyword& w : keys->top(n_keywords))
      out << "<tr><td>" << html(w.lemma) << "</td><td class=\"n\">" << w.a
          << "</td><td class=\"n\">" << w.b << "</td><td class=\"n\">" << num(w.g2, 2)
          << "</td><td class=\"n\">" << p_text(w.p) << "</td><td class=\"n\">"
          << num(w.log_ratio, 2) << "</td><td>"
          << html(w.log_ratio > 0 ? keys->a().text : keys->b().text) << "</td></tr>\n";
    out << "</table>\n";
  }
  out << "<h2>Findings in context</h2>\n";
  for (std::size_t i = 0; i < groups.size(); ++i) {
    for (const char* label : labels) {
      out << "<h3 id=\"" << anchor(i, label) << "\">" << label << ", " << html(groups[i]->group)
          << "</h3>\n<table class=\"kwic\">\n";
      for (const auto& e : examples)
        if (e.group == groups[i]->group && e.label == label)
          out << "<tr><td class=\"l\">" << html(e.left) << "</td><td class=\"m\">" << html(e.match)
              << "</td><td>" << html(e.right) << "</td><td>" << html(e.doc) << "</td></tr>\n";
      out << "</table>\n";
    }
  }
  out << "</body>\n</html>\n";
}

}  // namespace svpol
