// Sentence segmentation: UAX #29 sentence breaks (ICU's), judged by Swedish rules at token
// boundaries.
#include "svpol/sentences.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "core/text.hpp"
#include "sentences/breaks.hpp"

namespace svpol {

namespace {

bool is_final_punct(std::string_view s) {
  return s == "." || s == "?" || s == "!" || s == "..." || s == "…" || s == "?!" || s == "!?";
}

bool is_dash(std::string_view s) { return s == "–" || s == "—"; }

bool is_closing_quote(std::string_view s) {
  return s == "\"" || s == "”" || s == "’" || s == "»" || s == "'" || s == ")";
}

// Markers that open a list item at the start of a line.
bool is_list_marker(std::string_view s) {
  return s == "-" || s == "–" || s == "—" || s == "*" || s == "•" || s == "·" || s == "‣" ||
         s == "▪";
}

class splitter {
 public:
  splitter(const document& doc, const std::vector<token>& toks, const abbreviations& abbrevs)
      : text_(doc.normalized().text), toks_(toks), abbrevs_(abbrevs) {}

  std::vector<sentence> run() {
    std::vector<sentence> out;
    if (toks_.empty()) return out;
    // breaks_[k]: a sentence starts at token k.
    std::vector<char> proposed(toks_.size(), 0);
    std::size_t k = 0;
    for (std::size_t b : detail::sentence_breaks(text_)) {
      while (k < toks_.size() && toks_[k].norm_span.begin < b) ++k;
      if (k < toks_.size() && k > 0 && toks_[k - 1].norm_span.end <= b) proposed[k] = 1;
    }
    std::size_t start = 0;
    for (std::size_t i = 1; i < toks_.size(); ++i) {
      if (decide(start, i, proposed[i] != 0, newlines_between(i - 1, i))) {
        out.push_back(make(start, i));
        start = i;
      } else if (i - start >= max_sentence_tokens) {
        out.push_back(make(start, i));
        out.back().cut = true;
        start = i;
      }
    }
    out.push_back(make(start, toks_.size()));
    // A sentence belongs to the paragraph it starts in; a layout break inside a sentence
    // does not start a paragraph.
    std::size_t p = 0;
    for (std::size_t s = 0; s < out.size(); ++s) {
      if (s > 0 && newlines_between(out[s].first_token - 1, out[s].first_token) >= 2) ++p;
      out[s].paragraph = p;
    }
    return out;
  }

 private:
  sentence make(std::size_t first, std::size_t end) const {
    return {{toks_[first].span.begin, toks_[end - 1].span.end}, first, end, 0, false};
  }

  int newlines_between(std::size_t a, std::size_t b) const {
    int n = 0;
    for (std::size_t i = toks_[a].norm_span.end; i < toks_[b].norm_span.begin; ++i)
      n += text_[i] == '\n';
    return n;
  }

  bool starts_lower(std::size_t i) const {
    return u_islower(detail::first_codepoint(toks_[i].form));
  }
  // Whether token i cannot open a sentence inside a line without a break ICU proposed: it is
  // no number, and its first character is no capital (upper or title case), digit or dash. That
  // is any ASCII character but A to Z and 0 to 9, or a lowercase letter (Unicode Ll).
  bool goes_on(std::size_t i) const {
    const std::string& f = toks_[i].form;
    if (f.empty() || toks_[i].kind == token_kind::number) return false;  // `a.` as a list number
    const auto b = static_cast<unsigned char>(f[0]);
    if (b < 0x80) return !((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'));
    return u_islower(detail::first_codepoint(f));
  }
  bool starts_upper(std::size_t i) const {
    const UChar32 c = detail::first_codepoint(toks_[i].form);
    // ASCII without ICU's tables: its capitals are A to Z, and it has no title case.
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(c) || u_istitle(c);
  }
  bool starts_upper_or_digit(std::size_t i) const {
    const UChar32 c = detail::first_codepoint(toks_[i].form);
    return u_isupper(c) || u_istitle(c) || u_isdigit(c);
  }

  // The last token before i that is not a closing quote or bracket.
  std::size_t last_real(std::size_t i) const {
    std::size_t j = i - 1;
    while (j > 0 && is_closing_quote(toks_[j].form)) --j;
    return j;
  }

  std::size_t line_start_of(std::size_t i) const {
    while (i > 0 && newlines_between(i - 1, i) == 0) --i;
    return i;
  }

  // A list item or heading begins a line: `- punkt`, `1. punkt`, `2) punkt`, `## Rubrik`.
  bool item_starts_at(std::size_t i) const {
    const std::string& f = toks_[i].form;
    if (is_list_marker(f) || f[0] == '#' || is_list_number(i)) return true;
    if (toks_[i].kind == token_kind::number && i + 1 < toks_.size() &&
        (toks_[i + 1].form == "." || toks_[i + 1].form == ")") &&
        toks_[i + 1].norm_span.begin == toks_[i].norm_span.end && toks_[i].form.size() <= 2)
      return true;
    return false;
  }

  // A line is a heading when it starts with Markdown's `#`.
  bool heading_line(std::size_t start) const { return toks_[start].form[0] == '#'; }

  // Whether a sentence starts at token i; the current one started at `start`.
  bool decide(std::size_t start, std::size_t i, bool proposed, int newlines) const {
    // Most tokens are lowercase words or punctuation inside a line, where ICU proposed no
    // break. No rule below starts a sentence there: each needs a proposed break, a line break,
    // or a capital, digit, dash or number at i. So skip the look back (last_real) and the
    // string tests for them.
    if (newlines == 0 && !proposed && goes_on(i)) return false;
    const std::size_t prev = last_real(i);
    const token& p = toks_[prev];
    if (newlines >= 2) {
      // A paragraph break ends the sentence, unless the text plainly goes on: no final
      // punctuation before it and a lowercase word after (a page-layout break).
      return !(starts_lower(i) && !is_final_punct(p.form) && p.form != ":" && !p.abbreviation);
    }
    if (newlines == 1) {
      if (item_starts_at(i) || heading_line(line_start_of(i - 1))) return true;
      if (is_final_punct(p.form) || (p.form == ":" && starts_upper_or_digit(i)))
        return !starts_lower(i) && !(p.abbreviation && !abbrev_ends(prev, i));
      if (p.abbreviation) return abbrev_ends(prev, i);
      return false;  // a hard-wrapped line
    }
    if (is_list_number(i)) return true;
    if (is_list_number(prev) || footnote_reference(i)) return false;
    // A dialogue or quotation dash after a finished sentence opens the next one:
    // `Vad vill du? – Det vet jag inte.`, `… i år. – Vi kommer att …, säger ministern.`
    if (is_dash(toks_[i].form) && is_final_punct(p.form) && i + 1 < toks_.size() &&
        starts_upper(i + 1))
      return true;
    if (p.abbreviation) return abbrev_ends(prev, i);
    // (The capital first: nearly every token has none after it, and the word set hashes.)
    if (starts_upper(i) && abbrevs_.can_end_sentence(p.norm)) return true;  // `osv Nästa`
    // ICU does not break before a digit (`… år. 1-åringarna …`); Swedish sentences may begin
    // with a number.
    if (!proposed && !(is_final_punct(p.form) && u_isdigit(detail::first_codepoint(toks_[i].form))))
      return false;
    if ((p.form == "?" || p.form == "!") && starts_lower(i)) return false;
    if (p.form == "!" && is_address(start, prev)) return false;
    return true;
  }

  // A short form of address with an exclamation mark opens the sentence that follows it, as
  // in parliamentary speech: `Herr talman! Jag vill …`, `Mina damer och herrar! Det …`.
  bool is_address(std::size_t start, std::size_t bang) const {
    static constexpr std::array<std::string_view, 7> openers = {
        "herr", "fru", "mina", "ärade", "kära", "bästa", "värderade"};
    return bang > start && bang - start <= 4 &&
           std::find(openers.begin(), openers.end(), toks_[start].norm) != openers.end();
  }

  // `7.` numbering a list item or footnote (the tokenizer kept its period).
  bool is_list_number(std::size_t i) const {
    const std::string& f = toks_[i].form;
    return toks_[i].kind == token_kind::number && f.size() >= 2 && f.size() <= 3 && f.back() == '.';
  }

  // A footnote reference after a sentence's period belongs to that sentence when the
  // footnote itself follows: `… utveckling. 7 7. För en närmare beskrivning …`.
  bool footnote_reference(std::size_t i) const {
    return toks_[i].kind == token_kind::number && i + 1 < toks_.size() && is_list_number(i + 1) &&
           is_final_punct(toks_[last_real(i)].form);
  }

  // An abbreviation ends a sentence only if it often does (`osv.`) and a capital follows.
  bool abbrev_ends(std::size_t abbrev, std::size_t next) const {
    return abbrevs_.can_end_sentence(toks_[abbrev].norm) && starts_upper_or_digit(next);
  }

  std::string_view text_;
  const std::vector<token>& toks_;
  const abbreviations& abbrevs_;
};

}  // namespace

std::vector<sentence> split_sentences(const document& doc, const std::vector<token>& toks,
                                      const abbreviations& abbrevs) {
  return splitter(doc, toks, abbrevs).run();
}

}  // namespace svpol
