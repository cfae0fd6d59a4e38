// svpol/compare.hpp: counts and rates of findings per group of documents (year, party,
// speaker, or any metadata key), for comparing periods, parties and speakers.
//
//   svpol::comparison cmp("year");
//   for each document: cmp.add(doc, analysis, findings);        // streaming: O(groups) memory
//   svpol::write_comparison_md(std::cout, cmp);
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "svpol/extract.hpp"

namespace svpol {

struct group_stats {
  std::string group;  // the metadata value ("2016", "S"); "(none)" when a document lacks it
  std::size_t documents = 0, tokens = 0;
  std::size_t commitments = 0, problems = 0, stakeholders = 0;
  std::map<std::string, std::size_t> commitment_strength, commitment_kind, stakeholder_category;
  std::map<std::string, std::size_t> stakeholder_mentions;  // by Reference, else lowercase text
  std::map<std::string, std::size_t> problem_terms;         // lemmas of the problems' nouns
  // Findings per 10,000 tokens.
  double rate(std::size_t count) const {
    return tokens ? 1e4 * double(count) / double(tokens) : 0.0;
  }
};

class comparison {
 public:
  explicit comparison(std::string key) : key_(std::move(key)) {}
  void add(const document& doc, const analysis& a, const std::vector<finding>& found);
  // Groups in order: numerically where all values are numbers (years), else alphabetically.
  std::vector<const group_stats*> groups() const;
  const std::string& key() const { return key_; }

 private:
  std::string key_;
  std::map<std::string, group_stats> groups_;
};

// Keyness between two sides of a corpus (two periods, two parties): which lemmas one side uses
// more than the other. A side is `FROM-TO` (an inclusive numeric range of the grouping key,
// `1994-2005`), `KEY=VALUE` (`party=S`), or a single value of the grouping key.
struct side_filter {
  std::string key, value;  // KEY=VALUE or a single value
  bool range = false;
  long from = 0, to = 0;  // FROM-TO
  std::string text;       // as given
  // Parses a side; throws input_error naming it when it is none of the forms above.
  static side_filter parse(std::string_view text, const std::string& default_key);
  bool matches(const document& doc) const;
};

struct keyword {
  std::string lemma;
  std::size_t a = 0, b = 0;  // frequency on side A and side B
  double g2 = 0;             // log-likelihood, the 2-term form (as the Lancaster calculator)
  double p = 1;              // p-value of G2 with 1 degree of freedom
  double log_ratio = 0;      // log2 of the ratio of relative frequencies (0.5 for a zero)
};

class keyness {
 public:
  keyness(side_filter a, side_filter b) : a_(std::move(a)), b_(std::move(b)) {}
  // Counts the lemmas of the document's words on the side(s) it belongs to.
  void add(const document& doc, const analysis& an);
  // The lemmas by G2, strongest first, at most `n`: those used more on A (log ratio > 0) and
  // those used more on B, each with p below `max_p`.
  std::vector<keyword> top(std::size_t n, double max_p = 0.05) const;
  std::size_t tokens_a() const { return total_a_; }
  std::size_t tokens_b() const { return total_b_; }
  const side_filter& a() const { return a_; }
  const side_filter& b() const { return b_; }

 private:
  side_filter a_, b_;
  std::map<std::string, std::pair<std::size_t, std::size_t>> counts_;
  std::size_t total_a_ = 0, total_b_ = 0;
};

void write_keyness_md(std::ostream& out, const keyness& k, std::size_t n);
void write_keyness_csv(std::ostream& out, const keyness& k, std::size_t n);

// A self-contained HTML report (no network): a chart of the rates per 10,000 words over the
// groups (SVG; counts on hover), the table, and for every group and label a few findings in
// context, linked from the table's numbers. Corpus text is escaped.
struct report_example {
  std::string group, label, doc, left, match, right;
};
void write_comparison_html(std::ostream& out, const comparison& cmp,
                           const std::vector<report_example>& examples,
                           const keyness* keys = nullptr, std::size_t n_keywords = 30);

// A Markdown table: one row a group, with counts, rates per 10,000 tokens, and the most
// mentioned stakeholders.
void write_comparison_md(std::ostream& out, const comparison& cmp);
// Tidy CSV for R and pandas: group,measure,value (one row per group and measure).
void write_comparison_csv(std::ostream& out, const comparison& cmp);

}  // namespace svpol
