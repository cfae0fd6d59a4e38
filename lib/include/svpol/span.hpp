// svpol/span.hpp: half-open spans of UTF-8 bytes in a document's original text.
#pragma once

#include <cstddef>

namespace svpol {

// [begin, end) in UTF-8 bytes of document::text(), the original input.
struct byte_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end == begin; }
  friend bool operator==(const byte_span&, const byte_span&) = default;
};

}  // namespace svpol
