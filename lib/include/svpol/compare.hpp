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
  double rate(std::size_t count) const { return tokens ? 1e4 * double(count) / double(tokens) : 0.0; }
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

// A Markdown table: one row a group, with counts, rates per 10,000 tokens, and the most
// mentioned stakeholders.
void write_comparison_md(std::ostream& out, const comparison& cmp);
// Tidy CSV for R and pandas: group,measure,value (one row per group and measure).
void write_comparison_csv(std::ostream& out, const comparison& cmp);

}  // namespace svpol
