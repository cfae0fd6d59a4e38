// Private: the sentence boundaries of Unicode's UAX #29, as ICU's sentence BreakIterator finds
// them, without running ICU's state machine over every character.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace svpol::detail {

// The boundaries that ICU's sentence BreakIterator (root rules, as for locale "sv") returns by
// next() over `text` (valid UTF-8), in normalized bytes: every boundary after the start, the
// end of a non-empty text included; empty for an empty text.
std::vector<std::size_t> sentence_breaks(std::string_view text);

}  // namespace svpol::detail
