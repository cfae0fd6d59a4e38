// Private: the Swedish merge rules over ICU's word-break pieces.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "svpol/lexicon.hpp"
#include "svpol/span.hpp"
#include "svpol/tokenize.hpp"

namespace svpol::detail {

// A non-space stretch of the normalized text: an ICU segment or a merge of several.
struct piece {
  std::size_t begin = 0, end = 0;  // normalized bytes
  token_kind kind = token_kind::word;
  bool abbreviation = false;
};

// URLs and e-mail addresses in `text` (normalized bytes), in order, not overlapping.
std::vector<std::pair<byte_span, token_kind>> find_links(std::string_view text);

// Applies the Swedish rules to ICU's pieces of `text`.
std::vector<piece> merge_pieces(std::string_view text, std::vector<piece> pieces,
                                const abbreviations& abbrevs);

}  // namespace svpol::detail
