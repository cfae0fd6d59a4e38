#include "svpol/extract.hpp"

#include <algorithm>

namespace svpol {

namespace {

// The order of extract()'s findings: by position, then label.
bool before(const finding& x, const finding& y) {
  if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
  return static_cast<int>(x.kind) < static_cast<int>(y.kind);
}

}  // namespace

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
  rules::lexicon_hits hits;  // a sentence's, in one vector for all (one allocation, not many)
  for (std::size_t s = 0; s < a.sentences.size(); ++s) {
    const sentence& sent = a.sentences[s];
    terms.find(a.tokens, sent.first_token, sent.end_token, hits);
    auto found = matcher_->resolve_overlaps(
        matcher_->match(a.tokens, sent.first_token, sent.end_token, hits));
    const std::size_t sentence_begin = out.size();
    for (const rules::match& m : found) {
      const auto [b, e] = m.span();
      if (b >= e) continue;  // an empty span: context a rule takes but does not report
      const rules::rule_info& rule = matcher_->rules().rule(m.rule);
      finding& f = out.emplace_back();
      f.kind = rule.kind;
      f.first_token = b;
      f.end_token = e;
      f.span = {a.tokens[b].span.begin, a.tokens[e - 1].span.end};
      f.sentence = s;
      f.rule = rule.id;
      for (auto& [k, v] : matcher_->attributes(m, a.tokens, hits))
        if (!v.empty()) f.attributes.emplace_back(std::move(k), std::move(v));
      // The lexicon entries inside the match: what made it, for the researcher to see.
      for (const auto& h : hits) {
        if (h.begin < m.begin || h.end > m.end) continue;
        const term_entry& entry = terms.entry_of(h);
        std::string name;
        name.reserve(entry.cls.size() + 1 + entry.phrase.size());
        name.append(entry.cls).append(1, ':').append(entry.phrase);
        if (std::find(f.entries.begin(), f.entries.end(), name) == f.entries.end())
          f.entries.push_back(std::move(name));
      }
    }
    // Ordered by position, then label, keeping the matcher's order among equals. A finding lies
    // inside its sentence, and sentences come in order, so sorting each sentence's few findings
    // (by insertion: stable, and without the buffer stable_sort allocates) orders them all.
    for (std::size_t i = sentence_begin + 1; i < out.size(); ++i) {
      for (std::size_t j = i; j > sentence_begin && before(out[j], out[j - 1]); --j)
        std::swap(out[j], out[j - 1]);
    }
  }
  // (The order per sentence is the order of all when no finding strays from its sentence, as
  // none does; this keeps the promise of the header if one ever did.)
  if (!std::is_sorted(out.begin(), out.end(), before))
    std::stable_sort(out.begin(), out.end(), before);
  return out;
}

}  // namespace svpol
