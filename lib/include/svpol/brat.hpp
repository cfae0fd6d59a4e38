// svpol/brat.hpp: brat standoff (`.ann` beside `.txt`), as brat and INCEpTION read it.
//
//   auto anns = svpol::read_brat(ann_text, "gold/x.ann", txt);   // throws input_error
//   svpol::write_brat(out, doc, findings);
//
// Offsets in brat are Unicode code points into the `.txt`, end exclusive. Only text-bound
// annotations (T), their attributes (A) and normalizations (N, kept as `Reference`) are read;
// relations, events and notes are skipped.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svpol/document.hpp"
#include "svpol/extract.hpp"

namespace svpol {

struct span_annotation {
  std::string id;                  // "T3"
  std::string label;               // "Commitment"
  std::size_t begin = 0, end = 0;  // code points; for a discontinuous span, first to last
  std::string text;
  std::vector<std::pair<std::string, std::string>> attributes;  // also Reference from N lines
  std::string rule;  // svpol's findings: the rule that made it ("" for gold)
  std::string_view attribute(std::string_view key) const;
};

// Parses a `.ann` file. With `text` (the `.txt` content), checks that every span lies inside
// it and that the annotation's text matches the span; a mismatch is an input_error naming
// `source:line`.
std::vector<span_annotation> read_brat(std::string_view ann, const std::string& source,
                                       const std::string* text = nullptr);

// svpol's findings as span annotations with code point offsets.
std::vector<span_annotation> to_spans(const document& doc, const std::vector<finding>& found);

// Writes findings as a `.ann`: T lines (a span with a line break becomes fragments, as brat
// requires), A lines for attributes, N lines for `Reference`, and an AnnotatorNotes line
// naming the rule and lexicon entries.
void write_brat(std::ostream& out, const document& doc, const std::vector<finding>& found);

}  // namespace svpol
