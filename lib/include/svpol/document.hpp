// svpol/document.hpp: a document is its original UTF-8 text, an id and metadata.
//
//   auto doc = svpol::document::from_utf8(std::move(bytes), "riksdagen-2016-42",
//                                         {{"year", "2016"}, {"party", "S"}});
//   std::size_t cp = doc.codepoint_offset(token.span.begin);   // brat and CoNLL-U use these
//
// The text is kept exactly as given; every span in svpol points into it in bytes. The writers
// turn byte offsets into code point offsets with codepoint_offset().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svpol/normalize.hpp"
#include "svpol/span.hpp"

namespace svpol {

using metadata = std::vector<std::pair<std::string, std::string>>;

class document {
 public:
  // Validates `text` as UTF-8 and normalizes it. Throws input_error naming `id` and the byte
  // offset of the first invalid byte (with a hint at iconv for Latin-1 text), or of a NUL byte.
  // A leading byte-order mark is accepted; it stays in text() and is skipped by normalization.
  static document from_utf8(std::string text, std::string id, svpol::metadata meta = {});

  const std::string& text() const { return text_; }
  const std::string& id() const { return id_; }
  const svpol::metadata& meta() const { return meta_; }
  // The value of a metadata key, or "" when the document has none.
  std::string_view meta_value(std::string_view key) const;
  const normalized_text& normalized() const { return norm_; }

  std::string_view slice(byte_span s) const {
    return std::string_view(text_).substr(s.begin, s.size());
  }

  // The number of code points in text() before byte `byte` (byte <= text().size()).
  std::size_t codepoint_offset(std::size_t byte) const;
  std::size_t codepoint_size() const { return codepoint_offset(text_.size()); }

 private:
  document() = default;
  std::string text_, id_;
  svpol::metadata meta_;
  normalized_text norm_;
  std::vector<std::size_t> cp_blocks_;  // code points before each 256-byte block
};

// Checks that `bytes` is UTF-8 without NUL bytes; throws input_error naming `source` and the
// byte offset (and line) of the first bad byte.
void validate_utf8(std::string_view bytes, const std::string& source);

}  // namespace svpol
