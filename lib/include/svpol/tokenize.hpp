// svpol/tokenize.hpp: Swedish tokenization on ICU word breaks.
//
//   auto doc = svpol::document::from_utf8("Vi ska bl.a. se över s.k. Agenda 2030.", "t");
//   auto toks = svpol::tokenize(doc, lex.abbreviations());
//   // Vi | ska | bl.a. | se | över | s.k. | Agenda | 2030 | .
//
// ICU's word BreakIterator runs over the normalized UTF-8 text (through UText, no UTF-16
// copy); Swedish rules then merge what belongs together, following UD Swedish conventions:
// abbreviations with their periods, hyphenated and suspended compounds (`EU-medlemskap`,
// `barn-`), numbers (`20 000`, `2016:28`, `13:e`, `2016-03-14`, `577-584`), `...`, URLs and
// e-mail addresses. Never fails on valid input: every non-space character is in a token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "svpol/abbreviations.hpp"
#include "svpol/document.hpp"
#include "svpol/span.hpp"

namespace svpol {

enum class token_kind : std::uint8_t { word, number, punct, symbol, url, email };
std::string_view to_string(token_kind k);

struct token {
  byte_span span;       // bytes of document::text(), the original
  byte_span norm_span;  // bytes of document::normalized().text
  std::string form;     // the surface as normalized: NFC, soft hyphens gone, rejoined
  std::string norm;     // form, case-folded: what rules match against
  token_kind kind = token_kind::word;
  bool abbreviation = false;  // ends in an abbreviation's period (`t.ex.`, `A.`)
  // Filled by later stages (lemmas and word classes); empty until then.
  std::string lemma, upos, feats;
};

// Tokenizes a document. Spans are ordered, non-overlapping and cover every non-space
// character of the original text.
std::vector<token> tokenize(const document& doc, const abbreviations& abbrevs = {});

}  // namespace svpol
