// Private: one possible reading of a token in UD terms, as the disambiguation rules see it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/apertium.hpp"

namespace svpol::detail {

// Features the rules test, as bits. They are derived from the UD FEATS string, so FEATS stays
// the single source of truth for readings from the analyser and from the exception table alike.
enum feat_bit : std::uint32_t {
  f_inf = 1u << 0,    // VerbForm=Inf
  f_fin = 1u << 1,    // VerbForm=Fin
  f_sup = 1u << 2,    // VerbForm=Sup
  f_part = 1u << 3,   // VerbForm=Part
  f_pres = 1u << 4,   // Tense=Pres
  f_past = 1u << 5,   // Tense=Past
  f_imp = 1u << 6,    // Mood=Imp
  f_pass = 1u << 7,   // Voice=Pass
  f_def = 1u << 8,    // Definite=Def
  f_ind = 1u << 9,    // Definite=Ind
  f_sing = 1u << 10,  // Number=Sing
  f_plur = 1u << 11,  // Number=Plur
  f_gen = 1u << 12,   // Case=Gen
  f_nom = 1u << 13,   // Case=Nom
  f_acc = 1u << 14,   // Case=Acc
  f_poss = 1u << 15,  // Poss=Yes
  f_prs = 1u << 16,   // PronType=Prs
  f_neut = 1u << 17,  // Gender=Neut
  f_com = 1u << 18,   // Gender=Com
  // Degree, as the rules have always asked: whether FEATS contains the text at all.
  f_degree = 1u << 19,   // Degree=
  f_deg_cmp = 1u << 20,  // Degree=Cmp
  f_deg_sup = 1u << 21,  // Degree=Sup
};

std::uint32_t feat_bits(std::string_view feats);

// begins_upper() beyond ASCII: `form` is not empty and begins with a byte of 0x80 or more.
bool begins_upper_non_ascii(std::string_view form);

// True when the first code point of `form` changes under case folding (`Lund`, `Örebro`).
// Inline for ASCII: the tagger asks this of every word, and most begin with an ASCII letter.
inline bool begins_upper(std::string_view form) {
  if (form.empty()) return false;
  const auto c = static_cast<unsigned char>(form[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return begins_upper_non_ascii(form);
}

// A UD word class (UPOS), held as one byte: the disambiguation rules compare the class of every
// candidate of every token many times, and a byte compares faster than a string. In code it is
// written by name, `c.upos == "VERB"`, checked when compiling: a name that is not one of UD's
// 17 classes does not compile. Names read at run time go through parse().
class upos_tag {
 public:
  static constexpr std::array<std::string_view, 17> names = {
      "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
      "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

  constexpr upos_tag() = default;  // X
  consteval upos_tag(const char* name) : id_(index_of(name)) {}
  // The class named `name`, or nothing when it is not a UPOS.
  static constexpr std::optional<upos_tag> parse(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return upos_tag(static_cast<std::uint8_t>(i));
    return std::nullopt;
  }
  constexpr std::string_view name() const { return names[id_]; }
  // The class's position in `names` (0 to 16), for sets of classes as bits.
  constexpr std::uint8_t index() const { return id_; }
  friend constexpr bool operator==(upos_tag, upos_tag) = default;

 private:
  constexpr explicit upos_tag(std::uint8_t id) : id_(id) {}
  static consteval std::uint8_t index_of(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return static_cast<std::uint8_t>(i);
    throw "not a UD word class";  // a compile-time error in a consteval function
  }
  std::uint8_t id_ = 16;
};

// FEATS strings are few (the combinations of UD features the analyser and the exception table
// produce: some hundreds), and every candidate carries one, so they are kept once for the
// process and a candidate holds a view: copying a token's candidates, as the tagger does for
// every token, then allocates nothing for them. Thread-safe; views stay valid until exit (they
// are intern_tag's, so a token takes them as they are).
std::string_view intern_feats(std::string_view feats);

struct candidate {
  std::string lemma;
  upos_tag upos;
  std::string_view feats;   // from intern_feats
  std::uint32_t bits = 0;   // feat_bits(feats)
  bool from_table = false;  // from the exception table: its order is the default order
  bool guessed = false;     // a noun only because nothing was known about the word
  bool has(std::uint32_t b) const { return (bits & b) == b; }
};

candidate make_candidate(std::string lemma, upos_tag upos, std::string_view feats);

// Turns the analyser's readings of `form` into UD candidates: maps tags to UPOS and FEATS,
// lower-cases lemmas of common words, gives participles their UD lemma (`ökat` → `ökad`),
// drops compounding stems (`<cmp>`) and duplicates. Proper-noun readings are kept only when
// `form` begins with a capital letter.
std::vector<candidate> candidates_from_apertium(std::string_view form,
                                                const std::vector<apertium_reading>& rs);

// The UD lemma of a past participle used as an adjective, from its surface form and the verb
// lemma: the common-gender singular indefinite form (`ökat`, `ökade` → `ökad`; `taget` →
// `tagen`; `sett` → `sedd`; `satt` (sätta) → `satt`).
std::string participle_lemma(std::string_view form, std::string_view verb_lemma);

// The guess from a productive ending alone, or nothing when no ending says anything.
std::vector<candidate> guess_by_suffix(std::string_view folded);

// A guess for a word that neither the analyser nor compound analysis knows, from its ending
// (`-het`, `-ing`, `-isk`, `-era`, ...); nouns otherwise.
std::vector<candidate> guess_unknown(std::string_view folded);

}  // namespace svpol::detail
