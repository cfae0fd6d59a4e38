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

// The candidates of one slot: a run of an array that holds those of a whole document. tag()
// keeps that array from document to document, so a token's candidates are copied into places
// (and lemma buffers) already allocated, and the rules read the candidates of neighbouring
// tokens from neighbouring memory. Rules only remove or replace candidates, never add one, so a
// run never outgrows its place.
class cand_list {
 public:
  cand_list() = default;
  cand_list(candidate* first, std::size_t n) : first_(first), n_(static_cast<std::uint32_t>(n)) {}

  candidate* begin() { return first_; }
  candidate* end() { return first_ + n_; }
  const candidate* begin() const { return first_; }
  const candidate* end() const { return first_ + n_; }
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  candidate& front() { return *first_; }
  const candidate& front() const { return *first_; }
  candidate& operator[](std::size_t i) { return first_[i]; }
  const candidate& operator[](std::size_t i) const { return first_[i]; }

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
  candidate* first_ = nullptr;
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
