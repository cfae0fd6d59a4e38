// svpol/eval.hpp: scoring svpol against gold annotations.
//
//   auto r = svpol::evaluate_ud(conllu_text, "sv_talbanken-ud-dev.conllu", pipe);
//   std::cout << r.tokens.f1() << '\n';
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "svpol/brat.hpp"
#include "svpol/pipeline.hpp"

namespace svpol {

// Counts for precision, recall and F1.
struct prf {
  std::size_t gold = 0, system = 0, correct = 0;
  double precision() const { return system ? double(correct) / double(system) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// One disagreement, for --errors: where it is and what each side had.
struct ud_error {
  std::string kind;      // "token", "sentence", "lemma", "upos"
  std::string document;  // gold document id
  std::string gold, system, context;
};

struct ud_result {
  prf tokens, sentences;
  std::size_t aligned = 0;  // tokens with the same span in gold and system
  std::size_t lemma_correct = 0, upos_correct = 0;
  bool has_lemmas = false, has_upos = false;  // the system filled them at all
  double lemma_accuracy() const { return aligned ? double(lemma_correct) / double(aligned) : 0.0; }
  double upos_accuracy() const { return aligned ? double(upos_correct) / double(aligned) : 0.0; }
  std::vector<ud_error> errors;  // filled when asked for
};

// Rebuilds the raw text of a CoNLL-U file (from `# newdoc`, `# newpar`, forms, SpaceAfter and
// SpacesAfter), runs the pipeline on it and scores it as the CoNLL 2018 shared task does:
// token and sentence F1 on exact character spans, lemma and UPOS accuracy over aligned tokens.
// Throws input_error on malformed CoNLL-U.
ud_result evaluate_ud(std::string_view conllu, const std::string& source, const pipeline& pipe,
                      bool collect_errors = false);

// A missed or spurious span, for `eval brat --errors`.
struct brat_error {
  std::string document, label, kind;  // kind: "missed" (gold only) or "spurious" (system only)
  std::size_t begin = 0, end = 0;     // code points
  std::string text, context, rule;
};

// Scores of system spans against gold spans, accumulated over documents (ANNOTATION.md):
// Commitment and Problem match when they overlap; Stakeholder strictly (same start and end)
// and leniently (overlap); each gold span matches at most one system span. Attribute
// accuracy (Category, Strength, Trend, ...) is counted over the leniently matched pairs in
// which gold has the attribute.
struct brat_scores {
  prf commitment, problem, stakeholder_strict, stakeholder_lenient;
  std::map<std::string, std::pair<std::size_t, std::size_t>>
      attributes;  // "Stakeholder.Category" -> correct, total
  std::size_t documents = 0;
  std::vector<brat_error> errors;
  double accuracy(const std::string& key) const {
    const auto it = attributes.find(key);
    return it == attributes.end() || it->second.second == 0
               ? 0.0
               : double(it->second.first) / double(it->second.second);
  }
};

// Adds one document's comparison to `acc`. `text` is the document's text (for the errors'
// context); spans are in code points of it.
void score_brat(const std::string& doc_id, const std::string& text,
                const std::vector<span_annotation>& gold,
                const std::vector<span_annotation>& system, brat_scores& acc,
                bool collect_errors = false);

// The system's spans for one gold document: its name (file stem) and text.
using brat_system =
    std::function<std::vector<span_annotation>(const std::string& name, const std::string& text)>;

// Scores `system` over every NAME.txt of `gold_dir` against NAME.ann (a missing .ann is no
// annotation), in name order. Throws input_error when the directory is missing or has no
// .txt, or a gold file does not fit its text (read_brat).
brat_scores evaluate_brat_dir(const std::filesystem::path& gold_dir, const brat_system& system,
                              bool collect_errors = false);

// The system spans of svpol's extractor over a document.
brat_system extractor_system(const pipeline& pipe, const extractor& ext);

// The system spans read from `dir`/NAME.ann (for agreement between annotation folders).
brat_system directory_system(const std::filesystem::path& dir);

}  // namespace svpol
