#include "svpol/terms.hpp"

#include <algorithm>
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

std::string_view strip_genitive(std::string_view form) {
  if (form.size() > 2 && form.substr(form.size() - 2) == ":s")
    return form.substr(0, form.size() - 2);
  if (form.size() > 1 && form.back() == 's') return form.substr(0, form.size() - 1);
  return {};
}

// True when fold_case(s) may differ from s: an ASCII capital, or a non-ASCII character other
// than a small Latin-1 letter (`å`, `ä`, `ö`, `é` are C3 A0..BF; `ß` C3 9F folds to `ss`).
bool may_fold(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c < 0x80) continue;
    if (c != 0xC3 || i + 1 >= s.size() || static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
    ++i;
  }
  return false;
}

}  // namespace

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
  const std::string key = e.exact_case ? fold_case(first) : first;
  detail::filter_add(first_filter_, filter_words, key);
  const std::uint64_t hash = detail::fast_hash(key);
  std::size_t w = first_word_index(key, hash);
  if (w == no_first_word) {
    w = first_words_.size();
    first_words_.push_back({key, hash, {}});
    if (first_words_.size() * 2 > first_slots_.size()) {
      first_slots_.assign(std::max<std::size_t>(64, first_slots_.size() * 2), 0);
      for (std::size_t k = 0; k < first_words_.size(); ++k) place_first_word(k);
    } else {
      place_first_word(w);
    }
  }
  first_words_[w].entries.push_back(idx);
  const auto it = std::lower_bound(classes_.begin(), classes_.end(), e.cls);
  if (it == classes_.end() || *it != e.cls) classes_.insert(it, e.cls);
  entries_.push_back(std::move(e));
}

std::size_t term_lexicon::first_word_index(std::string_view key, std::uint64_t hash) const {
  if (first_slots_.empty()) return no_first_word;
  const std::size_t mask = first_slots_.size() - 1;
  for (std::size_t s = hash >> (64 - std::countr_zero(first_slots_.size()));; s = (s + 1) & mask) {
    const std::uint32_t v = first_slots_[s];
    if (v == 0) return no_first_word;
    const first_word& w = first_words_[v - 1];
    if (w.hash == hash && w.key == key) return v - 1;
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

bool term_lexicon::matches_at(const term_entry& e, const std::vector<token>& toks, std::size_t at,
                              std::size_t end) const {
  if (at + e.words.size() > end) return false;
  for (std::size_t k = 0; k < e.words.size(); ++k) {
    const token& t = toks[at + k];
    const std::string& w = e.words[k];
    const bool last = k + 1 == e.words.size();
    if (w[0] == '~' && w.size() > 1) {
      if (t.lemma.empty()) return false;
      const std::string_view lemma = std::string_view(w).substr(1);
      if (may_fold(t.lemma) ? fold_case(t.lemma) != lemma : t.lemma != lemma) return false;
      continue;
    }
    const std::string& form = e.exact_case ? t.form : t.norm;
    if (form == w) continue;
    if (last && is_genitive_of(form, w)) continue;
    return false;
  }
  return true;
}

rules::lexicon_hits term_lexicon::find(const std::vector<token>& toks, std::size_t first,
                                       std::size_t end) const {
  rules::lexicon_hits hits;
  if (entries_.empty()) return hits;
  std::vector<std::size_t> candidates;
  std::string lemma_key;  // `~` and the folded lemma, reused
  for (std::size_t i = first; i < end && i < toks.size(); ++i) {
    const token& t = toks[i];
    candidates.clear();
    auto look = [&](std::string_view key) {
      if (key.empty()) return;
      const std::uint64_t hash = detail::fast_hash(key);
      if (!detail::filter_may_contain(first_filter_, hash)) return;
      if (const std::size_t w = first_word_index(key, hash); w != no_first_word)
        candidates.insert(candidates.end(), first_words_[w].entries.begin(),
                          first_words_[w].entries.end());
    };
    look(t.norm);
    look(strip_genitive(t.norm));  // a one-word entry in the genitive
    if (!t.lemma.empty()) {
      lemma_key.assign(1, '~');
      lemma_key += may_fold(t.lemma) ? fold_case(t.lemma) : t.lemma;
      look(lemma_key);
    }
    if (candidates.empty()) continue;
    if (candidates.size() > 1) {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    const std::size_t before = hits.size();
    for (std::size_t c : candidates)
      if (matches_at(entries_[c], toks, i, end))
        hits.push_back({i, i + entries_[c].words.size(), entries_[c].cls, entries_[c].id, c});
    // (stable_sort allocates a buffer even for one element.)
    if (hits.size() - before > 1)
      std::stable_sort(hits.begin() + static_cast<std::ptrdiff_t>(before), hits.end(),
                       [](const auto& a, const auto& b) { return a.end > b.end; });
  }
  return hits;
}

}  // namespace svpol
