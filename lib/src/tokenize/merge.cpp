// The Swedish tokenization rules. Each rule is a function that, at position i of ICU's pieces,
// either says how many pieces it takes into one token or declines. The rules follow the UD
// Swedish treebanks' conventions (see tokenize.hpp).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <string>

#include "core/text.hpp"
#include "core/words.hpp"
#include "svpol/normalize.hpp"
#include "tokenize/scan.hpp"

namespace svpol::detail {

namespace {

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_hyphen(std::string_view s) { return s == "-" || s == "\u2010" || s == "\u2011"; }

// Words that continue a suspended compound: `barn- och ungdomsfrågor`, `för- eller nackdel`.
bool is_coordinator(std::string_view folded) {
  static constexpr std::array<std::string_view, 9> words = {
      "och", "eller", "samt", "respektive", "resp.", "som", "till", "liksom", "men"};
  return std::find(words.begin(), words.end(), folded) != words.end();
}

// Ordinal endings after a colon: `13:e`, `1:a`, `2:an`, `21:sta`.
bool is_ordinal_suffix(std::string_view s) {
  return s == "e" || s == "a" || s == "an" || s == "en" || s == "sta" || s == "nde";
}

class merger {
 public:
  merger(std::string_view text, std::vector<piece> in, const abbreviations& abbrevs)
      : text_(text), in_(std::move(in)), abbrevs_(abbrevs) {}

  std::vector<piece> run() {
    links_ = find_links(text_);
    out_.reserve(in_.size());
    std::size_t i = 0;
    while (i < in_.size()) {
      std::size_t n = 0;
      if ((n = link(i)) || (n = spaced_abbreviation(i)) || (n = abbreviation(i))) {
        i += n;
        continue;
      }
      // The other rules join a piece to the next one it touches, or start at a number or a
      // sign: a word with a space after it, most pieces, is left as it is.
      if ((!is_word(i) || touches(i)) &&
          ((n = initial(i)) || (n = list_number(i)) || (n = compound(i)) || (n = ellipsis(i)) ||
           (n = genitive_apostrophe(i)) || (n = markup(i)))) {
        i += n;
        continue;
      }
      out_.push_back(in_[i]);
      ++i;
    }
    return std::move(out_);
  }

 private:
  std::string_view str(std::size_t i) const {
    return text_.substr(in_[i].begin, in_[i].end - in_[i].begin);
  }
  std::string_view str(std::size_t b, std::size_t e) const { return text_.substr(b, e - b); }
  // True if pieces i and i+1 touch (no space between).
  bool touches(std::size_t i) const { return i + 1 < in_.size() && in_[i].end == in_[i + 1].begin; }
  bool is_word(std::size_t i) const { return i < in_.size() && in_[i].kind == token_kind::word; }
  bool is_number(std::size_t i) const {
    return i < in_.size() && in_[i].kind == token_kind::number;
  }
  bool is_alnum(std::size_t i) const { return is_word(i) || is_number(i); }
  // The character after byte e is a letter or digit (so a match ending at e is not a word).
  bool word_continues(std::size_t e) const {
    if (e >= text_.size()) return false;
    // ASCII (nearly always a space or punctuation) without a call into ICU: u_isalnum is
    // true there for the letters and digits only.
    const auto b = static_cast<unsigned char>(text_[e]);
    if (b < 0x80)
      return (b >= '0' && b <= '9') || static_cast<unsigned char>((b | 0x20) - 'a') < 26;
    const UChar32 c = first_codepoint(text_.substr(e));
    return u_isalnum(c);
  }

  // What an abbreviation starting at piece i could span: the touching pieces from i up to
  // the first that reaches abbrevs_.longest() bytes. Whether that stretch has a period, and
  // whether it is plain (ASCII and precomposed Latin-1, whose case folding is never shorter
  // and adds no period), decides most words without folding them: nearly every word is
  // followed by a space, not a period, and every entry without a period is short (`osv`).
  struct reach {
    bool period = false, plain = false;
  };
  // Taken once per piece, and only for a word short enough to be looked up.
  reach reach_of(std::size_t i) {
    if (reach_piece_ != i) {
      reach_ = reach_at(i);
      reach_piece_ = i;
    }
    return reach_;
  }
  reach reach_at(std::size_t i) const {
    const std::size_t b = in_[i].begin;
    std::size_t j = i;
    while (in_[j].end - b < abbrevs_.longest() && touches(j)) ++j;
    reach r{false, true};
    const std::size_t e = in_[j].end;
    // Up to eight bytes (most words) in one word read from b, the bytes after e masked off:
    // plain if every byte with its high bit set is a C3 or follows one (UTF-8 is valid here).
    if (e - b <= 8 && b + 8 <= text_.size()) {
      const std::size_t len = e - b;
      const std::uint64_t w = detail::load_word(text_.data() + b) &
                              (len == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << 8 * len) - 1);
      const bool period = detail::has_byte(w, '.') != 0;
      const std::uint64_t highs = w & detail::byte_highs;
      if (highs == 0) return {period, true};
      const std::uint64_t c3 = detail::bytes_equal(w, 0xC3);
      if (highs == (c3 | c3 << 8)) return {period, true};
    }
    std::size_t k = b;
    // Eight bytes at a time while they are ASCII without a period (see next_link_start).
    for (; k + 8 <= e; k += 8) {
      const std::uint64_t w = detail::load_word(text_.data() + k);
      if (((w & detail::byte_highs) | detail::has_byte(w, '.')) != 0) break;
    }
    for (; k < e; ++k) {
      const auto c = static_cast<unsigned char>(text_[k]);
      if (c == '.')
        r.period = true;
      else if (c == 0xC3)
        ++k;  // C3 80..BF: U+00C0..U+00FF
      else if (c >= 0x80)
        r.plain = false;
    }
    return r;
  }

  // `s` case-folded: `s` itself when it is up to eight ASCII bytes without a capital (most
  // words looked up), else folded into a buffer kept across calls. Valid until the next call.
  std::string_view folded(std::string_view s) {
    if (!s.empty() && s.size() <= 8) {
      const std::uint64_t w = s.size() == 8 ? detail::load_word(s.data()) : detail::short_word(s);
      // A capital b: b + (0x80 - 'A') has its high bit set and b + (0x80 - 'Z' - 1) does not.
      const std::uint64_t capitals =
          (w + detail::byte_ones * (0x80 - 'A')) & ~(w + detail::byte_ones * (0x80 - 'Z' - 1));
      if (((w | capitals) & detail::byte_highs) == 0) return s;
    }
    fold_case(s, fold_buf_);
    return fold_buf_;
  }

  void emit(std::size_t first, std::size_t last, token_kind kind, bool abbrev = false) {
    out_.push_back({in_[first].begin, in_[last].end, kind, abbrev});
  }

  // The kind of a merged stretch: a word if it has a letter, else a number if it has a digit.
  token_kind kind_of(std::size_t b, std::size_t e) const {
    bool digit = false;
    for (std::size_t k = b; k < e;) {
      UChar32 c;
      U8_NEXT(text_.data(), k, e, c);
      if (u_isalpha(c)) return token_kind::word;
      digit |= u_isdigit(c) != 0;
    }
    return digit ? token_kind::number : token_kind::punct;
  }

  // URLs and e-mail addresses, found beforehand, are one token.
  std::size_t link(std::size_t i) {
    while (next_link_ < links_.size() && links_[next_link_].first.end <= in_[i].begin) ++next_link_;
    if (next_link_ >= links_.size()) return 0;
    const auto& [span, kind] = links_[next_link_];
    if (in_[i].begin < span.begin || in_[i].begin >= span.end) return 0;
    std::size_t j = i;
    while (j + 1 < in_.size() && in_[j + 1].begin < span.end) ++j;
    out_.push_back({in_[i].begin, std::max(in_[j].end, span.end), kind, false});
    return j - i + 1;
  }

  // The longest abbreviation written without spaces that starts at piece i: `t.ex.`, `bl.a.`,
  // `fr.o.m.`, `kap.`. It must start a word and end one.
  std::size_t abbreviation(std::size_t i) {
    if (!is_word(i) || abbrevs_.empty()) return 0;
    if (i > 0 && touches(i - 1) && is_alnum(i - 1)) return 0;
    if (in_[i].end - in_[i].begin > abbrevs_.longest()) return 0;
    // Without a period in reach, only an entry without one can match, and its folded length
    // bounds the plain text's.
    const reach r = reach_of(i);
    const std::size_t longest = r.plain && !r.period ? abbrevs_.longest_without_period()
                                                               : abbrevs_.longest();
    if (in_[i].end - in_[i].begin > longest) return 0;
    // Without a period in reach, the head is the whole piece: no search.
    const std::string_view head = r.period ? str(i).substr(0, str(i).find('.')) : str(i);
    if (head.size() > abbrevs_.longest() || !abbrevs_.may_start(folded(head))) return 0;
    std::size_t best = 0;
    for (std::size_t j = i; j < in_.size() && in_[j].end - in_[i].begin <= longest; ++j) {
      if (j > i && in_[j - 1].end != in_[j].begin) break;
      if (word_continues(in_[j].end)) continue;
      if (abbrevs_.contains(folded(str(in_[i].begin, in_[j].end)))) best = j - i + 1;
    }
    if (best == 0) return 0;
    emit(i, i + best - 1, token_kind::word, text_[in_[i + best - 1].end - 1] == '.');
    return best;
  }

  // Spaced abbreviations: `bl. a.`, `t. ex.`, each part with its period.
  std::size_t spaced_abbreviation(std::size_t i) {
    if (!is_word(i) || abbrevs_.spaced().empty()) return 0;
    // Nearly every word is short, plain and without a period: it is turned down before its
    // head is looked for (a piece no longer than longest() has a head no longer either).
    const bool short_piece = in_[i].end - in_[i].begin <= abbrevs_.longest();
    auto without_period = [&] {
      const reach r = reach_of(i);
      return r.plain && !r.period && abbrevs_.spaced_start_with_period();
    };
    if (short_piece && without_period()) return 0;
    const std::string_view head = str(i).substr(0, str(i).find('.'));
    if (head.size() > abbrevs_.longest() || (!short_piece && without_period())) return 0;
    if (!abbrevs_.may_start_spaced(folded(head))) return 0;
    for (const auto& parts : abbrevs_.spaced()) {
      std::size_t j = i;
      bool ok = true;
      std::vector<std::pair<std::size_t, std::size_t>> found;  // first, last piece of each part
      for (std::size_t p = 0; p < parts.size() && ok; ++p) {
        std::size_t k = j;
        while (k < in_.size() && in_[k].end - in_[j].begin < parts[p].size() && touches(k)) ++k;
        ok = k < in_.size() && fold_case(str(in_[j].begin, in_[k].end)) == parts[p] &&
             (p + 1 == parts.size() || (k + 1 < in_.size() && !touches(k)));
        if (ok) found.emplace_back(j, k);
        j = k + 1;
      }
      if (!ok || word_continues(in_[found.back().second].end)) continue;
      for (auto [b, e] : found) emit(b, e, token_kind::word, text_[in_[e].end - 1] == '.');
      return found.back().second - i + 1;
    }
    return 0;
  }

  // Initials keep their period: `A. I. Rabin`. A lone capital with a period counts as an
  // initial when another initial stands right before or after it.
  std::size_t initial(std::size_t i) {
    if (!is_initial_at(i)) return 0;
    const bool after_initial =
        !out_.empty() && out_.back().abbreviation && out_.back().end - out_.back().begin <= 3;
    if (!after_initial && !is_initial_at(i + 2)) return 0;
    emit(i, i + 1, token_kind::word, true);
    return 2;
  }
  bool is_initial_at(std::size_t i) const {
    if (!is_word(i) || !touches(i) || str(i + 1) != ".") return false;
    const std::string_view s = str(i);
    const UChar32 c = first_codepoint(s);
    return u_isupper(c) && static_cast<std::size_t>(U8_LENGTH(c)) == s.size() &&
           !word_continues(in_[i + 1].end);
  }

  // A list or footnote number keeps its period: `1. Inledning`, `7. Se Rabin`. Swedish writes
  // ordinals as `7:e`, so a short number with a period before a capital, at the start of a
  // line, after a sentence or after another number, numbers an item.
  std::size_t list_number(std::size_t i) {
    if (!is_number(i) || !all_digits(str(i)) || str(i).size() > 2 || !touches(i) ||
        str(i + 1) != "." || i + 2 >= in_.size() || touches(i + 1) ||
        !u_isupper(first_codepoint(str(i + 2))))
      return 0;
    bool item_start = out_.empty();
    if (!item_start) {
      const piece& prev = out_.back();
      const std::string_view before = text_.substr(prev.end, in_[i].begin - prev.end);
      const std::string_view p = text_.substr(prev.begin, prev.end - prev.begin);
      item_start = before.find('\n') != std::string_view::npos ||
                   (prev.kind == token_kind::number && p.find('.') == std::string_view::npos) ||
                   p == "." || p == "!" || p == "?";
    }
    if (!item_start) return 0;
    emit(i, i + 1, token_kind::number);
    return 2;
  }

  // Compounds and numbers joined by hyphens, colons and slashes, and numbers grouped by a
  // space: `EU-medlemskap`, `LO-SAF-uppgörelsen`, `1990-talet`, `2016-03-14`, `577-584`,
  // `2016:28`, `2015/16:1`, `13:e`, `20 000`; suspended compounds `barn-` and `-kommandon`;
  // the dash `--`.
  std::size_t compound(std::size_t i) {
    std::size_t j = i;
    if (is_hyphen(str(i)) && touches(i) && is_word(i + 1) && after_space(i) &&
        u_islower(first_codepoint(str(i + 1)))) {
      j = i + 1;  // `och -kommandon`, `Transact-SQL (TSQL) -kommandon`
    } else if (is_hyphen(str(i)) && touches(i) && is_hyphen(str(i + 1))) {
      j = i + 1;
      while (touches(j) && is_hyphen(str(j + 1))) ++j;
      emit(i, j, token_kind::punct);
      return j - i + 1;
    } else if (!is_alnum(i)) {
      return 0;
    }
    for (;;) {
      if (!touches(j) || j + 1 >= in_.size()) break;
      const std::string_view sep = str(j + 1);
      const bool joins_alnum = touches(j + 1) && is_alnum(j + 2);
      if (is_hyphen(sep) && joins_alnum) {
        j += 2;
      } else if ((sep == ":" || sep == "/") && is_number(j) && touches(j + 1) && is_number(j + 2)) {
        j += 2;  // 2016:28, 2015/16
      } else if (sep == ":" && is_number(j) && touches(j + 1) && is_word(j + 2) &&
                 is_ordinal_suffix(str(j + 2)) && !word_continues(in_[j + 2].end)) {
        j += 2;  // 13:e
      } else {
        break;
      }
    }
    // A suspended compound: `barn-` before `och`, `eller` or a comma.
    if (touches(j) && is_hyphen(str(j + 1)) && is_word(j) && suspended_after(j + 1)) ++j;
    // Thousands grouped with a space: `20 000`, `1 200 000`.
    if (j == i && is_number(i) && all_digits(str(i)) && str(i).size() <= 3 &&
        !(i > 0 && touches(i - 1))) {
      while (j + 1 < in_.size() && in_[j + 1].begin == in_[j].end + 1 && text_[in_[j].end] == ' ' &&
             is_number(j + 1) && all_digits(leading_digits(j + 1)) &&
             leading_digits(j + 1).size() == 3 && !touches_word_after(j + 1))
        ++j;
    }
    if (j == i) return 0;
    emit(i, j, kind_of(in_[i].begin, in_[j].end));
    return j - i + 1;
  }
  // The integer part of a number piece (`000` of `000,5`).
  std::string_view leading_digits(std::size_t i) const {
    const std::string_view s = str(i);
    const std::size_t comma = s.find(',');
    return comma == std::string_view::npos ? s : s.substr(0, comma);
  }
  bool touches_word_after(std::size_t i) const { return touches(i) && is_word(i + 1); }
  bool suspended_after(std::size_t hyphen) const {
    if (touches(hyphen)) return str(hyphen + 1) == "," || str(hyphen + 1) == "/";
    return hyphen + 1 < in_.size() && is_coordinator(fold_case(str(hyphen + 1)));
  }
  // A hyphen with space before it and a lowercase word right after it begins the second half
  // of a split compound (a dash or minus sign stands apart or before a capital or digit).
  bool after_space(std::size_t hyphen) const {
    return hyphen == 0 || in_[hyphen - 1].end < in_[hyphen].begin;
  }

  // A name ending in s, x or z takes its genitive with an apostrophe: `Wentz' dotter`,
  // `Marx' teorier`. The apostrophe is not a closing quote when no quote was opened before it
  // on the same line.
  std::size_t genitive_apostrophe(std::size_t i) {
    if (!is_word(i) || !touches(i) || (str(i + 1) != "'" && str(i + 1) != "’")) return 0;
    const std::string_view w = str(i);
    const char last = w.back();
    if (last != 's' && last != 'x' && last != 'z') return 0;
    if (i + 2 < in_.size() && (touches(i + 1) || !u_islower(first_codepoint(str(i + 2))))) return 0;
    for (std::size_t k = i; k-- > 0;) {
      const std::string_view between = text_.substr(in_[k].end, in_[k + 1].begin - in_[k].end);
      if (between.find('\n') != std::string_view::npos) break;
      if (str(k) == str(i + 1)) return 0;  // an opening quote: this one closes it
    }
    emit(i, i + 1, token_kind::word);
    return 2;
  }

  // Markdown's heading and emphasis marks are one token a run: `##`, `**`.
  std::size_t markup(std::size_t i) {
    const std::string_view s = str(i);
    if ((s != "#" && s != "*" && s != "_") || !touches(i) || str(i + 1) != s) return 0;
    std::size_t j = i + 1;
    while (touches(j) && str(j + 1) == s) ++j;
    emit(i, j, token_kind::symbol);
    return j - i + 1;
  }

  // Three or more periods are one token: `...`.
  std::size_t ellipsis(std::size_t i) {
    if (str(i) != "." || !touches(i) || str(i + 1) != ".") return 0;
    std::size_t j = i + 1;
    while (touches(j) && str(j + 1) == ".") ++j;
    emit(i, j, token_kind::punct);
    return j - i + 1;
  }

  std::string_view text_;
  std::vector<piece> in_, out_;
  const abbreviations& abbrevs_;
  std::vector<std::pair<byte_span, token_kind>> links_;
  std::size_t next_link_ = 0;
  std::string fold_buf_;  // see folded()
  reach reach_;           // of piece reach_piece_
  std::size_t reach_piece_ = static_cast<std::size_t>(-1);
};

bool is_url_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && c != '<' && c != '>' && c != '"' && u != 0x7F;
}

bool is_trailing_punct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
         c == ')' || c == ']';
}

// The first position at or after `i` where a link can start, `ht`, `ww` or `@`, or t.size():
// eight bytes at a time, seven apart so that a pair across two words is seen whole, as most
// text has none of them in most words (`h` alone, as in `och`, is common).
std::size_t next_link_start(std::string_view t, std::size_t i) {
  using detail::bytes_equal;
  for (; i + 8 <= t.size(); i += 7) {
    const std::uint64_t w = detail::load_word(t.data() + i);
    const std::uint64_t ww = bytes_equal(w, 'w');
    // In little-endian order the next byte's flag, shifted down 8 bits, lines up with this one.
    const std::uint64_t starts =
        (bytes_equal(w, 'h') & bytes_equal(w, 't') >> 8) | (ww & ww >> 8) | bytes_equal(w, '@');
    if (starts != 0) return i + static_cast<std::size_t>(std::countr_zero(starts)) / 8;
  }
  for (; i < t.size(); ++i) {
    const bool pair =
        i + 1 < t.size() && ((t[i] == 'h' && t[i + 1] == 't') || (t[i] == 'w' && t[i + 1] == 'w'));
    if (pair || t[i] == '@') return i;
  }
  return i;
}

}  // namespace

std::vector<std::pair<byte_span, token_kind>> find_links(std::string_view t) {
  std::vector<std::pair<byte_span, token_kind>> out;
  std::size_t i = 0;
  while (i < t.size()) {
    // Only `http`, `www.` and `@` start a link: the bytes before the next ht, ww or @ are
    // skipped.
    i = next_link_start(t, i);
    if (i == t.size()) break;
    const bool at_word_start = i == 0 || !is_ascii_alnum(t[i - 1]);
    std::size_t b = std::string_view::npos;
    token_kind kind = token_kind::url;
    if (at_word_start && (t.compare(i, 7, "http://") == 0 || t.compare(i, 8, "https://") == 0 ||
                          t.compare(i, 4, "www.") == 0)) {
      b = i;
    } else if (t[i] == '@' && i > 0 && is_ascii_alnum(t[i - 1]) && i + 1 < t.size() &&
               is_ascii_alnum(t[i + 1])) {
      std::size_t l = i;
      while (l > 0 && (is_ascii_alnum(t[l - 1]) ||
                       std::string_view("._%+-").find(t[l - 1]) != std::string_view::npos))
        --l;
      while (l < i && !is_ascii_alnum(t[l])) ++l;
      if (!out.empty() && out.back().first.end > l) {
        ++i;
        continue;
      }
      b = l;
      kind = token_kind::email;
    }
    if (b == std::string_view::npos) {
      ++i;
      continue;
    }
    std::size_t e = (kind == token_kind::email) ? i + 1 : i;
    if (kind == token_kind::email) {
      while (e < t.size() && (is_ascii_alnum(t[e]) || t[e] == '.' || t[e] == '-')) ++e;
    } else {
      while (e < t.size() && is_url_char(t[e])) ++e;
    }
    // Closing punctuation belongs to the sentence, unless a URL opened the bracket itself.
    while (e > b && is_trailing_punct(t[e - 1])) {
      if (t[e - 1] == ')' && t.substr(b, e - b).find('(') != std::string_view::npos) break;
      --e;
    }
    const std::string_view s = t.substr(b, e - b);
    const bool ok =
        kind == token_kind::url ? e > b + 4 : s.find('.', s.find('@')) != std::string_view::npos;
    if (ok) out.push_back({{b, e}, kind});
    i = std::max(e, i + 1);
  }
  return out;
}

std::vector<piece> merge_pieces(std::string_view text, std::vector<piece> pieces,
                                const abbreviations& abbrevs) {
  return merger(text, std::move(pieces), abbrevs).run();
}

}  // namespace svpol::detail
