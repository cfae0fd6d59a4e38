// The rules are plain C++ functions over a window of tokens, applied in a fixed order, in the
// spirit of Constraint Grammar's SELECT and REMOVE. Plain code rather than a rule file or a
// statistical tagger: there is no training data to learn from, the rules are few, and each one
// reads as the Swedish grammar it encodes and is tested on its own example sentence.
#include "annotate/disambiguate.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <string_view>

namespace svpol::detail {

namespace {

// A class as one bit of slot::upos_mask.
constexpr std::uint32_t bit(upos_tag u) { return 1u << u.index(); }

constexpr std::uint32_t verb_mask = bit("VERB") | bit("AUX");
constexpr std::uint32_t nominal_mask = bit("NOUN") | bit("ADJ") | bit("NUM") | bit("PROPN");

// Sets a slot's summaries from its candidates. Every rule that changes a slot's candidates
// calls it right after, so that the bit tests below stay exact.
void refresh(slot& s) {
  std::uint32_t mask = 0;
  std::uint32_t verb_bits = 0;
  for (const slot_candidate& c : s.cands) {
    mask |= bit(c.upos);
    if (c.upos == "VERB" || c.upos == "AUX") verb_bits |= c.bits;
  }
  s.upos_mask = mask;
  s.verb_bits = verb_bits;
}

// The verb lemmas the rules ask for, as bits of slot::lemma_hints.
enum lemma_hint : std::uint8_t {
  h_ha = 1u << 0,
  h_modal = 1u << 1,  // skola, kunna, vilja, måste, böra, få, må, lär
  h_komma = 1u << 2,
  h_copula = 1u << 3,  // vara, bli, verka, förefalla, förbli, synas, tyckas, te
};

// The lemmas of hint_of grouped by length in bytes, so that a lemma is compared with those of
// its length only: every VERB and AUX candidate of a sentence is asked.
struct hint_table {
  std::array<std::pair<std::string_view, std::uint8_t>, 18> lemmas{};
  std::array<std::uint8_t, 12> begin{};  // lemmas of n bytes are [begin[n], begin[n + 1])
};

constexpr hint_table make_hint_table() {
  constexpr std::array<std::pair<std::string_view, std::uint8_t>, 18> lemmas = {{
      {"ha", h_ha},
      {"skola", h_modal},
      {"kunna", h_modal},
      {"vilja", h_modal},
      {"måste", h_modal},
      {"böra", h_modal},
      {"få", h_modal},
      {"må", h_modal},
      {"lär", h_modal},
      {"komma", h_komma},
      {"vara", h_copula},
      {"bli", h_copula},
      {"verka", h_copula},
      {"förefalla", h_copula},
      {"förbli", h_copula},
      {"synas", h_copula},
      {"tyckas", h_copula},
      {"te", h_copula},
  }};
  hint_table t;
  std::size_t k = 0;
  for (std::size_t n = 0; n < t.begin.size(); ++n) {
    t.begin[n] = static_cast<std::uint8_t>(k);
    for (const auto& l : lemmas)
      if (l.first.size() == n) t.lemmas[k++] = l;
  }
  if (k != lemmas.size()) throw "a hint lemma is longer than the table";
  return t;
}

std::uint8_t hint_of(std::string_view lemma) {
  static constexpr hint_table table = make_hint_table();
  if (lemma.size() + 1 >= table.begin.size()) return 0;  // "förefalla" is 10 bytes
  // The first and last bytes rule out most lemmas of the same length before a memcmp.
  for (std::size_t k = table.begin[lemma.size()]; k < table.begin[lemma.size() + 1]; ++k) {
    const auto& [l, h] = table.lemmas[k];
    if (l.front() == lemma.front() && l.back() == lemma.back() && l == lemma) return h;
  }
  return 0;
}

// The hints of a slot as disambiguate() begins. Rules only remove candidates, turn a VERB into
// an AUX or back, and turn other classes into ADJ or ADV, so the verb readings with a given
// lemma only become fewer: a hint absent at the start stays absent and `lemma_in` can trust it.
std::uint8_t hints_of(const slot& s) {
  std::uint8_t h = 0;
  if ((s.upos_mask & verb_mask) == 0) return 0;
  for (const slot_candidate& c : s.cands)
    if (c.upos == "VERB" || c.upos == "AUX") h |= hint_of(c.lemma);
  return h;
}

[[maybe_unused]] bool summaries_hold(std::span<slot> s) {
  for (slot& w : s) {
    const slot before = w;
    refresh(w);
    if (w.upos_mask != before.upos_mask || w.verb_bits != before.verb_bits) return false;
    if ((hints_of(w) & ~w.lemma_hints) != 0) return false;
  }
  return true;
}

// Whether a slot's classes all lie in `mask` (true of no candidates, as std::all_of is).
bool all_in(const slot& s, std::uint32_t mask) { return (s.upos_mask & ~mask) == 0; }

// Predicates are plain callables taken by template, not std::function: the rules run for every
// token, and a std::function that holds a capturing lambda may allocate on each call. A
// predicate may tell from a slot's summaries that no candidate can match (`possible`), which
// spares reading the candidates of most tokens.
template <class P>
bool any(const slot& s, const P& p) {
  if constexpr (requires { p.possible(s); })
    if (!p.possible(s)) return false;
  return std::any_of(s.cands.begin(), s.cands.end(), p);
}
template <class P>
bool all(const slot& s, const P& p) {
  return std::all_of(s.cands.begin(), s.cands.end(), p);
}

// Keeps the candidates matching `p`, if there are any.
template <class P>
void select(slot& s, const P& p) {
  // A predicate may tell from the summaries that every candidate matches: nothing to remove.
  // (Rules select the class a word already has often, `i Lund` a name the analyser does not
  // know, and this spares reading its candidates three times.)
  if constexpr (requires { p.certain(s); })
    if (p.certain(s)) return;
  if (!any(s, p)) return;
  s.cands.erase_if([&](const slot_candidate& c) { return !p(c); });
  refresh(s);
}

// Removes the candidates matching `p`, unless that would remove them all.
template <class P>
void remove(slot& s, const P& p) {
  if constexpr (requires { p.possible(s); })
    if (!p.possible(s)) return;  // nothing to remove
  if (all(s, p)) return;
  s.cands.erase_if(p);
  refresh(s);
}

struct upos_is {
  upos_tag u;
  constexpr upos_is(upos_tag u) : u(u) {}
  bool operator()(const slot_candidate& c) const { return c.upos == u; }
  bool possible(const slot& s) const { return (s.upos_mask & bit(u)) != 0; }
  bool certain(const slot& s) const { return all_in(s, bit(u)); }
};
struct verb_with {
  std::uint32_t bits;
  constexpr verb_with(std::uint32_t bits) : bits(bits) {}
  bool operator()(const slot_candidate& c) const {
    return (c.upos == "VERB" || c.upos == "AUX") && c.has(bits);
  }
  // Necessary, not sufficient: the bits may come from different candidates.
  bool possible(const slot& s) const { return (s.verb_bits & bits) == bits; }
};
// Verbs with one of `lemmas`, which must outlive the predicate (string literals do). `hint`
// is the lemma_hint the lemmas all have.
struct lemma_in {
  std::array<std::string_view, 8> lemmas{};
  std::size_t n = 0;
  std::uint8_t hint = 0;
  constexpr lemma_in(std::uint8_t hint, std::initializer_list<std::string_view> l) : hint(hint) {
    for (std::string_view x : l)
      if (n < lemmas.size()) lemmas[n++] = x;
  }
  bool operator()(const slot_candidate& c) const {
    return (c.upos == "VERB" || c.upos == "AUX") &&
           std::find(lemmas.begin(), lemmas.begin() + n, c.lemma) != lemmas.begin() + n;
  }
  bool possible(const slot& s) const {
    return (s.upos_mask & verb_mask) != 0 && (s.lemma_hints & hint) != 0;
  }
};

// Built once: a lemma_in is a hundred bytes to fill, too many for every token a rule visits.
constexpr lemma_in is_modal = {h_modal,
                               {"skola", "kunna", "vilja", "måste", "böra", "få", "må", "lär"}};
constexpr lemma_in is_komma = {h_komma, {"komma"}};
constexpr lemma_in is_ha = {h_ha, {"ha"}};

bool can(const slot& s, upos_tag upos) { return (s.upos_mask & bit(upos)) != 0; }
bool only(const slot& s, upos_tag upos) { return all_in(s, bit(upos)); }
bool is_nominal(const slot_candidate& c) {
  return c.upos == "NOUN" || c.upos == "ADJ" || c.upos == "NUM" || c.upos == "PROPN";
}
bool is_punct(const slot& s) { return only(s, "PUNCT") || only(s, "SYM"); }
struct not_nominal {
  bool operator()(const slot_candidate& c) const { return !is_nominal(c); }
  // A word with nominal readings only has nothing to remove (most words after a determiner).
  bool possible(const slot& s) const { return !all_in(s, nominal_mask); }
};

// Words that may stand between an auxiliary and its verb: `kan inte komma`, `har redan
// kommit`, `kan vi komma` (inverted subject).
bool is_gap_word(const slot& s) {
  return (all_in(s, bit("ADV") | bit("PART") | bit("PRON")) &&
          all(s,
              [](const slot_candidate& c) {
                return c.upos == "ADV" || c.upos == "PART" || (c.upos == "PRON" && !c.has(f_poss));
              })) ||
         (can(s, "PRON") && s.folded == "man");  // `kan man få`: the pronoun, not the noun
}

// The slot `k` words after `i` skipping gap words, within `limit` steps, or nullptr.
template <class P>
slot* verb_after(std::span<slot> s, std::size_t i, std::size_t limit, const P& wanted) {
  for (std::size_t j = i + 1; j < s.size() && j <= i + limit; ++j) {
    if (any(s[j], wanted)) return &s[j];
    if (!is_gap_word(s[j])) return nullptr;
  }
  return nullptr;
}

slot* next(std::span<slot> s, std::size_t i) { return i + 1 < s.size() ? &s[i + 1] : nullptr; }
slot* prev(std::span<slot> s, std::size_t i) { return i > 0 ? &s[i - 1] : nullptr; }

// 1. Proper nouns. A capitalized word inside a sentence that may be a name is one (`i Lund`);
// at the start of a sentence capitals say nothing, so a common reading wins when there is one,
// unless the document writes the same form as a name inside a sentence too (`Zlorbin kom.`
// after `vi mötte Zlorbin`) or the word is an acronym the analyser does not know (`XSLT`).
// A word the analyser does not know before a name inside the sentence is a first name
// (`Gunnar Strömmer` at the start of a line).
void proper_nouns(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    slot& w = s[i];
    if (!can(w, "PROPN")) continue;
    const bool guessed = std::any_of(w.cands.begin(), w.cands.end(),
                                     [](const slot_candidate& c) { return c.guessed; });
    const bool name_follows =
        i + 1 < s.size() && s[i + 1].capitalized && !s[i + 1].initial && can(s[i + 1], "PROPN");
    if (w.capitalized && (!w.initial || w.name_elsewhere || w.acronym || (guessed && name_follows)))
      select(w, upos_is("PROPN"));
    else
      remove(w, upos_is("PROPN"));
  }
}

// 2. Imperatives begin clauses; elsewhere a form like `se` is an infinitive or present.
void imperative_only_initially(std::span<slot> s) {
  for (slot& w : s)
    if (!w.initial) remove(w, verb_with(f_imp));
}

// 3. Infinitive marker: `att` before an infinitive is PART (`vi lovar att bygga`), otherwise a
// subordinating conjunction (`vi lovar att vi bygger`). A word after `att` that is also a
// modifier of a following noun (`att andra länder`) is not taken as an infinitive.
void infinitive_marker(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!can(s[i], "PART") || s[i].folded != "att") continue;
    slot* v = verb_after(s, i, 3, verb_with(f_inf));
    bool attributive = false;
    if (v) {
      const std::size_t vi = static_cast<std::size_t>(v - s.data());
      slot* after = next(s, vi);
      attributive =
          after &&
          any(*v, [](const slot_candidate& c) { return c.upos == "DET" || c.upos == "PRON"; }) &&
          only(*after, "NOUN");
      if (attributive) v = nullptr;
    }
    // An adverbial or a quotation mark may come before the infinitive (`att med viss säkerhet
    // kunna`, `för att 'få luft'`); a clause has a subject and a finite verb first.
    // A noun phrase outside a prepositional phrase is the subject of a clause.
    bool in_pp = false;
    for (std::size_t j = i + 1; !v && !attributive && j < s.size() && j <= i + 7; ++j) {
      const slot& x = s[j];
      const bool quote = x.folded == "'" || x.folded == "\"" || x.folded == "”" ||
                         x.folded == "“" || x.folded == "«" || x.folded == "»";
      if (quote) continue;
      if (can(x, "ADP") && !can(x, "NOUN") && !can(x, "VERB")) {
        in_pp = true;
        continue;
      }
      if (any(x, verb_with(f_inf)) && !only(x, "NOUN")) {
        v = &s[j];
        break;
      }
      const bool subject = !in_pp && any(x, [](const slot_candidate& c) {
        return c.upos == "NOUN" || c.upos == "PROPN" || c.upos == "DET" ||
               (c.upos == "PRON" && c.has(f_nom));
      });
      const bool stop = subject || is_punct(x) ||
                        (any(x, verb_with(f_fin)) && !any(x, verb_with(f_inf))) ||
                        only(x, "SCONJ") || (only(x, "CCONJ") && x.folded != "både");
      if (stop) break;
    }
    if (v) {
      select(s[i], upos_is("PART"));
      select(*v, verb_with(f_inf));
    } else {
      select(s[i], upos_is("SCONJ"));
    }
  }
}

// 4. Modal auxiliaries take a bare infinitive (`vi ska bygga`, `kan inte komma`, `får vi
// gå`); `komma` takes `att` + infinitive (`det kommer att ta tid`). With one they are AUX;
// `vilja`, `få` and `komma` without one are main verbs (`vi vill ha`: AUX; `vi vill det`: VERB).
void modal_auxiliaries(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    slot& w = s[i];
    if (any(w, is_modal)) {
      slot* v = verb_after(s, i, 3, verb_with(f_inf));
      // Inverted order puts a noun subject between them: `nu får kommunerna bygga`.
      if (!v && i + 2 < s.size() && all_in(s[i + 1], bit("NOUN") | bit("PROPN")))
        v = verb_after(s, i + 1, 2, verb_with(f_inf));
      if (v) {
        select(w, is_modal);
        select(*v, verb_with(f_inf));
        for (auto& c : w.cands) c.upos = "AUX";
        refresh(w);
      } else {
        for (auto& c : w.cands)
          if (is_modal(c))
            c.upos = c.lemma == "vilja" || c.lemma == "få" ? upos_tag("VERB") : upos_tag("AUX");
        refresh(w);
      }
    } else if (any(w, is_komma)) {
      bool att_follows = false;
      for (std::size_t j = i + 1; j < s.size() && j <= i + 3; ++j) {
        if (s[j].folded == "att") {
          att_follows = can(s[j], "PART");
          break;
        }
        if (!is_gap_word(s[j])) break;
      }
      select(w, is_komma);
      for (auto& c : w.cands) c.upos = att_follows ? upos_tag("AUX") : upos_tag("VERB");
      refresh(w);
    }
  }
}

// 5. Perfect tense: a form of `ha` followed by a supine is the auxiliary and the supine is a
// verb (`vi har ökat`, `hade inte kommit`); `ha` without one is a main verb (`vi har tid`).
void perfect_auxiliary(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    slot& w = s[i];
    if (!any(w, is_ha)) continue;
    select(w, is_ha);
    slot* v = verb_after(s, i, 3, verb_with(f_sup));
    // Inverted order puts the subject between them: `hade mannen redan sett`.
    for (std::size_t j = i + 1; !v && j < s.size() && j <= i + 5; ++j) {
      if (is_punct(s[j]) || (any(s[j], verb_with(f_fin)) && !any(s[j], verb_with(f_sup)))) break;
      if (any(s[j], verb_with(f_sup))) v = &s[j];
    }
    if (v) select(*v, verb_with(f_sup));
    for (auto& c : w.cands) c.upos = v ? upos_tag("AUX") : upos_tag("VERB");
    refresh(w);
  }
}

// 6. Determiner or pronoun (`det`, `den`, `de`, `en`, `någon`, `denna`): a determiner when a
// noun phrase follows (`det nya förslaget`, `de flesta`), otherwise a pronoun (`det är`, `de
// som`). `den här`/`den där` is a determiner.
void determiner_or_pronoun(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    slot& w = s[i];
    if (!can(w, "DET") || !(can(w, "PRON") || can(w, "NUM"))) continue;
    const slot* n = next(s, i);
    // A degree adverb may come first: `en ganska strikt uppdelning`, `de mest avancerade`.
    for (std::size_t j = i + 1; n && can(*n, "ADV") && j + 1 < s.size() && can(s[j + 1], "ADJ");
         ++j)
      n = &s[j + 1];
    // The definite article den/det/de takes the weak form of an adjective (`det nya
    // förslaget`); a strong (indefinite) adjective after it is predicative (`är det svårt`),
    // and it is a pronoun. Nouns do not tell: `de resultat som`, `denna undersökning`.
    const bool article = any(w, [](const slot_candidate& c) {
      return c.upos == "DET" && (c.lemma == "den" || c.lemma == "de");
    });
    // A total quantifier before another determiner or a possessive heads the noun phrase as
    // a determiner (`allt detta`, `alla de nya`, `båda våra barn`).
    const bool total = any(w, [](const slot_candidate& c) {
      return c.upos == "DET" && (c.lemma == "all" || c.lemma == "båda" || c.lemma == "bägge");
    });
    // A word that is an adjective or a finite verb with a noun after it is the adjective of
    // a noun phrase: `de privilegierade grupperna`.
    const slot* nn = n && static_cast<std::size_t>(n - s.data()) + 1 < s.size() ? n + 1 : nullptr;
    const bool adjective_then_noun =
        n && nn && can(*n, "ADJ") && can(*nn, "NOUN") && all(*nn, is_nominal);
    const bool np_follows =
        n && (n->folded == "här" || n->folded == "där" || adjective_then_noun ||
              (total && any(*n,
                            [](const slot_candidate& c) {
                              return c.upos == "DET" || (c.upos == "PRON" && c.has(f_poss));
                            })) ||
              (!any(*n, verb_with(f_fin)) && any(*n, [&](const slot_candidate& c) {
                return is_nominal(c) && !(article && c.upos == "ADJ" && c.has(f_ind));
              })));
    // The indefinite article en/ett is a pronoun only when nothing nominal can follow: at a
    // clause end or before `av`, `som` (`en av dem`, `ett som fungerar`).
    const bool indefinite_article =
        any(w, [](const slot_candidate& c) { return c.upos == "DET" && c.lemma == "en"; });
    if (indefinite_article) {
      const bool alone = !n || is_punct(*n) || only(*n, "VERB") || only(*n, "AUX") ||
                         n->folded == "av" || n->folded == "som";
      select(w, upos_is(alone ? upos_tag("PRON") : upos_tag("DET")));
      continue;
    }
    select(w, upos_is(np_follows ? upos_tag("DET") : upos_tag("PRON")));
  }
}

// 7. Inside a noun phrase: after a determiner, a possessive or a genitive the next word is
// nominal, not a verb (`ett svar`, `vår tro`, `Sveriges svar`); after a preposition a finite
// verb cannot follow (`för svar`).
void nominal_after_determiner(std::span<slot> s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    const slot& p = s[i - 1];
    const bool determiner = all_in(p, bit("DET") | bit("PRON") | bit("NOUN") | bit("PROPN")) &&
                            all(p, [](const slot_candidate& c) {
                              return c.upos == "DET" || (c.upos == "PRON" && c.has(f_poss)) ||
                                     ((c.upos == "NOUN" || c.upos == "PROPN") && c.has(f_gen));
                            });
    if (determiner && (s[i].upos_mask & nominal_mask) != 0)
      remove(s[i], not_nominal{});
    else if (only(p, "ADP"))
      remove(s[i], verb_with(f_fin));
  }
}

// 8. An adjective (or participle) before a noun is attributive: `ett ökat intresse`, `nya
// regler`.
void adjective_before_noun(std::span<slot> s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (!can(s[i], "ADJ") || only(s[i], "ADJ")) continue;
    const slot& n = s[i + 1];
    // Not before a definite noun when the word can be a finite verb: without an article an
    // adjective does not precede one, so the noun is an inverted subject (`där låg huset`).
    // (After an article the weak form does: `de privilegierade grupperna`.)
    const bool definite =
        all(n, [](const slot_candidate& c) { return c.upos == "NOUN" && c.has(f_def); });
    const bool article = i > 0 && any(s[i - 1], [](const slot_candidate& c) {
                           return c.upos == "DET" || c.upos == "ADJ" || c.has(f_poss) ||
                                  c.has(f_gen) || c.has(f_degree);
                         });
    if (definite && !article && any(s[i], verb_with(f_fin))) continue;
    if (can(n, "NOUN") && all(n, [](const slot_candidate& c) { return is_nominal(c); }))
      select(s[i], upos_is("ADJ"));
  }
}

// 8b. A word nobody knows, guessed to be a noun, is an attributive adjective when a noun
// follows: Swedish writes noun + noun as one compound, so `en ganska strikt uppdelning` has an
// adjective before the noun.
void unknown_before_noun(std::span<slot> s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    slot& w = s[i];
    if (w.cands.empty() || !w.cands.front().guessed || w.cands.front().upos != "NOUN") continue;
    const slot& n = s[i + 1];
    if (!can(n, "NOUN") || !all(n, is_nominal) || n.cands.front().guessed) continue;
    const std::string_view f = w.folded;
    const char last = f.empty() ? '\0' : f.back();
    const slot_candidate adjective(
        w.cands.front().lemma, "ADJ",
        last == 't'   ? "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"
        : last == 'a' ? "Case=Nom|Degree=Pos"
                      : "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing");
    w.cands.shrink_to(1);
    w.cands.front() = adjective;
    refresh(w);
  }
}

// 9. Subject then verb: after a subject pronoun comes the finite verb (`vi svarar`, `de
// kom`), and after the relative `som` too (`de som svarar`).
void finite_after_subject(std::span<slot> s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    const slot& p = s[i - 1];
    const bool subject =
        (only(p, "PRON") &&
         all(p, [](const slot_candidate& c) { return c.upos == "PRON" && c.has(f_nom); })) ||
        (can(p, "PRON") && p.folded == "som");
    if (subject) select(s[i], verb_with(f_fin));
  }
}

constexpr lemma_in is_copula = {
    h_copula, {"vara", "bli", "verka", "förefalla", "förbli", "synas", "tyckas", "te"}};

// 9b. Adverbial adjectives: the neuter form of an adjective, and a comparative or superlative,
// modifies a verb or an adjective as an adverb (`arbetar snabbt`, `helt ny`, `tidigare
// fanns`), unless it is predicative after a copula (`det är viktigt`) or stands before a noun
// (`ett snabbt svar`). UD lemmatizes such adverbs to the adjective (`samtidigt` → `samtidig`).
void adverbial_adjective(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    slot& w = s[i];
    const auto adverbial_form = [](const slot_candidate& c) {
      return c.upos == "ADJ" && !c.has(f_part) &&
             (c.has(f_neut | f_sing | f_ind) || c.has(f_deg_cmp) || c.has(f_deg_sup));
    };
    if (!can(w, "ADJ") || (w.upos_mask & (bit("NOUN") | bit("VERB"))) != 0) continue;
    if (!any(w, adverbial_form)) continue;
    const slot* n = next(s, i);
    const bool before_noun = n && (can(*n, "NOUN") || can(*n, "PROPN"));
    const bool before_adjective = n && (only(*n, "ADJ") || only(*n, "ADV")) && !before_noun;
    bool predicative = false;
    for (std::size_t j = i; j-- > 0;) {
      if (any(s[j], is_copula) || can(s[j], "DET")) predicative = true;
      if (!is_gap_word(s[j])) break;
    }
    const slot* p = prev(s, i);
    // After a preposition the adjective is the head of a noun phrase (`i övrigt`, `på nytt`);
    // after `hur` it is predicative, its copula later (`hur svårt det är`); coordinated with an
    // adjective it shares that adjective's function (`omöjligt och orättvist`).
    const bool nominal_use = p && can(*p, "ADP");
    const bool after_hur = p && p->folded == "hur";
    const bool coordinated = i >= 2 && only(s[i - 1], "CCONJ") && only(s[i - 2], "ADJ");
    if (before_noun || nominal_use || after_hur || coordinated ||
        (predicative && !before_adjective))
      continue;
    if (can(w, "ADV")) {
      select(w, upos_is("ADV"));
      continue;
    }
    select(w, adverbial_form);
    // The adverbs' FEATS interned once, not for every adverb made (a lock and a hash lookup).
    struct adverbs {
      slot_candidate cmp{"", "ADV", "Degree=Cmp"};
      slot_candidate sup{"", "ADV", "Degree=Sup"};
      slot_candidate pos{"", "ADV", "Degree=Pos"};
    };
    static const adverbs made;
    slot_candidate& c = w.cands.front();
    const std::string_view lemma = c.lemma;
    c = c.has(f_deg_cmp) ? made.cmp : c.has(f_deg_sup) ? made.sup : made.pos;
    c.lemma = lemma;
    w.cands.shrink_to(1);
    refresh(w);
  }
}

// 9b'. `allt` before a comparative is an adverb of degree (`allt fler`, `allt större`).
void allt_before_comparative(std::span<slot> s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (!can(s[i], "ADV") || s[i].folded != "allt") continue;
    const bool comparative = any(s[i + 1], [](const slot_candidate& c) {
      return (c.upos == "ADJ" || c.upos == "ADV") && c.has(f_deg_cmp);
    });
    if (comparative)
      select(s[i], upos_is("ADV"));
    else
      remove(s[i], upos_is("ADV"));
  }
}

// 9c. Noun or finite verb (`får`, `lever`, `visar`): after a subject, an adverb or a
// conjunction that begins a clause the word is the verb (`hon lever`, `nu visar`, `som får`).
void verb_or_noun(std::span<slot> s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    slot& w = s[i];
    if (!any(w, verb_with(f_fin)) || !can(w, "NOUN")) continue;
    const slot& p = s[i - 1];
    const bool clause_context = all_in(p, bit("PRON") | bit("ADV") | bit("PART") | bit("SCONJ") |
                                              bit("PROPN") | bit("NOUN")) &&
                                all(p, [](const slot_candidate& c) {
                                  return (c.upos == "PRON" && !c.has(f_poss)) || c.upos == "ADV" ||
                                         c.upos == "PART" || c.upos == "SCONJ" ||
                                         c.upos == "PROPN" || (c.upos == "NOUN" && !c.has(f_gen));
                                });
    if (clause_context) select(w, verb_with(f_fin));
  }
}

// 9d. Adjective or finite verb (`kände`, `låg`): next to its subject the word is the verb,
// after it (`Quinn kände`, `mamma låg`) or before it in inverted order (`där låg huset`,
// `sedan kände han`). An adjective neither follows a bare subject nor precedes a definite
// noun without an article.
void verb_or_adjective(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    slot& w = s[i];
    if (!any(w, verb_with(f_fin)) || !can(w, "ADJ")) continue;
    const slot* p = prev(s, i);
    const slot* n = next(s, i);
    const bool subject_before = p && (only(*p, "PROPN") || all(*p, [](const slot_candidate& c) {
                                        return c.upos == "PRON" && c.has(f_nom);
                                      }));
    // After an article, a possessive or a degree word the adjective may well precede a
    // definite noun: `de privilegierade grupperna`, `det lägst värderade arbetet`.
    const bool modified =
        p && any(*p, [](const slot_candidate& c) {
          return c.upos == "DET" || c.has(f_poss) || c.has(f_gen) || c.has(f_degree);
        });
    const bool subject_after =
        n && !modified &&
        (all(*n, [](const slot_candidate& c) { return c.upos == "PRON" && c.has(f_nom); }) ||
         all(*n, [](const slot_candidate& c) {
           return (c.upos == "NOUN" && c.has(f_def)) || c.upos == "PROPN";
         }));
    if (subject_before || subject_after) select(w, verb_with(f_fin));
  }
}

// 9e. Adjective or noun (`beroende`, `rätt`, `slut`): after a degree adverb the word is an
// adjective, as nouns take no degree (`starkt beroende`); after a copula an adjective reading
// is predicative (`det är rätt`, `maten är slut`) unless a noun follows to head the phrase.
void adjective_or_noun(std::span<slot> s) {
  static constexpr std::array<std::string_view, 14> degree = {
      "helt",    "mer",         "mera",     "mest",   "mycket", "så",    "ganska",
      "alltför", "synnerligen", "särskilt", "nästan", "starkt", "desto", "allt"};
  for (std::size_t i = 1; i < s.size(); ++i) {
    slot& w = s[i];
    if (!can(w, "ADJ") || !can(w, "NOUN")) continue;
    const slot& p = s[i - 1];
    const bool degree_adverb =
        std::find(degree.begin(), degree.end(), p.folded) != degree.end() ||
        all(p, [](const slot_candidate& c) { return c.upos == "ADV" && c.has(f_degree); });
    bool copula = false;
    for (std::size_t j = i; j-- > 0;) {
      if (any(s[j], is_copula)) copula = true;
      if (copula || !is_gap_word(s[j])) break;
    }
    const slot* n = next(s, i);
    const bool noun_follows = n && (can(*n, "NOUN") || can(*n, "PROPN"));
    if (degree_adverb || (copula && !noun_follows)) select(w, upos_is("ADJ"));
  }
}

// 10. A participle after `vara` or `bli` is predicative (`är utsatt`, `blev ökad`); a supine
// elsewhere is a verb in a clause without `ha` (`som ökat`).
void participle_or_supine(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    slot& w = s[i];
    if (!any(w, verb_with(f_sup)) || !can(w, "ADJ")) continue;
    const slot* p = prev(s, i);
    const bool copula =
        p && (p->lemma_hints & h_copula) != 0 && any(*p, [](const slot_candidate& c) {
          return (c.upos == "AUX" || c.upos == "VERB") && (c.lemma == "vara" || c.lemma == "bli");
        });
    const bool det = p && (only(*p, "DET") || only(*p, "ADP"));
    // A form that is also a past tense is that outside the perfect (`satt`: sitta, not the
    // supine of sätta, which `ha` has already claimed).
    const bool past = any(w, verb_with(f_fin | f_past));
    if (copula || det)
      select(w, upos_is("ADJ"));
    else
      select(w, verb_with(past ? f_fin | f_past : f_sup));
  }
}

// 10b. A participle after a degree adverb, a copula or a determiner is an adjective, not a
// past tense (`helt utlämnade`, `verkar välanpassade`, `de lägst avlönade`).
void participle_after_modifier(std::span<slot> s) {
  static constexpr std::array<std::string_view, 12> degree = {
      "helt",   "mer",     "mest",        "mycket",   "så",  "lika",
      "ganska", "alltför", "synnerligen", "särskilt", "väl", "mindre"};
  for (std::size_t i = 1; i < s.size(); ++i) {
    slot& w = s[i];
    const auto participle = [](const slot_candidate& c) {
      return c.upos == "ADJ" && c.has(f_part);
    };
    if (!any(w, verb_with(f_fin)) || !can(w, "ADJ") || !any(w, participle)) continue;
    const slot& p = s[i - 1];
    const bool degree_adverb =
        std::find(degree.begin(), degree.end(), p.folded) != degree.end() ||
        all(p, [](const slot_candidate& c) { return c.upos == "ADV" && c.has(f_degree); });
    const bool modifier = degree_adverb || any(p, is_copula) || only(p, "DET");
    if (modifier) select(w, participle);
  }
}

// 11. Preposition or particle: `på`, `med`, `till`, `av` before a noun phrase are
// prepositions; at the end of a clause or before a verb they are verb particles (`stänga av.`,
// `ta med`).
void adposition_or_particle(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    slot& w = s[i];
    if (!can(w, "ADP") || only(w, "ADP") || !all_in(w, bit("ADP") | bit("ADV"))) continue;
    const slot* n = next(s, i);
    const bool particle = !n || is_punct(*n) || only(*n, "VERB") || only(*n, "CCONJ");
    if (particle && can(w, "ADV"))
      select(w, upos_is("ADV"));
    else
      select(w, upos_is("ADP"));
  }
}

// 12. `om` before a subject and a finite verb begins a clause (`om vi bygger`); otherwise it
// is a preposition (`talar om det`).
void conditional_om(std::span<slot> s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (!can(s[i], "SCONJ") || s[i].folded != "om") continue;
    // `som om`, `även om`: always a clause.
    if (i > 0 && (s[i - 1].folded == "som" || s[i - 1].folded == "även")) {
      select(s[i], upos_is("SCONJ"));
      continue;
    }
    const bool subject =
        any(s[i + 1], [](const slot_candidate& c) { return c.upos == "PRON" && c.has(f_nom); }) ||
        can(s[i + 1], "NOUN") || can(s[i + 1], "PROPN");
    const bool clause = subject && any(s[i + 2], verb_with(f_fin));
    select(s[i], upos_is(clause ? upos_tag("SCONJ") : upos_tag("ADP")));
  }
}

// 12b. `som` right after a noun or pronoun (or after a comma that follows one) begins a relative
// clause and is a pronoun (`förslaget som kom`, `de som vill`); before a bare noun phrase it
// is a preposition (`arbetar som lärare`); otherwise it compares (`lika stor som`).
void relative_som(std::span<slot> s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!can(s[i], "PRON") || s[i].folded != "som") continue;
    // `såväl A som B` coordinates.
    bool coordinating = false;
    for (std::size_t j = i; j-- > 0 && j + 4 >= i;)
      if (s[j].folded == "såväl") coordinating = true;
    if (coordinating && can(s[i], "CCONJ")) {
      select(s[i], upos_is("CCONJ"));
      continue;
    }
    remove(s[i], upos_is("CCONJ"));
    auto nominal_head = [](const slot& p) {
      return any(p, [](const slot_candidate& c) {
        return c.upos == "NOUN" || c.upos == "PROPN" || (c.upos == "PRON" && !c.has(f_poss));
      });
    };
    bool relative = i > 0 && nominal_head(s[i - 1]);
    if (i > 1 && s[i - 1].folded == "," && nominal_head(s[i - 2])) relative = true;
    // A relative clause has a verb: right after `som` (`förslaget som kom`), after an adverb
    // (`som inte kom`) or after its own subject (`förslaget som regeringen lade`). A noun
    // phrase after `som` with no finite verb after it is a comparison or a role instead
    // (`samma villkor som männen.`, `rollen som förälder,`).
    if (relative) {
      std::size_t j = i + 1;
      const auto np_word = [](const slot& w) {
        return all(w, [](const slot_candidate& c) {
          return c.upos == "NOUN" || c.upos == "ADJ" || c.upos == "DET" || c.upos == "PROPN" ||
                 c.upos == "NUM" || (c.upos == "PRON" && c.has(f_poss));
        });
      };
      while (j < s.size() && np_word(s[j])) ++j;
      const bool bare_np = j > i + 1 && (j == s.size() || is_punct(s[j]) || only(s[j], "ADP") ||
                                         only(s[j], "CCONJ"));
      if (bare_np) relative = false;
    }
    if (relative) {
      select(s[i], upos_is("PRON"));
      continue;
    }
    // UD Swedish Talbanken: `som` before a noun phrase is a preposition when it compares
    // with an adjective (`lika stor som huset`, `flitiga som myror`); as a role or a
    // likeness it marks a reduced clause and is a subordinating conjunction (`arbetar som
    // lärare`, `samma villkor som männen`), as it is before a clause (`gör som han vill`).
    const slot* n = next(s, i);
    const bool np = n &&
                    any(*n,
                        [](const slot_candidate& c) {
                          return c.upos == "NOUN" || c.upos == "ADJ" || c.upos == "DET" ||
                                 c.upos == "PROPN" || (c.upos == "PRON" && c.has(f_poss));
                        }) &&
                    !any(*n, verb_with(f_fin));
    const bool after_adjective = i > 0 && only(s[i - 1], "ADJ");
    select(s[i], upos_is(np && after_adjective ? upos_tag("ADP") : upos_tag("SCONJ")));
  }
}

// 13. Finite verb: a verb form still ambiguous prefers present, then past, over the rest.
int default_rank(const slot_candidate& c) {
  static constexpr std::array<upos_tag, 14> order = {"PRON", "DET", "ADP",   "CCONJ", "SCONJ",
                                                     "PART", "AUX", "NOUN",  "ADJ",   "VERB",
                                                     "ADV",  "NUM", "PROPN", "INTJ"};
  // The rank of each class by its index, looked up rather than searched for: the candidates
  // of every ambiguous token are ranked.
  static constexpr auto rank = [] {
    std::array<std::int8_t, upos_tag::names.size()> r{};
    r.fill(static_cast<std::int8_t>(order.size()));
    for (std::size_t k = 0; k < order.size(); ++k)
      r[order[k].index()] = static_cast<std::int8_t>(k);
    return r;
  }();
  int r = rank[c.upos.index()];
  if (c.upos == "ADJ" && c.has(f_part)) r = 11;  // `svarade`, `fortfarande`: verb, adverb first
  int sub = c.has(f_pres) ? 0 : c.has(f_past) ? 1 : c.has(f_inf) ? 2 : c.has(f_sup) ? 3 : 4;
  return r * 8 + sub;
}

}  // namespace

void disambiguate(std::span<slot> s) {
  // What the sentence may hold while the rules run, to skip the rules whose words it lacks
  // (most sentences lack several: no `ha`, no imperative, no `om`). The classes are those of
  // the slots now and those a rule can make of them: VERB and AUX of each other, ADJ of a
  // guessed NOUN (unknown_before_noun), ADV of an ADJ (adverbial_adjective); feature bits of
  // verbs and lemma hints only become fewer, and no rule makes a guessed candidate.
  std::uint32_t classes = 0, verb_bits = 0;
  std::uint8_t hints = 0;
  bool guessed = false;
  for (slot& w : s) {
    // refresh() and hints_of() in one pass over the candidates.
    std::uint32_t mask = 0, bits = 0;
    std::uint8_t h = 0;
    for (const slot_candidate& c : w.cands) {
      mask |= bit(c.upos);
      if (c.upos == "VERB" || c.upos == "AUX") {
        bits |= c.bits;
        h |= hint_of(c.lemma);
      }
      guessed |= c.guessed;
    }
    w.upos_mask = mask;
    w.verb_bits = bits;
    w.lemma_hints = h;
    classes |= mask;
    verb_bits |= bits;
    hints |= h;
  }
  if ((classes & verb_mask) != 0) classes |= verb_mask;
  if (guessed && (classes & bit("NOUN")) != 0) classes |= bit("ADJ");
  if ((classes & bit("ADJ")) != 0) classes |= bit("ADV");
  const auto has = [&](upos_tag u) { return (classes & bit(u)) != 0; };
  const bool finite = (verb_bits & f_fin) != 0;

  if (has("PROPN")) proper_nouns(s);
  if ((verb_bits & f_imp) != 0) imperative_only_initially(s);
  if (has("PART")) infinitive_marker(s);
  if ((hints & (h_modal | h_komma)) != 0) modal_auxiliaries(s);
  if ((hints & h_ha) != 0) perfect_auxiliary(s);
  if (has("ADV")) allt_before_comparative(s);
  if (has("DET")) determiner_or_pronoun(s);
  nominal_after_determiner(s);
  if (has("ADJ")) adjective_before_noun(s);
  if (guessed) unknown_before_noun(s);
  if (has("PRON")) finite_after_subject(s);
  if (has("ADJ")) adverbial_adjective(s);
  if (finite && has("NOUN")) verb_or_noun(s);
  if (finite && has("ADJ")) verb_or_adjective(s);
  if (has("ADJ") && has("NOUN")) adjective_or_noun(s);
  if ((verb_bits & f_sup) != 0 && has("ADJ")) participle_or_supine(s);
  if (finite && has("ADJ")) participle_after_modifier(s);
  if (has("ADP")) adposition_or_particle(s);
  if (has("SCONJ")) conditional_om(s);
  if (has("PRON")) relative_som(s);
  assert(summaries_hold(s));
  // What the rules left open: the exception table's order for its words, else the ranking.
  for (slot& w : s) {
    if (w.cands.size() < 2) continue;
    if (w.cands[0].from_table) {
      w.cands.shrink_to(1);
      continue;
    }
    // The first candidate of the lowest rank, which a stable sort by rank would put first;
    // found without sorting, since std::stable_sort allocates a buffer on every call.
    std::size_t best = 0;
    int best_rank = default_rank(w.cands[0]);
    for (std::size_t k = 1; k < w.cands.size(); ++k) {
      const int r = default_rank(w.cands[k]);
      if (r < best_rank) {
        best = k;
        best_rank = r;
      }
    }
    if (best != 0) w.cands[0] = std::move(w.cands[best]);
    w.cands.shrink_to(1);
  }
}

}  // namespace svpol::detail
