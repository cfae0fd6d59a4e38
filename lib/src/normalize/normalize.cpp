#include "svpol/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "core/words.hpp"
#include "normalize/offset_cursor.hpp"

namespace svpol {

// ---- offset_map ----------------------------------------------------------------------------

void offset_map::append(std::size_t norm_len, std::size_t orig_len, bool identity) {
  if (norm_len == 0 && orig_len == 0) return;
  if (identity && !runs_.empty() && runs_.back().identity) {
    runs_.back().norm_len += norm_len;
    runs_.back().orig_len += orig_len;
  } else {
    runs_.push_back({norm_size_, norm_len, orig_size_, orig_len, identity});
  }
  norm_size_ += norm_len;
  orig_size_ += orig_len;
}

std::size_t offset_map::begin_of(std::size_t pos) const {
  const auto it =
      std::upper_bound(runs_.begin(), runs_.end(), pos,
                       [](std::size_t p, const run& r) { return p < r.norm_begin + r.norm_len; });
  return detail::original_begin(runs_, static_cast<std::size_t>(it - runs_.begin()), pos);
}

std::size_t offset_map::end_of(std::size_t pos) const {
  const auto it = std::lower_bound(runs_.begin(), runs_.end(), pos,
                                   [](const run& r, std::size_t p) { return r.norm_begin < p; });
  return detail::original_end(runs_, static_cast<std::size_t>(it - runs_.begin()), pos);
}

byte_span offset_map::to_original(std::size_t begin, std::size_t end) const {
  if (runs_.empty()) return {begin, end};
  if (begin == end) {
    const std::size_t b = begin_of(begin);
    return {b, b};
  }
  return {begin_of(begin), end_of(end)};
}

// ---- normalize -----------------------------------------------------------------------------

namespace {

const icu::Normalizer2& nfc() {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(st);
  assert(U_SUCCESS(st) && n);
  return *n;
}

bool is_deleted(UChar32 c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

bool is_space_variant(UChar32 c) {
  return c != ' ' && (u_charType(c) == U_SPACE_SEPARATOR || c == 0x0085);
}

bool is_horizontal_space(char c) { return c == ' ' || c == '\t'; }

// Words after which a hyphen at a line end is a suspended compound (`barn-⏎och unga`).
bool is_conjunction(std::string_view w) {
  static constexpr std::array<std::string_view, 9> words = {
      "och", "eller", "samt", "respektive", "resp", "liksom", "som", "till", "men"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

class normalizer {
 public:
  explicit normalizer(std::string_view in) : in_(in), nfc_(nfc()) { out_.text.reserve(in.size()); }

  normalized_text run() {
    std::size_t i = 0;
    while (i < in_.size()) {
      const auto b = static_cast<unsigned char>(in_[i]);
      if (b < 0x80) {
        if (b == '-' && try_rejoin_at(i, i + 1)) {
          i = rejoin_end_;
          continue;
        }
        if (b == '\f' || b == '\v') {  // page breaks from PDF converters: a line break
          replace("\n", i, i + 1);
          i += 1;
          last_ = '\n';
          continue;
        }
        start_segment(i, true);  // ASCII: always a boundary, always NFC
        last_ = b;
        ++i;
        continue;
      }
      const std::size_t start = i;
      UChar32 c;
      U8_NEXT(in_.data(), i, in_.size(), c);
      if (c < 0) c = 0xFFFD;  // validated input never gets here
      if (is_deleted(c)) {
        replace("", start, i);
      } else if (is_space_variant(c)) {
        replace(" ", start, i);
        last_ = ' ';
      } else if (c == 0x2028 || c == 0x2029) {
        replace(c == 0x2028 ? "\n" : "\n\n", start, i);
        last_ = '\n';
      } else if (c == 0x2010 && try_rejoin_at(start, i)) {
        i = rejoin_end_;
      } else {
        if (nfc_.hasBoundaryBefore(c))
          start_segment(start, u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES);
        else
          seg_simple_ = false;  // a combining mark joins the segment before it
        last_ = c;
      }
    }
    commit(in_.size());
    return std::move(out_);
  }

 private:
  // Unchanged bytes are copied in stretches: [stretch_, seg_) is known to be NFC already,
  // [seg_, here) is the segment since the last normalization boundary.
  void start_segment(std::size_t at, bool simple) {
    if (!seg_simple_) resolve(at);
    seg_ = at;
    seg_simple_ = simple;
  }

  // Decides whether the segment [seg_, end) changes under NFC; if it does, writes the stretch
  // before it and its composed form.
  void resolve(std::size_t end) {
    seg_simple_ = true;
    if (end <= seg_) return;
    const std::string_view seg = in_.substr(seg_, end - seg_);
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(seg.data(), static_cast<int32_t>(seg.size())));
    icu::UnicodeString n = nfc_.normalize(u, st);
    std::string composed;
    if (U_FAILURE(st)) return;
    n.toUTF8String(composed);
    if (composed == seg) return;
    copy_stretch(seg_);
    out_.text.append(composed);
    out_.map.append(composed.size(), seg.size(), false);
    stretch_ = end;
  }

  void copy_stretch(std::size_t end) {
    if (end > stretch_) {
      out_.text.append(in_.substr(stretch_, end - stretch_));
      out_.map.append(end - stretch_, end - stretch_, true);
    }
    stretch_ = end;
  }

  // Writes everything before `at` (resolving the open segment) so that something else can
  // follow.
  void commit(std::size_t at) {
    if (!seg_simple_) resolve(at);
    copy_stretch(at);
    seg_ = at;
  }

  void replace(std::string_view with, std::size_t orig_begin, std::size_t orig_end) {
    commit(orig_begin);
    out_.text.append(with);
    out_.map.append(with.size(), orig_end - orig_begin, false);
    stretch_ = seg_ = orig_end;
  }

  // A hyphen at [hy_begin, hy_end) after a letter, then a single line break (or the single
  // space a converter left of it) and a lowercase
  // word that is not a conjunction: the word was hyphenated by the layout. After a lowercase
  // letter the hyphen goes too (`sam-⏎hället`); after a capital or a digit it was a real
  // hyphen and stays (`EU-⏎medlemskap`, `1990-⏎talet`).
  bool try_rejoin_at(std::size_t hy_begin, std::size_t hy_end) {
    if (last_ < 0 || !(u_isalpha(last_) || u_isdigit(last_))) return false;
    std::size_t j = hy_end;
    while (j < in_.size() && is_horizontal_space(in_[j])) ++j;
    if (j < in_.size() && in_[j] == '\r') ++j;
    if (j < in_.size() && in_[j] == '\n') {
      ++j;
      while (j < in_.size() && is_horizontal_space(in_[j])) ++j;
    } else if (j != hy_end + 1 || in_[hy_end] != ' ') {
      // Converted text often lost the line break but kept its space (`sam- rådsprocess`):
      // exactly one space counts as the lost break.
      return false;
    }
    const std::size_t word_begin = j;
    if (j >= in_.size()) return false;
    UChar32 next;
    std::size_t k = j;
    U8_NEXT(in_.data(), k, in_.size(), next);
    if (next < 0 || !u_islower(next)) return false;
    std::size_t word_end = word_begin;
    while (word_end < in_.size() && (static_cast<unsigned char>(in_[word_end]) >= 0x80 ||
                                     std::isalpha(static_cast<unsigned char>(in_[word_end]))))
      ++word_end;
    if (is_conjunction(in_.substr(word_begin, word_end - word_begin))) return false;
    if (u_islower(last_)) {
      replace("", hy_begin, word_begin);
    } else {
      commit(hy_end);  // the hyphen stays
      replace("", hy_end, word_begin);
    }
    rejoin_end_ = word_begin;
    return true;
  }

  std::string_view in_;
  const icu::Normalizer2& nfc_;
  normalized_text out_;
  std::size_t stretch_ = 0, seg_ = 0;
  bool seg_simple_ = true;
  UChar32 last_ = -1;
  std::size_t rejoin_end_ = 0;
};

}  // namespace

normalized_text normalize(std::string_view original) { return normalizer(original).run(); }

void fold_case(std::string_view s, std::string& out) {
  // Fast path for ASCII and precomposed Latin-1 letters (all of Swedish): their case folding
  // is the simple lowercase mapping and they are already NFC. The bytes are copied first and
  // only the capitals are rewritten, so that a form without any (most) costs a copy and a
  // read of `s`, and `out` keeps its capacity. The reads are of `s`, not of the copy just
  // written, which they would have to wait for. Anything else goes to ICU.
  out.assign(s);
  char* const p = out.data();
  const char* const q = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
  // ASCII eight bytes at a time: a byte b < 0x80 is a capital when b + (0x80 - 'A') has its
  // high bit set and b + (0x80 - 'Z' - 1) does not (neither sum carries into the next byte).
  // Bytes that are zero (above a shorter load) stay zero.
  auto lower = [](std::uint64_t w) {
    const std::uint64_t capitals = (w + detail::byte_ones * (0x80 - 'A')) &
                                   ~(w + detail::byte_ones * (0x80 - 'Z' - 1)) & detail::byte_highs;
    return w | capitals >> 2;  // 0x80 >> 2 is 0x20, upper to lower case
  };
  if (n >= 8) {
    for (; i + 8 <= n; i += 8) {
      const std::uint64_t w = detail::load_word(q + i);
      if ((w & detail::byte_highs) != 0) break;
      const std::uint64_t l = lower(w);
      std::memcpy(p + i, &l, sizeof l);
    }
    // The last one to seven bytes as the last eight, again lowering some already lowered.
    if (i + 8 > n && i < n) {
      const std::uint64_t w = detail::load_word(q + n - 8);
      if ((w & detail::byte_highs) == 0) {
        const std::uint64_t l = lower(w);
        std::memcpy(p + n - 8, &l, sizeof l);
        i = n;
      }
    }
  } else if (n >= 4) {
    // Four to seven bytes as two overlapping four.
    std::uint32_t a, b;
    std::memcpy(&a, q, sizeof a);
    std::memcpy(&b, q + n - 4, sizeof b);
    if (((a | b) & 0x80808080u) == 0) {
      a = static_cast<std::uint32_t>(lower(a));
      b = static_cast<std::uint32_t>(lower(b));
      std::memcpy(p, &a, sizeof a);
      std::memcpy(p + n - 4, &b, sizeof b);
      i = n;
    }
  }
  bool simple = true;
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(q[i]);
    if (c < 0x80) {
      if (static_cast<unsigned>(c - 'A') < 26u) p[i] = static_cast<char>(c + 0x20);
    } else if (c == 0xC3 && i + 1 < n) {
      const auto d = static_cast<unsigned char>(q[i + 1]);
      // U+00C0..U+00FF is C3 80..C3 BF. Upper case U+00C0..U+00DE (not U+00D7 ×) folds +0x20;
      // U+00DF ß folds to "ss", which changes the length: ICU.
      if (d < 0x80 || d > 0xBF || d == 0x9F) {
        simple = false;
        break;
      }
      if (d <= 0x9E && d != 0x97) p[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else {
      simple = false;
      break;
    }
  }
  // A combining mark could follow a Latin-1 letter only as a non-C3 byte: handled above.
  if (simple) return;
  out.clear();
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc().normalize(u, st);
  (U_SUCCESS(st) ? normalized : u).toUTF8String(out);
}

std::string fold_case(std::string_view s) {
  std::string out;
  fold_case(s, out);
  return out;
}

}  // namespace svpol
