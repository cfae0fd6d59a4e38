// svpol/normalize.hpp: the normalized view of a text that the tokenizer reads, with a map
// back to the original.
//
//   auto n = svpol::normalize("sam-\nhället\u00ADs");   // n.text == "samhällets"
//   svpol::byte_span orig = n.to_original(0, n.text.size());   // [0, size of the input)
//
// What normalization does (and nothing else): NFC; removes soft hyphens (U+00AD), zero-width
// spaces and joiners and the byte-order mark; maps no-break and other Unicode spaces to ' ';
// maps U+2028 and U+2029 to line breaks; rejoins a word hyphenated across a line break
// (`sam-⏎hället` → `samhället`, `EU-⏎medlemskap` → `EU-medlemskap`, but `barn-⏎och` stays),
// also where a converter left a single space for the line break (`sam- rådsprocess`).
// Typographic quotes and dashes are kept as they are: the tokenizer knows them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "svpol/span.hpp"

namespace svpol {

// A map from byte offsets in a normalized text to byte offsets in its original.
// Stored as runs: most text is unchanged, so the map costs memory only where it changed.
class offset_map {
 public:
  // One stretch of the text: `norm_len` bytes at `norm_begin` came from `orig_len` bytes at
  // `orig_begin`. `identity` runs map byte by byte; others map only as a whole.
  struct run {
    std::size_t norm_begin = 0, norm_len = 0, orig_begin = 0, orig_len = 0;
    bool identity = true;
  };

  // Appends a run; adjacent identity runs are merged.
  void append(std::size_t norm_len, std::size_t orig_len, bool identity);

  // The original offset where normalized byte `pos` begins (pos may be the text's end).
  std::size_t begin_of(std::size_t pos) const;
  // The original offset where a span ending (exclusive) at normalized `pos` ends.
  std::size_t end_of(std::size_t pos) const;
  // Both at once: the original span of normalized [begin, end).
  byte_span to_original(std::size_t begin, std::size_t end) const;

  bool is_identity() const { return runs_.size() <= 1 && (runs_.empty() || runs_[0].identity); }
  const std::vector<run>& runs() const { return runs_; }

 private:
  std::vector<run> runs_;
  std::size_t norm_size_ = 0, orig_size_ = 0;
};

struct normalized_text {
  std::string text;  // NFC, UTF-8
  offset_map map;    // normalized bytes -> original bytes
  byte_span to_original(std::size_t begin, std::size_t end) const {
    return map.to_original(begin, end);
  }
};

// Normalizes valid UTF-8 (see above). The input must already be validated (document does it).
normalized_text normalize(std::string_view original);

// NFC and Unicode full case folding of a short string (a token's surface form).
std::string fold_case(std::string_view utf8);
// The same into `out`, replacing what it held and reusing its capacity. `utf8` must not point
// into `out`.
void fold_case(std::string_view utf8, std::string& out);

}  // namespace svpol
