// svpol/writers.hpp: findings in the formats researchers load elsewhere.
//
//   svpol::write_findings_jsonl(std::cout, doc, analysis, findings);
//
// All offsets are Unicode code points into the document's original text, end exclusive, so
// `text[start:end]` in Python is the finding. Corpus text is escaped for each format.
#pragma once

#include <ostream>
#include <vector>

#include "svpol/document.hpp"
#include "svpol/extract.hpp"
#include "svpol/pipeline.hpp"

namespace svpol {

// One finding a line: {"doc", "label", "start", "end", "text", "rule", "attributes": {...},
// "lexicon": [...], "sentence", "meta": {...the document's metadata...}}.
void write_findings_jsonl(std::ostream& out, const document& doc, const std::vector<finding>& found);

// The header line of write_findings_tsv.
void write_findings_tsv_header(std::ostream& out);
// One finding a line: doc, label, start, end, text, rule, attributes (`k=v;k=v`), lexicon
// entries (`;`-separated), metadata (`k=v;k=v`). Tabs and line breaks in values become spaces.
void write_findings_tsv(std::ostream& out, const document& doc, const std::vector<finding>& found);

// CoNLL-U (as svpol tokenize writes it) with the findings in MISC as BIO tags:
// `Finding=B-Commitment,I-Stakeholder`.
void write_findings_conllu(std::ostream& out, const document& doc, const analysis& a,
                           const std::vector<finding>& found);

}  // namespace svpol
