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

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "svpol/abbreviations.hpp"
#include "svpol/document.hpp"
#include "svpol/span.hpp"

namespace svpol {

enum class token_kind : std::uint8_t { word, number, punct, symbol, url, email };
std::string_view to_string(token_kind k);

// A token's UD word class or FEATS: a view of text that lives as long as the program, not a
// copy (a FEATS string is longer than a std::string holds without the heap, and copying one
// into every token was an allocation for more than half of them). It is made from a string
// literal, from intern_tag, or from text the caller promises is static (from_static); never
// from a std::string, whose bytes may go before the token does.
class tag_text {
 public:
  // Neither `= default` nor constexpr: tokenize builds a token from its first members, which
  // value-initializes the rest, and with either GCC 12 zeroed all of the token (`rep stos`, 168
  // bytes) before constructing it.
  tag_text() noexcept {}
  template <std::size_t N>
  constexpr tag_text(const char (&literal)[N]) : v_(literal, N - 1) {}
  tag_text(const std::string&) = delete;
  static constexpr tag_text from_static(std::string_view s) { return tag_text(s); }

  constexpr operator std::string_view() const { return v_; }
  constexpr std::string_view view() const { return v_; }
  constexpr const char* data() const { return v_.data(); }
  constexpr std::size_t size() const { return v_.size(); }
  constexpr bool empty() const { return v_.empty(); }
  friend constexpr bool operator==(tag_text a, std::string_view b) { return a.v_ == b; }
  friend std::ostream& operator<<(std::ostream& out, tag_text t) { return out << t.v_; }

 private:
  constexpr explicit tag_text(std::string_view s) : v_(s) {}
  std::string_view v_;
};

// A tag_text of a copy of `s` kept for the rest of the program, one copy per distinct string:
// for a word class or FEATS from other storage (a file read, a test's table). Thread-safe.
tag_text intern_tag(std::string_view s);

struct token {
  byte_span span;       // bytes of document::text(), the original
  byte_span norm_span;  // bytes of document::normalized().text
  std::string form;     // the surface as normalized: NFC, soft hyphens gone, rejoined
  std::string norm;     // form, case-folded: what rules match against
  token_kind kind = token_kind::word;
  bool abbreviation = false;  // ends in an abbreviation's period (`t.ex.`, `A.`)
  // Filled by later stages (lemmas and word classes); empty until then.
  std::string lemma;
  tag_text upos, feats;  // the UD word class and features
};

// Tokenizes a document. Spans are ordered, non-overlapping and cover every non-space
// character of the original text.
std::vector<token> tokenize(const document& doc, const abbreviations& abbrevs = {});

}  // namespace svpol
