#include "svpol/extract.hpp"

#include <algorithm>

namespace svpol {

extractor extractor::load(const std::filesystem::path& rules_dir, const lexicon& lex) {
  return extractor(rules::load_dir(rules_dir, &lex.terms()), lex);
}

extractor::extractor(rules::rule_set rules, const lexicon& lex)
    : matcher_(std::make_shared<rules::matcher>(std::move(rules))), lex_(&lex) {}

const rules::rule_set& extractor::rules() const { return matcher_->rules(); }

std::vector<finding> extractor::extract(const document& doc, const analysis& a) const {
  (void)doc;
  std::vector<finding> out;
  const term_lexicon& terms = lex_->terms();
  for (std::size_t s = 0; s < a.sentences.size(); ++s) {
    const sentence& sent = a.sentences[s];
    const rules::lexicon_hits hits = terms.find(a.tokens, sent.first_token, sent.end_token);
    auto found = matcher_->resolve_overlaps(
        matcher_->match(a.tokens, sent.first_token, sent.end_token, hits));
    for (const rules::match& m : found) {
      const auto [b, e] = m.span();
      if (b >= e) continue;  // an empty span: context a rule takes but does not report
      finding f;
      f.kind = matcher_->rules().rule(m.rule).kind;
      f.first_token = b;
      f.end_token = e;
      f.span = {a.tokens[b].span.begin, a.tokens[e - 1].span.end};
      f.sentence = s;
      f.rule = matcher_->rules().rule(m.rule).id;
      for (auto& [k, v] : matcher_->attributes(m, a.tokens, hits))
        if (!v.empty()) f.attributes.emplace_back(std::move(k), std::move(v));
      // The lexicon entries inside the match: what made it, for the researcher to see.
      for (const auto& h : hits) {
        if (h.begin < m.begin || h.end > m.end) continue;
        const term_entry& entry = terms.entry_of(h);
        std::string name = entry.cls + ":" + entry.phrase;
        if (std::find(f.entries.begin(), f.entries.end(), name) == f.entries.end())
          f.entries.push_back(std::move(name));
      }
      out.push_back(std::move(f));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const finding& x, const finding& y) {
    if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
    return static_cast<int>(x.kind) < static_cast<int>(y.kind);
  });
  return out;
}

}  // namespace svpol
