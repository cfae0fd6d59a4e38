// Private: ordered rules that choose one reading per token from its neighbours.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "annotate/candidate.hpp"
#include "svpol/tokenize.hpp"

namespace svpol::detail {

// One token of a sentence while it is being disambiguated.
struct slot {
  const token* tok = nullptr;
  std::string_view folded;       // token::norm
  std::vector<candidate> cands;  // never empty
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
void disambiguate(std::vector<slot>& sentence);

}  // namespace svpol::detail
