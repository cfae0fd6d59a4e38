// svpol/extract.hpp: commitments, problem statements and stakeholder mentions.
//
//   auto lex = svpol::lexicon::load_dir(dir);
//   auto ext = svpol::extractor::load(dir / "rules", lex);   // throws rule_error
//   svpol::analysis a = pipe.run(doc);
//   for (const svpol::finding& f : ext.extract(doc, a)) ...   // const, thread-safe
//
// Every finding names the rule that made it and the lexicon entries it used, so a researcher
// can see why it was found.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "svpol/document.hpp"
#include "svpol/lexicon.hpp"
#include "svpol/pipeline.hpp"
#include "svpol/rules.hpp"

namespace svpol {

using rules::label;

struct finding {
  label kind = label::commitment;
  byte_span span;  // bytes of document::text()
  std::size_t first_token = 0, end_token = 0;
  std::size_t sentence = 0;                                     // index into analysis::sentences
  std::string rule;                                             // "commitment.kommer_att"
  std::vector<std::pair<std::string, std::string>> attributes;  // {"Strength", "strong"}
  std::vector<std::string> entries;  // lexicon entries used: "actor.authority:polisen"
};

class extractor {
 public:
  // Compiles the rules of `rules_dir` against the classes of `lex`'s term lexicon.
  static extractor load(const std::filesystem::path& rules_dir, const lexicon& lex);
  extractor(rules::rule_set rules, const lexicon& lex);

  // The findings of one analysed document, ordered by position then label. Overlaps among
  // findings of one label are resolved by the rules' priorities (rules::matcher).
  std::vector<finding> extract(const document& doc, const analysis& a) const;

  const rules::rule_set& rules() const;

 private:
  std::shared_ptr<const rules::matcher> matcher_;
  const lexicon* lex_;
};

}  // namespace svpol
