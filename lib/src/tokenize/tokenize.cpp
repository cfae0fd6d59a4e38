// Tokenization: ICU word breaks over the normalized text, then Swedish merge rules.
//
// The rules work on "pieces" (ICU's word-break segments that are not white space) in
// normalized byte offsets; only at the end are spans mapped back to the original text.
#include "svpol/tokenize.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_set>

#include "core/fast_hash.hpp"
#include "normalize/offset_cursor.hpp"
#include "svpol/error.hpp"
#include "tokenize/scan.hpp"

namespace svpol {

tag_text intern_tag(std::string_view s) {
  // Never shrinks, and its elements never move (a node-based set): views into it stay valid.
  static std::shared_mutex mu;
  static std::unordered_set<std::string, detail::text_hash, std::equal_to<>> pool;
  {
    std::shared_lock lock(mu);
    if (const auto it = pool.find(s); it != pool.end()) return tag_text::from_static(*it);
  }
  std::unique_lock lock(mu);
  return tag_text::from_static(*pool.emplace(s).first);
}

std::string_view to_string(token_kind k) {
  switch (k) {
    case token_kind::word:
      return "word";
    case token_kind::number:
      return "number";
    case token_kind::punct:
      return "punct";
    case token_kind::symbol:
      return "symbol";
    case token_kind::url:
      return "url";
    case token_kind::email:
      return "email";
  }
  return "word";
}

namespace {

using detail::piece;

// Text that becomes a std::string member where it is initialized: the conversion's result
// initializes the member directly (guaranteed copy elision), with no string to move from.
struct in_place_string {
  std::string_view text;
  operator std::string() const { return std::string(text); }  // NOLINT: implicit by design
};

// One word-break iterator per thread: creating one loads ICU's rules, which is slow, and a
// BreakIterator is not thread-safe.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> bi = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale("sv"), st));
    if (U_FAILURE(st) || !b) throw error("cannot create ICU word break iterator");
    return b;
  }();
  return *bi;
}

std::vector<piece> icu_pieces(std::string_view text) {
  std::vector<piece> out;
  out.reserve(text.size() / 5);
  UErrorCode st = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &st);
  if (U_FAILURE(st)) throw error("cannot open UText over the document");
  auto& bi = word_breaker();
  bi.setText(ut, st);
  if (U_FAILURE(st)) {
    utext_close(ut);
    throw error("cannot set text on ICU word break iterator");
  }
  int32_t begin = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; begin = end, end = bi.next()) {
    auto b = static_cast<std::size_t>(begin);
    const auto e = static_cast<std::size_t>(end);
    // ICU keeps a run of white space as one segment, with any combining marks that follow
    // it (` ̊`): the marks are a token of their own.
    UChar32 c = 0;
    for (std::size_t i = b; i < e; b = i) {
      U8_NEXT(text.data(), i, e, c);
      // ASCII's white space is tab to carriage return and the space: no call into ICU for
      // the first letter of every word.
      if (c < 0x80 ? c != ' ' && (c < 0x09 || c > 0x0D) : !u_isUWhiteSpace(c)) break;
    }
    if (b >= e) continue;
    const int32_t status = bi.getRuleStatus();
    token_kind kind;
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
      kind = token_kind::number;
    else if (status >= UBRK_WORD_LETTER)
      kind = token_kind::word;
    else
      kind = (u_ispunct(c) ? token_kind::punct : token_kind::symbol);
    out.push_back({b, e, kind});
  }
  bi.setText(icu::UnicodeString());  // drop the pointer into `text`
  utext_close(ut);
  return out;
}

}  // namespace

std::vector<token> tokenize(const document& doc, const abbreviations& abbrevs) {
  const normalized_text& norm = doc.normalized();
  const std::string_view text = norm.text;
  std::vector<piece> pieces = detail::merge_pieces(text, icu_pieces(text), abbrevs);

  // Most documents need no normalizing: their spans are the same in both texts, without two
  // binary searches of the map per token.
  const bool identity = norm.map.is_identity();
  // Otherwise the pieces, in order, are mapped walking forward through the map's runs.
  detail::offset_cursor to_original_in_order(norm.map);
  std::vector<token> toks;
  toks.reserve(pieces.size());
  for (const piece& p : pieces) {
    // Built in place from its members: `emplace_back()` would value-initialize the token,
    // zeroing all of it before constructing its strings, and a std::string argument would be
    // moved into place (a copy of its bytes again). An in_place_string becomes the member
    // itself.
    token& t = toks.emplace_back(
        identity ? byte_span{p.begin, p.end} : to_original_in_order.to_original(p.begin, p.end),
        byte_span{p.begin, p.end}, in_place_string{text.substr(p.begin, p.end - p.begin)},
        in_place_string{}, p.kind, p.abbreviation);
    fold_case(t.form, t.norm);
  }
  return toks;
}

}  // namespace svpol
