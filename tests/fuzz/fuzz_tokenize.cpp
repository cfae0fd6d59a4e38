// Fuzzes validation, normalization, tokenization and sentence splitting on arbitrary bytes.
#include <cstdint>
#include <string>

#include "invariants.hpp"
#include "svpol/document.hpp"
#include "svpol/sentences.hpp"
#include "svpol/tokenize.hpp"

using namespace svpol::fuzz;

namespace {

const svpol::abbreviations& abbrevs() {
  static const auto a = svpol::abbreviations::load(SVPOL_FUZZ_ABBREVIATIONS);
  return a;
}

void check(const svpol::document& doc) {
  const std::string& text = doc.text();
  const auto& norm = doc.normalized();
  // The normalized text is valid UTF-8 again, and every offset in it maps into the original,
  // in order.
  try {
    svpol::validate_utf8(norm.text, "normalized");
  } catch (const svpol::input_error& e) {
    fail("normalized text is not valid UTF-8", e.byte_offset);
  }
  std::size_t last_begin = 0, last_end = 0;
  for (std::size_t p = 0; p <= norm.text.size(); ++p) {
    const std::size_t b = norm.map.begin_of(p), e = norm.map.end_of(p);
    require(b <= text.size() && e <= text.size(), "normalized offset maps outside the original", p,
            b > e ? b : e);
    require(b >= last_begin && e >= last_end, "offset map is not monotonic", p, b);
    last_begin = b;
    last_end = e;
  }
  // An empty normalized text (only a byte-order mark, say) maps to an empty span at its end.
  const auto whole = norm.to_original(0, norm.text.size());
  require(whole.begin <= whole.end && whole.end <= text.size(), "map of the whole text",
          whole.begin, whole.end);
  // Code point offsets grow by one per code point.
  require(doc.codepoint_offset(0) == 0, "codepoint_offset(0)");
  std::size_t cps = 0;
  for (std::size_t i = 0; i < text.size(); ++i) cps += on_boundary(text, i);
  require(doc.codepoint_size() == cps, "codepoint_size", doc.codepoint_size(), cps);

  const auto toks = svpol::tokenize(doc, abbrevs());
  std::size_t prev_end = 0, prev_norm_end = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    require(t.span.begin < t.span.end && t.span.end <= text.size(), "token span out of range", i,
            t.span.end);
    require(t.span.begin >= prev_end, "tokens overlap or are out of order", i, t.span.begin);
    require(on_boundary(text, t.span.begin) && on_boundary(text, t.span.end),
            "token span not on UTF-8 boundaries", t.span.begin, t.span.end);
    require(t.norm_span.begin <= t.norm_span.end && t.norm_span.end <= norm.text.size(),
            "token norm span out of range", i, t.norm_span.end);
    require(t.norm_span.begin >= prev_norm_end, "token norm spans overlap", i);
    require(!t.form.empty(), "token with an empty form", i);
    prev_end = t.span.end;
    prev_norm_end = t.norm_span.end;
  }
  // Every printable ASCII character of the original is inside a token.
  std::size_t k = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x21 || c > 0x7E) continue;
    while (k < toks.size() && toks[k].span.end <= i) ++k;
    require(k < toks.size() && toks[k].span.begin <= i, "a printable character is in no token", i,
            c);
  }

  const auto sents = svpol::split_sentences(doc, toks, abbrevs());
  std::size_t next = 0;
  for (std::size_t i = 0; i < sents.size(); ++i) {
    const auto& s = sents[i];
    require(s.first_token == next, "sentences do not cover the tokens in order", i, s.first_token);
    require(s.first_token < s.end_token && s.end_token <= toks.size(), "empty or overlong sentence",
            i, s.end_token);
    require(s.end_token - s.first_token <= svpol::max_sentence_tokens, "sentence over the limit",
            i);
    require(s.span.begin == toks[s.first_token].span.begin &&
                s.span.end == toks[s.end_token - 1].span.end,
            "sentence span is not its tokens' span", i);
    require(i == 0 || s.paragraph >= sents[i - 1].paragraph, "paragraph numbers go back", i);
    next = s.end_token;
  }
  require(next == toks.size(), "tokens after the last sentence", next, toks.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    check(svpol::document::from_utf8(bytes, "fuzz"));
  } catch (const svpol::input_error& e) {
    check_position(e, bytes);
    require(e.source == "fuzz", "input_error does not name the document");
  }
  return 0;
}
