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
void write_findings_jsonl(std::ostream& out, const document& doc,
                          const std::vector<finding>& found);

// The header line of write_findings_tsv.
void write_findings_tsv_header(std::ostream& out);
// One finding a line: doc, label, start, end, text, rule, attributes (`k=v;k=v`), lexicon
// entries (`;`-separated), metadata (`k=v;k=v`). Tabs and line breaks in values become spaces.
void write_findings_tsv(std::ostream& out, const document& doc, const std::vector<finding>& found);

// CoNLL-U (as svpol tokenize writes it) with the findings in MISC as BIO tags:
// `Finding=B-Commitment,I-Stakeholder`.
void write_findings_conllu(std::ostream& out, const document& doc, const analysis& a,
                           const std::vector<finding>& found);

// One document in the CWB/Korp vertical format (VRT), for `cwb-encode -x -c utf8`:
//
//   <text id="riksdagen-2016-42" year="2016" party="S">
//   <paragraph id="riksdagen-2016-42-p1">
//   <sentence id="riksdagen-2016-42-1">
//   <commitment rule="commitment.kommer_att" attributes="|Strength=strong|" lexicon="|...|">
//   Regeringen<TAB>regering<TAB>NOUN
//   </commitment>
//   </sentence>
//   </paragraph>
//   </text>
//
// Positional attributes: word, lemma, pos (UPOS); an unknown lemma or pos is `_`. Structural
// attributes: text (id, then every metadata key, lowercased, other than [a-z0-9_] as `_`),
// paragraph (id), sentence (id), and one region per finding named by its label in lower case
// (commitment, problem, stakeholder) with rule, attributes and lexicon, the last two as CWB
// feature sets (`|a|b|`, `|` when empty). Regions nest properly: a finding that crosses another
// of a different label is closed and reopened around it, so the file is well-formed XML.
// `&`, `<`, `>`, `"` and `'` are written as XML entities everywhere (cwb-encode -x decodes
// them); tabs and line breaks inside values become spaces.
void write_vrt(std::ostream& out, const document& doc, const analysis& a,
               const std::vector<finding>& found);

// One token a line as JSON, a flat table for pandas (`read_json(lines=True)`) and R:
// {"doc", "sentence" (1-based in the document), "token" (1-based in the sentence), "start",
// "end" (code points, end exclusive), "form", "lemma", "upos", "feats", "commitment",
// "problem", "stakeholder", "meta": {...}}. A label's value is "" outside its findings, else
// "B-" or "I-" and the rule's name ("B-commitment.kommer_att").
void write_tokens_findings_jsonl(std::ostream& out, const document& doc, const analysis& a,
                                 const std::vector<finding>& found);

}  // namespace svpol
