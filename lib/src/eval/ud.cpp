// `svpol eval ud`: rebuild raw text from gold CoNLL-U, run the pipeline, compare spans.
#include <map>

#include "svpol/conllu.hpp"
#include "svpol/eval.hpp"

namespace svpol {

namespace {

struct gold_token {
  byte_span span;
  std::string lemma, upos;
};

struct gold_document {
  std::string id, text;
  std::vector<gold_token> tokens;
  std::vector<byte_span> sentences;
};

// Decodes SpacesAfter (`\s`, `\n`, `\t`, `\\`, `\p`).
std::string decode_spaces(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\' || i + 1 == v.size()) {
      out += v[i];
      continue;
    }
    const char c = v[++i];
    out += c == 's'   ? ' '
           : c == 'n' ? '\n'
           : c == 't' ? '\t'
           : c == 'r' ? '\r'
           : c == 'p' ? '|'
                      : c;
  }
  return out;
}

std::vector<gold_document> rebuild(const std::vector<conllu_sentence>& sents,
                                   const std::string& source) {
  std::vector<gold_document> docs;
  std::string pending_space;  // what follows the previous token
  for (const auto& s : sents) {
    if (docs.empty() || s.newdoc) {
      docs.push_back({});
      docs.back().id = source + "#" + std::to_string(docs.size());
      pending_space.clear();
    } else if (s.newpar) {
      pending_space.assign(2, '\n');
    } else if (pending_space.empty() && !docs.back().text.empty()) {
      pending_space.assign(1, ' ');  // sentences in a paragraph are separated by a space
    }
    gold_document& d = docs.back();
    const std::size_t sent_begin = d.text.size() + (d.text.empty() ? 0 : pending_space.size());
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      const conllu_word& w = s.tokens[i];
      if (!d.text.empty()) d.text += pending_space;
      const std::size_t b = d.text.size();
      d.text += w.form;
      // Lemma and UPOS of the token: the word itself, or for a multi-word token nothing.
      const bool mwt = w.id.find('-') != std::string::npos;
      d.tokens.push_back({{b, d.text.size()}, mwt ? "" : w.lemma, mwt ? "" : w.upos});
      if (const auto sa = w.misc_value("SpacesAfter"); !sa.empty())
        pending_space = decode_spaces(sa);
      else if (w.misc_value("SpaceAfter") == "No")
        pending_space.clear();
      else
        pending_space.assign(1, ' ');
    }
    d.sentences.push_back({sent_begin, d.text.size()});
    if (pending_space.empty()) pending_space.assign(1, ' ');
  }
  return docs;
}

std::string context_of(const std::string& text, byte_span s) {
  std::size_t b = s.begin > 30 ? s.begin - 30 : 0, e = std::min(text.size(), s.end + 30);
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  std::string out = text.substr(b, s.begin - b) + "[" + text.substr(s.begin, s.size()) + "]" +
                    text.substr(s.end, e - s.end);
  for (char& c : out)
    if (c == '\n') c = '|';
  return out;
}

struct span_less {
  bool operator()(const byte_span& a, const byte_span& b) const {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  }
};

}  // namespace

ud_result evaluate_ud(std::string_view conllu, const std::string& source, const pipeline& pipe,
                      bool collect_errors) {
  ud_result r;
  for (const gold_document& g : rebuild(read_conllu(conllu, source), source)) {
    const document doc = document::from_utf8(g.text, g.id);
    const analysis a = pipe.run(doc);

    std::map<byte_span, const token*, span_less> sys_tokens;
    bool lemmas = false, upos = false;
    for (const token& t : a.tokens) {
      sys_tokens.emplace(t.span, &t);
      lemmas |= !t.lemma.empty();
      upos |= !t.upos.empty();
    }
    r.has_lemmas |= lemmas;
    r.has_upos |= upos;
    r.tokens.gold += g.tokens.size();
    r.tokens.system += a.tokens.size();
    std::map<byte_span, bool, span_less> gold_spans;
    for (const gold_token& gt : g.tokens) {
      gold_spans.emplace(gt.span, true);
      const auto it = sys_tokens.find(gt.span);
      if (it == sys_tokens.end()) {
        if (collect_errors)
          r.errors.push_back({"token", g.id, g.text.substr(gt.span.begin, gt.span.size()), "",
                              context_of(g.text, gt.span)});
        continue;
      }
      ++r.tokens.correct;
      ++r.aligned;
      const token& t = *it->second;
      if (t.lemma == gt.lemma) {
        ++r.lemma_correct;
      } else if (collect_errors && lemmas) {
        r.errors.push_back({"lemma", g.id, gt.lemma, t.lemma, context_of(g.text, gt.span)});
      }
      if (t.upos == gt.upos) {
        ++r.upos_correct;
      } else if (collect_errors && upos) {
        r.errors.push_back({"upos", g.id, gt.upos, std::string(t.upos), context_of(g.text, gt.span)});
      }
    }
    if (collect_errors) {
      for (const token& t : a.tokens)
        if (!gold_spans.count(t.span))
          r.errors.push_back({"token", g.id, "", t.form, context_of(g.text, t.span)});
    }

    std::map<byte_span, bool, span_less> gold_sents;
    for (const byte_span& s : g.sentences) gold_sents.emplace(s, true);
    std::map<byte_span, bool, span_less> sys_sents;
    for (const sentence& s : a.sentences) sys_sents.emplace(s.span, true);
    r.sentences.gold += g.sentences.size();
    r.sentences.system += a.sentences.size();
    for (const byte_span& s : g.sentences) r.sentences.correct += sys_sents.count(s);
    if (collect_errors) {
      // Disagreements as boundaries: where one side ends a sentence and the other does not.
      std::map<std::size_t, int> ends;  // 1 gold, 2 system, 3 both
      for (const byte_span& s : g.sentences) ends[s.end] |= 1;
      for (const sentence& s : a.sentences) ends[s.span.end] |= 2;
      for (const auto& [at, who] : ends) {
        if (who == 3) continue;
        r.errors.push_back({"sentence", g.id, who == 1 ? "break" : "", who == 2 ? "break" : "",
                            context_of(g.text, {at, at})});
      }
    }
  }
  return r;
}

}  // namespace svpol
