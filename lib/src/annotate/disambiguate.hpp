// Private: ordered rules that choose one reading per token from its neighbours.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <span>
#include <string>

#include "annotate/candidate.hpp"
#include "svpol/tokenize.hpp"

namespace svpol::detail {

// A candidate as a slot holds it: a candidate whose lemma is a view of the lemma of the
// candidate it was copied from (a form's readings in the tagger's cache, the exception table,
// a guess kept for the document) or of the token's form. Those outlive the tagging of a
// document, and no rule makes a lemma (a rule that replaces a candidate keeps its lemma), so a
// token's candidates are copied as 40 bytes each and no text. (Copying `candidate`s, with their
// lemma strings, was a quarter of the tagger's own instructions on warm caches.)
struct slot_candidate {
  std::string_view lemma;
  std::string_view feats;  // from intern_feats
  std::uint32_t bits = 0;  // feat_bits(feats)
  upos_tag upos;
  bool from_table = false;  // as candidate::from_table
  bool guessed = false;     // as candidate::guessed

  slot_candidate() = default;
  // A view of `c`, which must outlive it.
  explicit slot_candidate(const candidate& c)
      : lemma(c.lemma),
        feats(c.feats),
        bits(c.bits),
        upos(c.upos),
        from_table(c.from_table),
        guessed(c.guessed) {}
  // A new candidate (neither from the table nor guessed) with FEATS `feats`, interned here.
  slot_candidate(std::string_view lemma, upos_tag upos, std::string_view feats)
      : lemma(lemma), feats(intern_feats(feats)), bits(feat_bits(feats)), upos(upos) {}
  bool has(std::uint32_t b) const { return (bits & b) == b; }
};

// The candidates of one slot: a run of an array that holds those of a whole document. tag()
// keeps that array from document to document, and the rules read the candidates of
// neighbouring tokens from neighbouring memory. Rules only remove or replace candidates, never
// add one, so a run never outgrows its place.
class cand_list {
 public:
  cand_list() = default;
  cand_list(slot_candidate* first, std::size_t n)
      : first_(first), n_(static_cast<std::uint32_t>(n)) {}

  slot_candidate* begin() { return first_; }
  slot_candidate* end() { return first_ + n_; }
  const slot_candidate* begin() const { return first_; }
  const slot_candidate* end() const { return first_ + n_; }
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  slot_candidate& front() { return *first_; }
  const slot_candidate& front() const { return *first_; }
  slot_candidate& operator[](std::size_t i) { return first_[i]; }
  const slot_candidate& operator[](std::size_t i) const { return first_[i]; }

  // Keeps the first `n` candidates; `n` is at most size().
  void shrink_to(std::size_t n) {
    assert(n <= n_);
    n_ = static_cast<std::uint32_t>(n);
  }
  // Removes the candidates matching `p`, keeping the order of the others (std::erase_if).
  template <class P>
  void erase_if(const P& p) {
    n_ = static_cast<std::uint32_t>(std::remove_if(begin(), end(), p) - begin());
  }

 private:
  slot_candidate* first_ = nullptr;
  std::uint32_t n_ = 0;
};

// One token of a sentence while it is being disambiguated.
struct slot {
  const token* tok = nullptr;
  std::string_view folded;  // token::norm
  cand_list cands;          // never empty
  bool initial = false;          // first word of the sentence (or after a colon or quote)
  bool capitalized = false;      // form begins with a capital letter
  bool name_elsewhere = false;   // the document has this form as a name inside a sentence
  bool acronym = false;          // two capital letters or more and no small ones (`SQL`)
  // Set and kept up to date by disambiguate() alone: its rules ask of every token, many times
  // over, whether it can be of some class, and a bit test answers without reading `cands`.
  std::uint32_t upos_mask = 0;  // one bit per class among `cands`
  std::uint32_t verb_bits = 0;  // the feature bits of the VERB and AUX candidates, together
  // Which of the verb lemmas the rules look for (`ha`, the modals, the copulas) the VERB and AUX
  // candidates had when disambiguate() began; set once, since no rule makes a verb reading.
  std::uint8_t lemma_hints = 0;
};

// Reduces every slot to a single candidate (cands[0]). The rules are applied in order, each
// over the whole sentence; a rule never removes a token's last candidate.
void disambiguate(std::span<slot> sentence);

}  // namespace svpol::detail
