#include "annotate/candidate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <utility>

#include "svpol/normalize.hpp"
#include "svpol/tokenize.hpp"

namespace svpol::detail {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string drop(std::string_view s, std::size_t n) {
  return std::string(s.substr(0, s.size() - n));
}

// UD orders features alphabetically, ignoring case (`Number` before `NumType`).
std::string join_feats(std::vector<std::string> f) {
  std::sort(f.begin(), f.end(), [](const std::string& a, const std::string& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return std::tolower(static_cast<unsigned char>(x)) <
             std::tolower(static_cast<unsigned char>(y));
    });
  });
  std::string out;
  for (const auto& x : f) {
    if (!out.empty()) out += '|';
    out += x;
  }
  return out;
}

// Cardinal numerals: Apertium tags them as quantifying determiners (`två<det><qnt>`), UD as NUM.
bool is_numeral_lemma(std::string_view l) {
  static constexpr std::array<std::string_view, 30> words = {
      "noll",    "två",   "tre",    "fyra",   "fem",     "sex",       "sju",    "åtta",
      "nio",     "tio",   "elva",   "tolv",   "tretton", "fjorton",   "femton", "sexton",
      "sjutton", "arton", "nitton", "tjugo",  "trettio", "fyrtio",    "femtio", "sextio",
      "sjuttio", "åttio", "nittio", "hundra", "tusen",   "hundratals"};
  if (std::any_of(l.begin(), l.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  for (std::string_view w : words)
    if (ends_with(l, w)) return true;
  return false;
}

struct tag_view {
  const apertium_reading& r;
  bool operator()(std::string_view t) const { return r.has(t); }
};

void add_nominal(std::vector<std::string>& f, const tag_view& has) {
  if (has("def")) f.push_back("Definite=Def");
  if (has("ind")) f.push_back("Definite=Ind");
  if (has("ut")) f.push_back("Gender=Com");
  if (has("nt")) f.push_back("Gender=Neut");
  if (has("sg")) f.push_back("Number=Sing");
  if (has("pl")) f.push_back("Number=Plur");
}

void add_voice(std::vector<std::string>& f, const tag_view& has) {
  if (has("actv")) f.push_back("Voice=Act");
  if (has("pasv")) f.push_back("Voice=Pass");
}

}  // namespace

bool begins_upper_non_ascii(std::string_view form) {
  const auto c = static_cast<unsigned char>(form[0]);
  // Latin-1 letters (with ASCII, all of Swedish) without fold_case, which builds a string: the
  // tagger asks this of every word. The answers are fold_case's: upper case folds to lower
  // case, and `ß` (C3 9F) to `ss`, which differs from it too.
  if (c == 0xC3 && form.size() >= 2) {
    const auto d = static_cast<unsigned char>(form[1]);
    if (d >= 0x80 && d <= 0xBF) return d <= 0x9F && d != 0x97;  // not U+00D7 ×
  }
  const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n > form.size()) return false;
  const std::string_view first = form.substr(0, n);
  return fold_case(first) != first;
}

std::uint32_t feat_bits(std::string_view feats) {
  static constexpr std::array<std::pair<std::string_view, feat_bit>, 19> table = {{
      {"VerbForm=Inf", f_inf},   {"VerbForm=Fin", f_fin}, {"VerbForm=Sup", f_sup},
      {"VerbForm=Part", f_part}, {"Tense=Pres", f_pres},  {"Tense=Past", f_past},
      {"Mood=Imp", f_imp},       {"Voice=Pass", f_pass},  {"Definite=Def", f_def},
      {"Definite=Ind", f_ind},   {"Number=Sing", f_sing}, {"Number=Plur", f_plur},
      {"Case=Gen", f_gen},       {"Case=Nom", f_nom},     {"Case=Acc", f_acc},
      {"Poss=Yes", f_poss},      {"PronType=Prs", f_prs}, {"Gender=Neut", f_neut},
      {"Gender=Com", f_com},
  }};
  std::uint32_t bits = 0;
  std::size_t b = 0;
  while (b < feats.size()) {
    std::size_t e = feats.find('|', b);
    if (e == std::string_view::npos) e = feats.size();
    const std::string_view f = feats.substr(b, e - b);
    for (const auto& [name, bit] : table)
      if (f == name) bits |= bit;
    b = e + 1;
  }
  if (const std::size_t d = feats.find("Degree="); d != std::string_view::npos) {
    bits |= f_degree;
    if (feats.find("Degree=Cmp", d) != std::string_view::npos) bits |= f_deg_cmp;
    if (feats.find("Degree=Sup", d) != std::string_view::npos) bits |= f_deg_sup;
  }
  return bits;
}

std::string_view intern_feats(std::string_view feats) { return intern_tag(feats); }

candidate make_candidate(std::string lemma, upos_tag upos, std::string_view feats) {
  candidate c;
  c.bits = feat_bits(feats);
  c.lemma = std::move(lemma);
  c.upos = upos;
  c.feats = intern_feats(feats);
  return c;
}

std::string participle_lemma(std::string_view form, std::string_view verb_lemma) {
  std::string_view f = form;
  if (ends_with(f, "ande") || ends_with(f, "ende")) return std::string(f);
  if (ends_with(f, "ad")) return std::string(f);
  if (ends_with(f, "ade")) return drop(f, 1);
  if (ends_with(f, "at")) return drop(f, 2) + "ad";
  if (ends_with(f, "na")) return drop(f, 2) + "en";  // slutna → sluten
  if (ends_with(f, "et")) return drop(f, 2) + "en";  // taget → tagen
  if (ends_with(f, "en") || ends_with(f, "dd") || ends_with(f, "d")) return std::string(f);
  if (ends_with(f, "da")) return drop(f, 1);  // valda → vald, uppnådda → uppnådd
  std::string base(f);
  if (ends_with(f, "ta")) base = drop(f, 1);  // sänkta → sänkt, satta → satt
  if (ends_with(base, "tt")) {
    // `satt` (sätta) keeps its t; a vowel stem doubles d: `sett` → `sedd`, `nått` → `nådd`.
    if (ends_with(verb_lemma, "tta")) return base;
    return drop(base, 2) + "dd";
  }
  if (ends_with(base, "t") && base.size() >= 2) {
    // After a voiceless consonant the t stays (`sänkt`, `gift`); otherwise it is a d
    // assimilated to the neuter ending (`byggt` → `byggd`, `känt` → `känd`).
    const char p = base[base.size() - 2];
    if (std::string_view("kpstxfc").find(p) != std::string_view::npos) return base;
    return drop(base, 1) + "d";
  }
  return base;
}

std::vector<candidate> candidates_from_apertium(std::string_view form,
                                                const std::vector<apertium_reading>& rs) {
  std::vector<candidate> out;
  const bool upper = begins_upper(form);
  const std::string folded = fold_case(form);
  for (const apertium_reading& r : rs) {
    const tag_view has{r};
    if (r.tags.empty() || has("cmp") || has("compound-only-L") || has("cmp-split")) continue;
    const std::string& cat = r.tags[0];
    std::vector<std::string> f;
    upos_tag upos;
    std::string lemma = cat == "np" ? r.lemma : fold_case(r.lemma);
    if (cat == "n") {
      upos = "NOUN";
      f.push_back(has("gen") ? "Case=Gen" : "Case=Nom");
      add_nominal(f, has);
    } else if (cat == "np") {
      if (!upper) continue;
      upos = "PROPN";
      f.push_back(has("gen") ? "Case=Gen" : "Case=Nom");
    } else if (cat == "adj") {
      upos = "ADJ";
      f.push_back(has("gen") ? "Case=Gen" : "Case=Nom");
      const std::string base = has("gen") && !folded.empty() && folded.back() == 's'
                                   ? folded.substr(0, folded.size() - 1)
                                   : folded;
      if (has("pprs")) {
        lemma = base;
        f.insert(f.end(), {"Degree=Pos", "Tense=Pres", "VerbForm=Part"});
      } else if (has("pp")) {
        lemma = participle_lemma(base, lemma);
        add_nominal(f, has);
        f.insert(f.end(), {"Degree=Pos", "Tense=Past", "VerbForm=Part"});
      } else if (has("ord")) {
        f.push_back("NumType=Ord");
      } else {
        add_nominal(f, has);
        f.push_back(has("comp") ? "Degree=Cmp" : has("sup") ? "Degree=Sup" : "Degree=Pos");
      }
    } else if (cat == "vblex" || cat == "vbmod" || cat == "vaux" || cat == "vbser" ||
               cat == "vbhaver") {
      upos = "VERB";
      if (has("pres") || has("past")) {
        f.insert(f.end(), {"Mood=Ind", has("pres") ? "Tense=Pres" : "Tense=Past", "VerbForm=Fin"});
      } else if (has("imp")) {
        f.insert(f.end(), {"Mood=Imp", "VerbForm=Fin"});
      } else if (has("inf")) {
        f.push_back("VerbForm=Inf");
      } else if (has("supn")) {
        f.push_back("VerbForm=Sup");
      }
      add_voice(f, has);
    } else if (cat == "adv") {
      upos = "ADV";
      if (has("comp")) f.push_back("Degree=Cmp");
      if (has("sup")) f.push_back("Degree=Sup");
    } else if (cat == "pr") {
      upos = "ADP";
    } else if (cat == "cnjcoo") {
      upos = "CCONJ";
    } else if (cat == "cnjsub") {
      upos = "SCONJ";
    } else if (cat == "cnjadv") {
      upos = "ADV";
    } else if (cat == "ij") {
      upos = "INTJ";
    } else if (cat == "num") {
      upos = "NUM";
      f.push_back("NumType=Card");
    } else if (cat == "det") {
      if (has("pos")) {
        upos = "PRON";
        f.insert(f.end(), {"Poss=Yes", "PronType=Prs"});
      } else if (has("qnt") && is_numeral_lemma(lemma)) {
        upos = "NUM";
        f.push_back("NumType=Card");
      } else {
        upos = "DET";
        f.push_back(has("dem") ? "PronType=Dem" : has("ind") ? "PronType=Art" : "PronType=Ind");
        if (has("ind")) f.push_back("Definite=Ind");
      }
      if (has("ut")) f.push_back("Gender=Com");
      if (has("nt")) f.push_back("Gender=Neut");
      if (has("sg")) f.push_back("Number=Sing");
      if (has("pl")) f.push_back("Number=Plur");
    } else if (cat == "prn") {
      upos = "PRON";
      f.push_back(has("rel")   ? "PronType=Rel"
                  : has("itg") ? "PronType=Int"
                  : has("dem") ? "PronType=Dem"
                  : has("ind") ? "PronType=Ind"
                  : has("res") ? "PronType=Rcp"
                               : "PronType=Prs");
      if (has("pos")) f.push_back("Poss=Yes");
      if (has("nom")) f.push_back("Case=Nom");
      if (has("acc")) f.push_back("Case=Acc");
      if (has("gen")) f.push_back("Case=Gen");
      if (has("sg")) f.push_back("Number=Sing");
      if (has("pl")) f.push_back("Number=Plur");
    } else if (cat == "sent" || cat == "cm" || cat == "lpar" || cat == "rpar" || cat == "guio" ||
               cat == "apos" || cat == "quot" || cat == "lquot" || cat == "rquot") {
      upos = "PUNCT";
      lemma = std::string(form);
    } else {
      upos = "X";
    }
    candidate c = make_candidate(std::move(lemma), upos, join_feats(std::move(f)));
    const bool dup = std::any_of(out.begin(), out.end(), [&](const candidate& o) {
      return o.lemma == c.lemma && o.upos == c.upos && o.feats == c.feats;
    });
    if (!dup) out.push_back(std::move(c));
  }
  return out;
}

std::vector<candidate> guess_by_suffix(std::string_view w) {
  struct suffix_rule {
    std::string_view suffix;
    std::size_t cut;       // bytes to drop from the end
    std::string_view add;  // then append
    upos_tag upos;
    std::string_view feats;
  };
  // Productive Swedish derivational endings, longest first within each family.
  static const std::vector<suffix_rule> rules = {
      {"heterna", 4, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Plur"},
      {"heten", 2, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Sing"},
      {"heter", 2, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Plur"},
      {"het", 0, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Sing"},
      {"ingarna", 4, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Plur"},
      {"ingar", 2, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Plur"},
      {"ingen", 2, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Sing"},
      {"ing", 0, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Sing"},
      {"tionerna", 5, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Plur"},
      {"tioner", 2, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Plur"},
      {"tionen", 2, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Sing"},
      {"tion", 0, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Sing"},
      {"iteterna", 4, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Plur"},
      {"iteten", 2, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Sing"},
      {"iteter", 2, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Plur"},
      {"itet", 0, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Sing"},
      {"ismen", 2, "", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Sing"},
      {"ism", 0, "", "NOUN", "Case=Nom|Definite=Ind|Gender=Com|Number=Sing"},
      {"ande", 0, "", "ADJ", "Case=Nom|Degree=Pos|Tense=Pres|VerbForm=Part"},
      {"ende", 0, "", "ADJ", "Case=Nom|Degree=Pos|Tense=Pres|VerbForm=Part"},
      {"iska", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"iskt", 1, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"},
      {"isk", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"liga", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"ligt", 1, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"},
      {"lig", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"iva", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"ivt", 1, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"},
      {"iga", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"ella", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"ellt", 1, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"},
      {"ell", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"bara", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"bart", 1, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"},
      {"bar", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"samma", 2, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"samt", 1, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"},
      {"sam", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"lösa", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"löst", 1, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"},
      {"lös", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"itära", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"itär", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"ulära", 1, "", "ADJ", "Case=Nom|Degree=Pos"},
      {"ulär", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"erad", 0, "", "ADJ",
       "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing|Tense=Past|VerbForm=Part"},
      {"igt", 1, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing"},
      {"ig", 0, "", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"},
      {"erade", 3, "a", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act"},
      {"ala", 1, "", "ADJ", "Case=Nom|Degree=Pos"},  // vitala, globala: -al adjectives inflected
      {"erar", 1, "", "VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act"},
      {"erat", 1, "", "VERB", "VerbForm=Sup|Voice=Act"},
      {"era", 0, "", "VERB", "VerbForm=Inf|Voice=Act"},
      {"orna", 4, "a", "NOUN", "Case=Nom|Definite=Def|Number=Plur"},  // kvinnorna → kvinna
  };
  for (const auto& r : rules) {
    if (w.size() >= r.suffix.size() + 2 && ends_with(w, r.suffix)) {
      std::string lemma = drop(w, r.cut);
      lemma += r.add;
      std::vector<candidate> out{make_candidate(std::move(lemma), r.upos, std::string(r.feats))};
      // `-erade` is a past tense or a plural participle (`de kvalificerade`); the rules choose.
      if (r.suffix == "erade")
        out.push_back(
            make_candidate(drop(w, 1), "ADJ", "Case=Nom|Degree=Pos|Tense=Past|VerbForm=Part"));
      return out;
    }
  }
  return {};
}

std::vector<candidate> guess_unknown(std::string_view w) {
  std::vector<candidate> out = guess_by_suffix(w);
  if (out.empty()) {
    out.push_back(make_candidate(std::string(w), "NOUN", "Case=Nom"));
    out.back().guessed = true;
  }
  return out;
}

}  // namespace svpol::detail
