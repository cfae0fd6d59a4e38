// svpol/morphology.hpp: lemmas, UD word classes (UPOS) and features for every token.
//
//   auto tag = svpol::tagger::load(svpol::default_lexicon_dir());   // throws svpol::input_error
//   auto toks = svpol::tokenize(doc, lex.abbreviations());
//   auto sents = svpol::split_sentences(doc, toks, lex.abbreviations());
//   tag.tag(doc, toks, sents);   // kommer → komma/AUX, myndigheternas → myndighet/NOUN
//
// Lexicon- and rule-based, with no trained model: Apertium's Swedish analyser (Debian package
// apertium-swe-dan, read in-process through lttoolbox) proposes readings; an exception table
// (`lemma-exceptions.tsv` in the lexicon directory) fixes closed classes and UD lemma
// conventions (`är` → `vara`/AUX, `våra` → `vi`/PRON); words the analyser does not know are
// split as Swedish compounds and lemmatized on their head (`hållbarhetskommissionen` →
// `hållbarhetskommission`); ordered rules over neighbouring tokens then pick one reading
// (`att` before an infinitive is PART, a word after a determiner is nominal, ...).
//
// Fills token::lemma, token::upos and token::feats (UD FEATS, e.g.
// `Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act`; "" when none). Lemmas of common words are
// lower case; proper nouns keep their case.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "svpol/document.hpp"
#include "svpol/sentences.hpp"
#include "svpol/tokenize.hpp"

namespace svpol {

namespace detail {
class tagger_impl;
}

// How many word forms the tagger keeps analysed (see tagger::load): the memory it takes grows
// with these, and the time it takes on a large corpus shrinks.
struct tagger_limits {
  std::size_t shared_forms = 200'000;  // one store for all threads, filled once
  std::size_t thread_forms = 200'000;  // per thread: forms it has met, dropped past this
  std::size_t thread_own = 50'000;     // per thread: forms met after the shared store is full
};

class tagger {
 public:
  // Loads the analyser (a compiled lttoolbox transducer) and `lexicon_dir`/lemma-exceptions.tsv.
  // Throws input_error naming the file when the analyser cannot be read (with the Debian
  // package to install) or the table is missing, rule_error listing malformed table lines.
  // `limits` bounds the word forms kept analysed, and so the memory.
  static tagger load(const std::filesystem::path& lexicon_dir,
                     const std::filesystem::path& analyser = default_analyser_path(),
                     const tagger_limits& limits = {});

  // Fills lemma, upos and feats of every token in `toks`, sentence by sentence. `sents` must
  // cover `toks` (as split_sentences returns them). Const and safe to call from several
  // threads at once: each thread keeps its own analyser state and its own cache of word forms.
  void tag(const document& doc, std::vector<token>& toks, const std::vector<sentence>& sents) const;

  // The analyser used when none is given: $SVPOL_APERTIUM_SWE if set, else
  // /usr/share/apertium/apertium-swe-dan/swe-dan.automorf.bin.
  static std::filesystem::path default_analyser_path();

 private:
  explicit tagger(std::shared_ptr<const detail::tagger_impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const detail::tagger_impl> impl_;
};

}  // namespace svpol
