#include "svpol/terms.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <fstream>
#include <sstream>

#include "core/fast_hash.hpp"
#include "core/files.hpp"
#include "svpol/document.hpp"
#include "svpol/error.hpp"
#include "svpol/normalize.hpp"

namespace svpol {

namespace {

// term_lexicon::first_filter_'s size, 65,536 bits: with the lexicon's 2,700 first words, a word
// that begins no entry passes it about once in twenty-four.
constexpr std::size_t filter_words = 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int column_of(std::string_view line, std::size_t byte) {
  int col = 1;
  for (std::size_t i = 0; i < byte && i < line.size(); ++i)
    col += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  return col;
}

bool valid_class(std::string_view c) {
  if (c.empty() || c.front() == '.' || c.back() == '.') return false;
  return std::all_of(c.begin(), c.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.';
  });
}

// The genitive forms a last word may also take: `polisen` → `polisens`, `EU` → `EU:s`;
// a word already ending in s, x or z takes none in Swedish (`Försvarsmaktens` is -en + s).
bool is_genitive_of(std::string_view form, std::string_view word) {
  if (form.size() == word.size() + 1 && form.back() == 's' && form.substr(0, word.size()) == word)
    return true;
  return form.size() == word.size() + 2 && form.substr(word.size()) == ":s" &&
         form.substr(0, word.size()) == word;
}

// True when fold_case(s) may differ from s: an ASCII capital, or a non-ASCII character other
// than a small Latin-1 letter (`å`, `ä`, `ö`, `é` are C3 A0..BF; `ß` C3 9F folds to `ss`).
bool may_fold_bytes(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c < 0x80) continue;
    if (c != 0xC3 || i + 1 >= s.size() || static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
    ++i;
  }
  return false;
}

// The same, eight bytes at a time for ASCII (most lemmas; find() asks it of every token's): the
// words of `s` are tested for a byte of 0x80 or above, which sends `s` to may_fold_bytes, and
// for a byte in 'A'..'Z'. The last word overlaps the one before, or is a short_word as in
// fast_hash; testing a byte twice does no harm.
bool may_fold(std::string_view s) {
  // For ASCII bytes b (no carry leaves a byte): b + 0x3F has the top bit from 'A' (0x41) up,
  // b + 0x25 from '[' (0x5B, after 'Z') up.
  auto test = [](std::uint64_t w) -> int {  // 1: a capital, 2: non-ASCII, 0: neither
    if (w & detail::byte_highs) return 2;
    return ((w + 0x3f3f3f3f3f3f3f3full) & ~(w + 0x2525252525252525ull) & detail::byte_highs) !=
           0;
  };
  const std::size_t n = s.size();
  int r = 0;
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 <= n && r == 0; i += 8) r = test(detail::load_word(s.data() + i));
    if (r == 0 && n % 8 != 0) r = test(detail::load_word(s.data() + n - 8));
  } else if (n > 0) {
    r = test(detail::short_word(s));
  }
  return r == 2 ? may_fold_bytes(s) : r == 1;
}

bool is_lemma_word(std::string_view w) { return w.size() > 1 && w[0] == '~'; }

// A key's hash for first_filter_ and first_slots_: a lemma key (stored without its `~`) hashes
// apart from the same text as a form, so that looking a token's lemma up needs no `~` + lemma
// string of its own.
constexpr std::uint64_t lemma_salt = 0x9e3779b97f4a7c15ull;
// (flatten: fast_hash is not inlined into find() by itself, and a call per hash costs.)
[[gnu::always_inline, gnu::flatten]] inline std::uint64_t key_hash(std::string_view key,
                                                                   bool lemma) {
  return detail::fast_hash(key) ^ (lemma ? lemma_salt : 0);
}

}  // namespace

// token_keys::begins: the keys of a token by which it may begin an entry.
constexpr unsigned begins_norm = 1, begins_stem = 2, begins_lemma = 4;

// What find() needs of each token of the sentence, worked out once: the token is looked up as
// a first word at its own position and tested as a second word at the one before.
struct term_lexicon::token_keys {
  std::uint64_t norm;  // key_hash(norm, false)
  // The genitive stems: `norm` without its final `s` (s1), and without its final `:s` (s2).
  std::uint64_t s1, s2;
  std::uint64_t lemma;   // key_hash(folded lemma, true)
  std::uint32_t folded;  // 1 + index of the folded lemma in find()'s list, or 0: the lemma as is
  bool has_s1, has_s2, has_lemma;
  std::uint8_t begins;  // the keys that pass first_filter_: begins_norm | begins_stem | ...
};

term_lexicon term_lexicon::parse(std::string_view text, const std::string& file) {
  term_lexicon lex;
  std::vector<diagnostic> errors;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::string_view content = line.substr(0, line.find('#'));
    if (trim(content).empty()) continue;
    auto error = [&](std::size_t byte, std::string message) {
      errors.push_back(
          {file, line_no, column_of(line, byte), std::move(message), std::string(trim(line))});
    };
    std::vector<std::pair<std::size_t, std::string_view>> cols;  // byte offset in line, text
    for (std::size_t b = 0;;) {
      const std::size_t tab = content.find('\t', b);
      cols.emplace_back(b, content.substr(b, tab == std::string_view::npos ? tab : tab - b));
      if (tab == std::string_view::npos) break;
      b = tab + 1;
    }
    if (cols.size() < 2 || cols.size() > 3) {
      error(0, "expected PHRASE<TAB>CLASS[<TAB>ATTRIBUTES], found " + std::to_string(cols.size()) +
                   " column(s)");
      continue;
    }
    term_entry e;
    e.phrase = std::string(trim(cols[0].second));
    e.cls = std::string(trim(cols[1].second));
    e.file = file;
    e.line = line_no;
    if (e.phrase.empty()) {
      error(0, "empty phrase");
      continue;
    }
    if (!valid_class(e.cls)) {
      error(cols[1].first, "bad class name '" + e.cls + "' (letters, digits, '_' and '.')");
      continue;
    }
    bool ok = true;
    if (cols.size() == 3) {
      std::string_view attrs = cols[2].second;
      std::size_t b = 0;
      while (b <= attrs.size() && ok) {
        const std::size_t semi = std::min(attrs.find(';', b), attrs.size());
        const std::string_view item = trim(attrs.substr(b, semi - b));
        const std::size_t eq = item.find('=');
        if (!item.empty()) {
          if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size()) {
            error(cols[2].first + b, "expected key=value, got '" + std::string(item) + "'");
            ok = false;
          } else {
            const std::string key(item.substr(0, eq)), value(item.substr(eq + 1));
            if (key == "id") {
              e.id = value;
            } else if (key == "case") {
              if (value != "exact") {
                error(cols[2].first + b, "case= takes 'exact', got '" + value + "'");
                ok = false;
              }
              e.exact_case = true;
            } else {
              e.attributes.emplace_back(key, value);
            }
          }
        }
        b = semi + 1;
      }
    }
    if (!ok) continue;
    std::istringstream words(e.phrase);
    for (std::string w; words >> w;) {
      if (w.size() > 1 && w[0] == '~')
        e.words.push_back(fold_case(w.substr(1)).insert(0, 1, '~'));
      else
        e.words.push_back(e.exact_case ? w : fold_case(w));
    }
    lex.add(std::move(e));
  }
  if (!errors.empty()) throw rule_error(std::move(errors));
  return lex;
}

term_lexicon term_lexicon::load_dir(const std::filesystem::path& dir) {
  term_lexicon lex;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return lex;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<diagnostic> errors;
  for (const auto& f : files) {
    const std::string text = detail::read_file(f, "lexicon");
    validate_utf8(text, f.string());
    try {
      lex.merge(parse(text, f.string()));
    } catch (const rule_error& e) {
      errors.insert(errors.end(), e.diagnostics.begin(), e.diagnostics.end());
    }
  }
  if (!errors.empty()) throw rule_error(std::move(errors));
  return lex;
}

void term_lexicon::add(term_entry e) {
  const std::size_t idx = entries_.size();
  const std::string& first = e.words.front();
  const bool lemma = is_lemma_word(first);
  const std::string key = lemma ? first.substr(1) : e.exact_case ? fold_case(first) : first;
  const std::uint64_t hash = key_hash(key, lemma);
  detail::filter_set(first_filter_, filter_words, hash);
  std::size_t w = first_word_index(key, lemma, hash);
  if (w == no_first_word) {
    w = first_words_.size();
    first_words_.push_back({key, lemma, hash, {}});
    if (first_words_.size() * 2 > first_slots_.size()) {
      first_slots_.assign(std::max<std::size_t>(64, first_slots_.size() * 2), 0);
      for (std::size_t k = 0; k < first_words_.size(); ++k) place_first_word(k);
    } else {
      place_first_word(w);
    }
  }
  candidate c;
  c.entry = static_cast<std::uint32_t>(idx);
  if (e.words.size() > 1) {
    const std::string& second = e.words[1];
    if (is_lemma_word(second)) {
      c.second = candidate::test::lemma;
      c.hash = key_hash(std::string_view(second).substr(1), true);
    } else if (!e.exact_case) {  // (an exact word is matched against the form, not the norm)
      c.second = candidate::test::form;
      c.second_is_last = e.words.size() == 2;
      c.hash = key_hash(second, false);
    }
  }
  first_words_[w].entries.push_back(c);
  const auto it = std::lower_bound(classes_.begin(), classes_.end(), e.cls);
  if (it == classes_.end() || *it != e.cls) classes_.insert(it, e.cls);
  entries_.push_back(std::move(e));
}

std::size_t term_lexicon::first_word_index(std::string_view key, bool lemma,
                                           std::uint64_t hash) const {
  if (first_slots_.empty()) return no_first_word;
  const std::size_t mask = first_slots_.size() - 1;
  for (std::size_t s = hash >> (64 - std::countr_zero(first_slots_.size()));; s = (s + 1) & mask) {
    const std::uint32_t v = first_slots_[s];
    if (v == 0) return no_first_word;
    const first_word& w = first_words_[v - 1];
    if (w.hash == hash && w.lemma == lemma && w.key == key) return v - 1;
  }
}

void term_lexicon::place_first_word(std::size_t w) {
  const std::size_t mask = first_slots_.size() - 1;
  std::size_t s = first_words_[w].hash >> (64 - std::countr_zero(first_slots_.size()));
  while (first_slots_[s] != 0) s = (s + 1) & mask;
  first_slots_[s] = static_cast<std::uint32_t>(w + 1);
}

void term_lexicon::merge(const term_lexicon& other) {
  for (const auto& e : other.entries_) add(e);
}

bool term_lexicon::has_class(std::string_view name) const {
  const auto it = std::lower_bound(classes_.begin(), classes_.end(), name);
  return it != classes_.end() && rules::class_matches(*it, name);
}

const term_entry& term_lexicon::entry_of(const rules::lexicon_hit& hit) const {
  return entries_.at(hit.index);
}

bool term_lexicon::matches_at(const term_entry& e, const std::vector<token>& toks,
                              const token_keys* keys, const std::vector<std::string>& folded,
                              std::size_t at, std::size_t end) const {
  if (at + e.words.size() > end) return false;
  for (std::size_t k = 0; k < e.words.size(); ++k) {
    const token& t = toks[at + k];
    const std::string& w = e.words[k];
    const bool last = k + 1 == e.words.size();
    if (is_lemma_word(w)) {
      const token_keys& tk = keys[k];
      if (!tk.has_lemma) return false;
      const std::string_view lemma = tk.folded ? std::string_view(folded[tk.folded - 1]) : t.lemma;
      if (lemma != std::string_view(w).substr(1)) return false;
      continue;
    }
    const std::string& form = e.exact_case ? t.form : t.norm;
    if (form == w) continue;
    if (last && is_genitive_of(form, w)) continue;
    return false;
  }
  return true;
}

void term_lexicon::add_candidates(std::string_view key, bool lemma, std::uint64_t hash,
                                  const token_keys* next, std::vector<std::size_t>& out) const {
  const std::size_t w = first_word_index(key, lemma, hash);
  if (w == no_first_word) return;
  for (const candidate& c : first_words_[w].entries) {
    if (c.second != candidate::test::none) {
      if (!next) continue;
      const bool pass = c.second == candidate::test::lemma
                            ? next->has_lemma && next->lemma == c.hash
                            : next->norm == c.hash ||
                                  (c.second_is_last && ((next->has_s1 && next->s1 == c.hash) ||
                                                        (next->has_s2 && next->s2 == c.hash)));
      if (!pass) continue;
    }
    out.push_back(c.entry);
  }
}

rules::lexicon_hits term_lexicon::find(const std::vector<token>& toks, std::size_t first,
                                       std::size_t end) const {
  rules::lexicon_hits hits;
  find(toks, first, end, hits);
  return hits;
}

void term_lexicon::find(const std::vector<token>& toks, std::size_t first, std::size_t end,
                        rules::lexicon_hits& hits) const {
  hits.clear();
  end = std::min(end, toks.size());
  if (entries_.empty() || first >= end) return;
  const std::size_t n = end - first;
  // Most sentences fit the buffer on the stack; find() runs once a sentence.
  std::array<token_keys, 64> small;
  std::vector<token_keys> large;
  if (n > small.size()) large.resize(n);
  token_keys* const keys = n > small.size() ? large.data() : small.data();
  // The thread's, kept between calls: one allocation or two per sentence were visible. The
  // folded lemmas keep their capacity too: the first `n_folded` are this call's.
  thread_local std::vector<std::string> folded;
  thread_local std::vector<std::size_t> candidates;
  std::size_t n_folded = 0;
  // The filter's test with its size known (filter_words, as add() made it for the first entry)
  // and no test of its emptiness.
  const std::uint64_t* const filter = first_filter_.data();
  auto may_begin = [filter](std::uint64_t hash) -> unsigned {
    return detail::filter_test(filter, filter_words, hash);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const token& t = toks[first + i];
    token_keys& k = keys[i];
    const std::string_view norm = t.norm, lemma = t.lemma;
    k.norm = key_hash(norm, false);
    k.has_s1 = norm.size() > 1 && norm.back() == 's';
    k.has_s2 = k.has_s1 && norm.size() > 2 && norm[norm.size() - 2] == ':';
    if (k.has_s1) k.s1 = key_hash(norm.substr(0, norm.size() - 1), false);
    if (k.has_s2) k.s2 = key_hash(norm.substr(0, norm.size() - 2), false);
    // The filter, here, while the hashes are at hand: it turns most keys away. A one-word
    // entry in the genitive: `EU:s` is looked up as `EU` only, `polisens` as `polisen`.
    unsigned begins = norm.empty() ? 0 : may_begin(k.norm) * begins_norm;
    if (k.has_s2 || k.has_s1) begins |= may_begin(k.has_s2 ? k.s2 : k.s1) * begins_stem;
    k.has_lemma = !lemma.empty();
    k.folded = 0;
    if (k.has_lemma) {
      // Most lemmas (three in five) are the norm itself, which is folded already (fold_case is
      // idempotent): its hash serves, salted, without a test or a hash of the lemma.
      if (detail::same_text(lemma, norm)) {
        k.lemma = k.norm ^ lemma_salt;
      } else if (may_fold(lemma)) {
        if (n_folded == folded.size()) folded.emplace_back();
        std::string& f = folded[n_folded++];
        fold_case(lemma, f);
        k.folded = static_cast<std::uint32_t>(n_folded);
        k.lemma = key_hash(f, true);
      } else {
        k.lemma = key_hash(lemma, true);
      }
      begins |= may_begin(k.lemma) * begins_lemma;
    }
    k.begins = static_cast<std::uint8_t>(begins);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const token_keys& k = keys[i];
    // Four tokens in five begin no entry by any key.
    if (k.begins == 0) continue;
    const token& t = toks[first + i];
    const token_keys* next = i + 1 < n ? &keys[i + 1] : nullptr;
    candidates.clear();
    const std::string_view norm = t.norm;
    if (k.begins & begins_norm) add_candidates(norm, false, k.norm, next, candidates);
    if (k.begins & begins_stem) {
      add_candidates(norm.substr(0, norm.size() - (k.has_s2 ? 2 : 1)), false,
                     k.has_s2 ? k.s2 : k.s1, next, candidates);
    }
    if (k.begins & begins_lemma) {
      add_candidates(k.folded ? std::string_view(folded[k.folded - 1]) : t.lemma, true, k.lemma,
                     next, candidates);
    }
    if (candidates.empty()) continue;
    if ((k.begins & (k.begins - 1)) != 0 && candidates.size() > 1) {  // two groups or three
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    const std::size_t at = first + i, before = hits.size();
    for (std::size_t c : candidates) {
      if (!matches_at(entries_[c], toks, &k, folded, at, end)) continue;
      if (hits.capacity() == 0) hits.reserve(8);
      const term_entry& e = entries_[c];
      hits.emplace_back(at, at + e.words.size(), e.cls, e.id, c);
      // Longest first, in entry order among equals: an insertion sort of the few hits at this
      // start (stable_sort allocated a buffer for them).
      for (std::size_t j = hits.size() - 1; j > before && hits[j].end > hits[j - 1].end; --j)
        std::swap(hits[j], hits[j - 1]);
    }
  }
}

}  // namespace svpol
