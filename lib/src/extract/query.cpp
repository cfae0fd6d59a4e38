#include "svpol/query.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "svpol/error.hpp"

namespace svpol {

namespace {

// The query becomes the pattern of a one-rule rule set; errors are moved back onto the
// query's own line and columns.
constexpr std::string_view prefix = "rule query : Stakeholder { match ";

}  // namespace

query query::parse(std::string_view cqp, const lexicon& lex) {
  std::string text(prefix);
  text += cqp;
  text += "; }";
  try {
    query q;
    q.matcher_ = std::make_shared<rules::matcher>(rules::parse(text, "query", &lex.terms()));
    return q;
  } catch (const rule_error& e) {
    std::vector<diagnostic> moved;
    for (diagnostic d : e.diagnostics) {
      d.line = 1;
      d.column = std::max(1, d.column - static_cast<int>(prefix.size()));
      d.column = std::min<int>(d.column, static_cast<int>(cqp.size()) + 1);
      d.source_line = std::string(cqp);
      moved.push_back(std::move(d));
    }
    throw rule_error(std::move(moved));
  }
}

std::vector<std::pair<std::size_t, std::size_t>> query::find(const analysis& a,
                                                             const lexicon& lex) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const sentence& s : a.sentences) {
    const auto hits = lex.terms().find(a.tokens, s.first_token, s.end_token);
    for (const auto& m : matcher_->match(a.tokens, s.first_token, s.end_token, hits))
      if (m.end > m.begin) out.emplace_back(m.begin, m.end);
  }
  return out;
}

kwic_line make_kwic(const document& doc, const analysis& a, std::size_t first, std::size_t end,
                    std::size_t width) {
  std::size_t sb = 0, se = doc.text().size();
  for (const sentence& s : a.sentences)
    if (s.first_token <= first && first < s.end_token) {
      sb = s.span.begin;
      se = s.span.end;
      break;
    }
  const std::size_t mb = a.tokens[first].span.begin, me = a.tokens[end - 1].span.end;
  kwic_line k;
  k.start = doc.codepoint_offset(mb);
  k.end = doc.codepoint_offset(me);
  // Context in code points, clipped to the sentence.
  std::size_t lb = mb, n = 0;
  while (lb > sb && n < width) {
    --lb;
    if ((static_cast<unsigned char>(doc.text()[lb]) & 0xC0) != 0x80) ++n;
  }
  std::size_t re = me;
  n = 0;
  while (re < se && n < width) {
    ++re;
    while (re < se && (static_cast<unsigned char>(doc.text()[re]) & 0xC0) == 0x80) ++re;
    ++n;
  }
  k.left = detail::one_line(doc.text().substr(lb, mb - lb));
  k.match = detail::one_line(doc.text().substr(mb, me - mb));
  k.right = detail::one_line(doc.text().substr(me, re - me));
  return k;
}

}  // namespace svpol
