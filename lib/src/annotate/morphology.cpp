#include "svpol/morphology.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cassert>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "annotate/apertium.hpp"
#include "annotate/candidate.hpp"
#include "annotate/disambiguate.hpp"
#include "annotate/exceptions.hpp"
#include "core/fast_hash.hpp"
#include "core/words.hpp"
#include "svpol/normalize.hpp"

namespace svpol {

namespace detail {

namespace {

std::atomic<std::uint64_t> next_tagger_id{1};

using readings = std::vector<candidate>;
// Where a form's readings lie and how many there are, in one word: the tagger then reads a
// form's candidates without first reading their vector (a cache miss of its own), and the
// index of forms keeps slots of 48 bytes. The address takes the low 48 bits (user space
// addresses on x86-64 and AArch64 fit), the number the high 16. Readings are never empty, so an
// empty view means none.
class readings_view {
 public:
  readings_view() = default;
  explicit readings_view(const readings& r)
      : bits_(reinterpret_cast<std::uintptr_t>(r.data()) | (std::uint64_t{r.size()} << 48)) {
    assert(!r.empty() && r.size() < (1u << 16) &&
           (reinterpret_cast<std::uintptr_t>(r.data()) >> 48) == 0);
  }
  bool empty() const { return bits_ == 0; }
  const candidate* data() const {
    return reinterpret_cast<const candidate*>(bits_ & ((std::uint64_t{1} << 48) - 1));
  }
  std::size_t size() const { return static_cast<std::size_t>(bits_ >> 48); }
  const candidate* begin() const { return data(); }
  const candidate* end() const { return data() + size(); }

 private:
  static_assert(sizeof(std::uintptr_t) == 8, "readings_view packs a 64-bit address");
  std::uint64_t bits_ = 0;
};

// The readings of word forms, shared by the threads that use one tagger: a form is analysed
// once, whichever thread meets it first, instead of once per thread (with -j N every thread
// would otherwise warm its own cache on the same frequent words). Entries are never changed or
// removed while the tagger lives, so a pointer to one stays valid; the store stops growing at
// tagger_limits::shared_forms. Text is Zipf-distributed, so the forms of the first part of a corpus
// cover most tokens of the rest; forms met after that are kept per thread (form_cache::own).
class shared_forms {
 public:
  explicit shared_forms(std::size_t max_entries) : max_entries_(max_entries) {}

  const readings* find(const std::string& form) const {
    const shard& s = shard_of(form);
    std::shared_lock lock(s.mu);
    const auto it = s.map.find(form);
    return it == s.map.end() ? nullptr : &it->second;
  }

  // The stored readings of `form` (the earlier ones if another thread stored it first), or
  // nullptr when the store is full.
  const readings* insert(const std::string& form, readings&& rs) {
    shard& s = shard_of(form);
    std::unique_lock lock(s.mu);
    if (const auto it = s.map.find(form); it != s.map.end()) return &it->second;
    if (size_.load(std::memory_order_relaxed) >= max_entries_) return nullptr;
    size_.fetch_add(1, std::memory_order_relaxed);
    return &s.map.emplace(form, std::move(rs)).first->second;
  }

 private:
  struct shard {
    mutable std::shared_mutex mu;
    std::unordered_map<std::string, readings> map;
  };
  shard& shard_of(const std::string& form) const {
    return shards_[std::hash<std::string>{}(form) % shards_.size()];
  }
  mutable std::array<shard, 64> shards_;
  std::atomic<std::size_t> size_{0};
  std::size_t max_entries_;
};

// Form to readings, by open addressing (linear probing, at most half full): a lookup touches
// its slot, where a short form is stored inline, and seldom more. Every word token is looked up
// here; as a node-based map (bucket, node, then the key) this was 5.5% of an extract run, most
// of it cache misses at a hundred thousand forms.
class form_index {
 public:
  // The slot `h` starts probing at, for prefetching ahead of find().
  const void* home(std::uint64_t h) const {
    return slots_.empty() ? nullptr : &slots_[static_cast<std::size_t>(h >> shift_)];
  }

  // The readings of `form`, empty when it is not in the index.
  readings_view find(std::string_view form, std::uint64_t h) const {
    if (slots_.empty()) return {};
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h >> shift_);; i = (i + 1) & mask) {
      const slot& s = slots_[i];
      if (s.r.empty()) return {};
      if (s.hash == h && same_text(s.form, form)) return s.r;
    }
  }

  // Adds `form` (not in the index) with its readings, which are not empty.
  void insert(std::string_view form, std::uint64_t h, readings_view r) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    place(slot{h, std::string(form), r});
    ++count_;
  }

  std::size_t size() const { return count_; }
  void clear() {
    slots_.clear();
    count_ = 0;
    shift_ = 64;
  }

 private:
  struct slot {
    std::uint64_t hash = 0;
    std::string form;
    readings_view r;  // empty: the slot is free
  };
  void place(slot&& s) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>(s.hash >> shift_);
    while (!slots_[i].r.empty()) i = (i + 1) & mask;
    slots_[i] = std::move(s);
  }
  void grow() {
    const std::size_t n = slots_.empty() ? 4096 : 2 * slots_.size();
    std::vector<slot> old = std::exchange(slots_, std::vector<slot>(n));
    shift_ = 64 - std::countr_zero(n);
    for (slot& s : old)
      if (!s.r.empty()) place(std::move(s));
  }
  std::vector<slot> slots_;  // a power of two of them
  std::size_t count_ = 0;
  int shift_ = 64;  // a hash's first slot is its top bits
};

// What one thread knows of the word forms it has met: where their readings are, in the
// tagger's shared store or in `own` (forms met after the store was full). Looking a form up
// here takes no lock. Both are dropped when `where` grows past tagger_limits::thread_forms or
// `own` past tagger_limits::thread_own (a memory bound, not LRU: the frequent forms come back at
// once, from the shared store). Every thread has its own, so these bound the memory each -j thread
// adds: on 150 MB of the dev corpora with 15% of the words of four letters or more made new (a
// vocabulary far past the shared store), capping `own` took the peak RSS of -j 2 from 251 to 210
// MB.
struct form_cache {
  std::uint64_t owner = 0;
  form_index where;
  std::unordered_map<std::string, readings> own;

  void add(const std::string& form, readings&& rs, shared_forms& shared) {
    const readings* r = shared.insert(form, std::move(rs));  // moves from rs only when it stores
    if (!r) r = &own.insert_or_assign(form, std::move(rs)).first->second;
    where.insert(form, fast_hash(form), readings_view(*r));
  }
};
thread_local form_cache cache;

// Swedish capitalizes names only, so a capitalized word the analyser does not know may be one;
// the rules decide from its position. (Known words keep their class: UD tags the words of
// multiword names by class, `Svenska Dagbladet` ADJ NOUN.) A compound whose head is written in
// lower case is a common noun (`EU-medlemskapet`).
void add_name_reading(const std::string& form, readings& rs) {
  if (!begins_upper(form)) return;
  const std::size_t hyphen = form.rfind('-');
  if (hyphen != std::string::npos && !begins_upper(std::string_view(form).substr(hyphen + 1)))
    return;
  for (const candidate& c : rs)
    if (c.upos == "PROPN") return;
  rs.push_back(make_candidate(form, "PROPN", "Case=Nom"));
}

// Two capital letters or more and no small ones, digits and hyphens allowed (`SQL`, `G20`).
bool is_acronym(std::string_view form) {
  int upper = 0;
  std::size_t i = 0;
  while (i < form.size()) {
    const auto c = static_cast<unsigned char>(form[i]);
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    const std::string_view cp = form.substr(i, n);
    i += n;
    if (begins_upper(cp))
      ++upper;
    else if (!(n == 1 && ((c >= '0' && c <= '9') || c == '-')))
      return false;
  }
  return upper >= 2;
}

// Punctuation tokens that UD counts as symbols.
bool is_symbol(std::string_view form) {
  // A scan, not a hash set: every punctuation token is asked, and the list is short.
  static constexpr std::array<std::string_view, 14> symbols = {"%", "§", "+", "=", "<", ">", "°",
                                                               "€", "$", "£", "±", "×", "÷", "&"};
  return form.size() <= 3 && std::find(symbols.begin(), symbols.end(), form) != symbols.end();
}

// Swedish compounds join their parts directly or with a linking morpheme after a word
// (`hållbarhet-s-kommission`, `barn-a-vård`). The linkers -o- and -u- follow stems that are not
// words by themselves (`kvinn-o-`, `gat-u-`), which the analyser knows as compounding forms;
// after a whole word they mostly make false splits (`mot-o-risk` for `motorisk`).
constexpr std::string_view linkers = "sea";

// Verb particles that Swedish writes together with the verb in derived verbs (`ange`, `utgav`,
// `tillkom`, `avslog`), longest first where one begins another.
constexpr std::array<std::string_view, 16> verb_particles = {
    "efter", "tillbaka", "till", "under", "upp", "över", "fram", "bort",
    "igen",  "an",       "av",   "ut",    "in",  "på",   "om",   "ned"};

}  // namespace

class tagger_impl {
 public:
  tagger_impl(const std::filesystem::path& analyser, exception_table table,
              const tagger_limits& limits)
      : analyser_(analyser),
        table_(std::move(table)),
        id_(next_tagger_id.fetch_add(1)),
        limits_(limits),
        shared_(limits.shared_forms) {}

  void tag(std::vector<token>& toks, const std::vector<sentence>& sents) const;

 private:
  std::vector<readings_view> fill_cache(const std::vector<token>& toks) const;
  readings compound(const std::string& folded,
                    const std::unordered_map<std::string, apertium_analysis>& parts,
                    bool known_first_part) const;

  apertium_analyser analyser_;
  exception_table table_;
  std::uint64_t id_;
  tagger_limits limits_;
  mutable shared_forms shared_;
};

readings tagger_impl::compound(const std::string& w,
                               const std::unordered_map<std::string, apertium_analysis>& parts,
                               bool known_first_part) const {
  auto known = [&](const std::string& s) {
    const auto it = parts.find(s);
    return it != parts.end() && !it->second.readings.empty();
  };
  auto head_readings = [&](std::size_t p) -> readings {
    const std::string head = w.substr(p);
    const auto it = parts.find(head);
    if (it == parts.end()) return {};
    readings rs = candidates_from_apertium(head, it->second.readings);
    std::erase_if(rs, [](const candidate& c) { return c.upos == "PROPN" || c.upos == "PUNCT"; });
    for (candidate& c : rs) c.lemma = w.substr(0, p) + c.lemma;
    return rs;
  };
  if (known_first_part) {
    // A verb particle written together with its verb: `ange` (an + ge), `utgav` (ut + gav).
    for (std::string_view particle : verb_particles) {
      if (w.size() < particle.size() + 2 || w.compare(0, particle.size(), particle) != 0) continue;
      readings rs = head_readings(particle.size());
      std::erase_if(rs, [](const candidate& c) {
        return c.upos != "VERB" && !(c.upos == "ADJ" && c.has(f_part));
      });
      if (!rs.empty()) return rs;
    }
  }
  // The longest known head whose first part is a word, or a word and a linking morpheme. First
  // parts have three letters at least: two-letter words are function words (`vi` + `tala` is
  // not `vitala`).
  for (std::size_t p = 3; known_first_part && p + 3 <= w.size(); ++p) {
    if ((static_cast<unsigned char>(w[p]) & 0xC0) == 0x80) continue;  // inside a code point
    const std::string prefix = w.substr(0, p);
    const bool prefix_ok =
        known(prefix) || (prefix.size() > 2 && linkers.find(prefix.back()) != linkers.npos &&
                          known(prefix.substr(0, prefix.size() - 1)));
    if (!prefix_ok) continue;
    if (readings rs = head_readings(p); !rs.empty()) return rs;
  }
  // The first part may itself be unknown (`hållbarhets-`): then the longest known head of at
  // least four letters that is a content word.
  for (std::size_t p = 3; !known_first_part && p + 4 <= w.size(); ++p) {
    if ((static_cast<unsigned char>(w[p]) & 0xC0) == 0x80) continue;
    readings rs = head_readings(p);
    std::erase_if(rs, [](const candidate& c) {
      return c.upos != "NOUN" && c.upos != "ADJ" && c.upos != "VERB";
    });
    if (!rs.empty()) return rs;
  }
  return {};
}

// The readings of every word token of `toks` (empty for other tokens), analysing the forms
// this thread has not met yet.
std::vector<readings_view> tagger_impl::fill_cache(const std::vector<token>& toks) const {
  if (cache.owner != id_ || cache.where.size() > limits_.thread_forms ||
      cache.own.size() > limits_.thread_own) {
    cache.where.clear();
    cache.own.clear();
    cache.owner = id_;
  }
  std::vector<readings_view> found_at(toks.size());
  // The hashes first, then each lookup fetches the slot of the one 16 tokens on: the index is
  // far larger than the cache, so the misses then overlap. (Fetching all of a document's slots
  // at once, before the lookups, took 40% more samples here on 24 MB of the dev corpora.)
  std::vector<std::uint64_t> hashes(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (toks[i].kind == token_kind::word) hashes[i] = fast_hash(toks[i].form);
  constexpr std::size_t ahead = 16;
  for (std::size_t i = 0; i < std::min(ahead, toks.size()); ++i)
    if (const void* p = cache.where.home(hashes[i])) __builtin_prefetch(p);
  std::vector<std::size_t> later;  // word tokens whose form is not known yet
  std::vector<std::string> forms;
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (i + ahead < toks.size())
      if (const void* p = cache.where.home(hashes[i + ahead])) __builtin_prefetch(p);
    const token& t = toks[i];
    if (t.kind != token_kind::word) continue;
    if (const readings_view r = cache.where.find(t.form, hashes[i]); !r.empty()) {
      found_at[i] = r;
      continue;
    }
    later.push_back(i);
    if (!seen.insert(t.form).second) continue;
    if (const readings* r = shared_.find(t.form)) {
      cache.where.insert(t.form, hashes[i], readings_view(*r));
      continue;
    }
    if (const readings* r = table_.find(t.norm)) {  // the table lives as long as the tagger
      cache.where.insert(t.form, hashes[i], readings_view(*r));
      continue;
    }
    forms.push_back(t.form);
  }
  auto resolve_later = [&] {
    for (const std::size_t i : later) found_at[i] = cache.where.find(toks[i].form, hashes[i]);
    return std::move(found_at);
  };
  if (forms.empty()) return resolve_later();

  const std::vector<std::string_view> views(forms.begin(), forms.end());
  const std::vector<apertium_analysis> found = analyser_.analyse(views);

  // Words the analyser does not know: look up every split into head and first part at once.
  std::vector<std::size_t> unknown;
  std::vector<std::string> pieces;
  std::unordered_set<std::string> piece_set;
  auto want = [&](std::string s) {
    if (s.size() >= 2 && piece_set.insert(s).second) pieces.push_back(std::move(s));
  };
  for (std::size_t k = 0; k < forms.size(); ++k) {
    readings rs = candidates_from_apertium(forms[k], found[k].readings);
    if (!rs.empty()) {
      cache.add(forms[k], std::move(rs), shared_);
      continue;
    }
    unknown.push_back(k);
    const std::string folded = fold_case(forms[k]);
    const std::size_t hyphen = folded.rfind('-');
    const std::string w = hyphen == std::string::npos ? folded : folded.substr(hyphen + 1);
    want(w);
    for (std::string_view particle : verb_particles)
      if (w.size() >= particle.size() + 2 && w.compare(0, particle.size(), particle) == 0)
        want(w.substr(particle.size()));
    for (std::size_t p = 2; p + 3 <= w.size(); ++p) {
      if ((static_cast<unsigned char>(w[p]) & 0xC0) == 0x80) continue;
      want(w.substr(p));
      want(w.substr(0, p));
      if (linkers.find(w[p - 1]) != linkers.npos) want(w.substr(0, p - 1));
    }
  }
  std::unordered_map<std::string, apertium_analysis> parts;
  if (!pieces.empty()) {
    const std::vector<std::string_view> pv(pieces.begin(), pieces.end());
    std::vector<apertium_analysis> pa = analyser_.analyse(pv);
    for (std::size_t k = 0; k < pieces.size(); ++k) parts.emplace(pieces[k], std::move(pa[k]));
  }
  for (std::size_t k : unknown) {
    const std::string& form = forms[k];
    const std::string folded = fold_case(form);
    const std::size_t hyphen = folded.rfind('-');
    // After a hyphen the prefix is kept as written (`EU-medlemskapet` → `EU-medlemskap`).
    const std::string prefix = hyphen == std::string::npos ? "" : form.substr(0, hyphen + 1);
    const std::string w = hyphen == std::string::npos ? folded : folded.substr(hyphen + 1);
    readings rs;
    if (const auto it = parts.find(w); it != parts.end() && !it->second.readings.empty()) {
      rs = candidates_from_apertium(w, it->second.readings);
      std::erase_if(rs, [](const candidate& c) { return c.upos == "PROPN"; });
    }
    // A compound of known words beats an ending (`brandrisk`), an ending beats a compound
    // whose first part is a guess (`motorisk` is not `moto` + `risk`, `flitiga` not `tiga`).
    if (rs.empty()) rs = compound(w, parts, true);
    if (rs.empty()) rs = guess_by_suffix(w);
    if (rs.empty()) rs = compound(w, parts, false);
    if (rs.empty()) rs = guess_unknown(w);
    for (candidate& c : rs) c.lemma = prefix + c.lemma;
    add_name_reading(form, rs);
    cache.add(form, std::move(rs), shared_);
  }
  return resolve_later();
}

namespace {

// What tag() works in, kept by each thread from document to document: the slots of a document
// and, in one array, their candidates, so that the rules read the candidates of neighbouring
// tokens from neighbouring memory. Past keep_slots and keep_cands they are let go after the
// document, so that one long document does not hold its memory for the rest of the run.
struct tag_buffers {
  std::vector<slot> slots;
  std::vector<slot_candidate> cands;  // [0, used) are the document's
  std::size_t used = 0;
  // Guesses for word tokens the cache has no readings for, where the views of their
  // slot_candidates point; a deque, so that adding one moves none.
  std::deque<candidate> guessed;
  // Slots that begin a sentence with a capital and may be a name: only those ask whether the
  // document has their form as a name inside a sentence (slot::name_elsewhere).
  std::vector<std::size_t> ask_name;

  // Room for `n` more candidates.
  void make_room(std::size_t n) {
    if (used + n > cands.size()) cands.resize(std::max({used + n, 2 * cands.size(), keep_min}));
  }
  void add(const slot_candidate& c) {
    make_room(1);
    cands[used++] = c;
  }
  static constexpr std::size_t keep_min = 4096;
};
thread_local tag_buffers work;
constexpr std::size_t keep_slots = 1 << 16;
constexpr std::size_t keep_cands = 1 << 17;

// A candidate of class `upos` with FEATS `feats`, for the tokens that take theirs from their
// kind; the FEATS are interned once per kind (one static, so one guard to test per token).
const slot_candidate& kind_candidate(upos_tag upos) {
  struct kinds {
    slot_candidate num{"", "NUM", "NumType=Card"};
    slot_candidate punct{"", "PUNCT", ""};
    slot_candidate sym{"", "SYM", ""};
    slot_candidate x{"", "X", ""};
  };
  static const kinds k;
  return upos == "NUM" ? k.num : upos == "PUNCT" ? k.punct : upos == "SYM" ? k.sym : k.x;
}

// Adds a candidate of class `upos` with `form` (which must outlive the document's tagging) as
// its lemma.
void add_kind_candidate(tag_buffers& wk, upos_tag upos, const std::string& form) {
  slot_candidate c = kind_candidate(upos);
  c.lemma = form;
  wk.add(c);
}

}  // namespace

// Forms written as a possible name inside a sentence somewhere in the document; a name is
// written the same way at the start of a sentence.
std::unordered_set<std::string_view> names_inside_sentences(std::span<const slot> doc) {
  std::unordered_set<std::string_view> names;
  for (const slot& w : doc)
    if (w.capitalized && !w.initial &&
        std::any_of(w.cands.begin(), w.cands.end(),
                    [](const slot_candidate& c) { return c.upos == "PROPN"; }))
      names.insert(w.tok->form);
  return names;
}

namespace {

// Fills the slots of a document's sentences, one after another, and their candidates into `wk`
// (tag()'s first half); returns how many slots. Kept out of tag() so that the compiler's view of
// tag(), and so what it inlines there (the copies into the tokens), does not hang on this code:
// built inside tag(), it made GCC call std::string's _M_replace out of line for every token.
[[gnu::noinline]] std::size_t build_slots(tag_buffers& wk, const std::vector<token>& toks,
                                          const std::vector<sentence>& sents,
                                          const std::vector<readings_view>& known) {
  // The slots of the sentences one after another, each sentence's tokens in order; and the
  // candidates they take, a word's readings or one for another token, so that the array need
  // not grow while it is filled (a guess may still make it).
  std::size_t n_slots = 0, n_cands = 0;
  for (const sentence& sent : sents)
    for (std::size_t i = sent.first_token; i < std::min(sent.end_token, toks.size()); ++i) {
      ++n_slots;
      n_cands += std::max<std::size_t>(known[i].size(), 1);
    }
  if (wk.slots.size() < n_slots) wk.slots.resize(n_slots);
  wk.used = 0;
  wk.make_room(n_cands);
  wk.guessed.clear();
  wk.ask_name.clear();
  const slot_candidate* const cands_at = wk.cands.data();
  std::size_t k = 0;
  for (const sentence& sent : sents) {
    bool initial = true;
    for (std::size_t i = sent.first_token; i < sent.end_token && i < toks.size(); ++i) {
      // The readings of a form lie wherever the store put them: fetched `ahead` tokens ahead,
      // their misses overlap with this token's work. (They were two thirds of this function's
      // own time.)
      constexpr std::size_t ahead = 8;
      if (i + ahead < known.size() && !known[i + ahead].empty()) {
        __builtin_prefetch(known[i + ahead].data());
        __builtin_prefetch(reinterpret_cast<const char*>(known[i + ahead].data()) + 64);
      }
      const token& t = toks[i];
      slot& w = wk.slots[k++];
      w = slot{};
      w.tok = &t;
      w.folded = t.norm;
      const std::size_t first = wk.used;
      switch (t.kind) {
        case token_kind::word: {
          if (const readings_view r = known[i]; !r.empty()) {
            wk.make_room(r.size());  // made above, unless guesses took more
            slot_candidate* out = wk.cands.data() + wk.used;
            for (const candidate& c : r) *out++ = slot_candidate(c);
            wk.used += r.size();
          } else {
            for (candidate& c : guess_unknown(t.norm)) {
              wk.guessed.push_back(std::move(c));
              wk.add(slot_candidate(wk.guessed.back()));
            }
          }
          w.capitalized = begins_upper(t.form);
          w.acronym = w.capitalized && is_acronym(t.form);
          w.initial = initial;
          initial = false;
          if (w.initial && w.capitalized &&
              std::any_of(wk.cands.data() + first, wk.cands.data() + wk.used,
                          [](const slot_candidate& c) { return c.upos == "PROPN"; }))
            wk.ask_name.push_back(k - 1);
          break;
        }
        case token_kind::number:
          add_kind_candidate(wk, "NUM", t.form);
          break;
        case token_kind::punct:
          add_kind_candidate(wk, is_symbol(t.form) ? upos_tag("SYM") : upos_tag("PUNCT"), t.form);
          // A colon or an opening quote starts a new clause, often capitalized.
          if (t.form == ":" || t.form == "\"" || t.form == "”" || t.form == "“" || t.form == "«" ||
              t.form == "–")
            initial = true;
          break;
        case token_kind::symbol:
          add_kind_candidate(wk, "SYM", t.form);
          break;
        case token_kind::url:
        case token_kind::email:
          add_kind_candidate(wk, "X", t.form);
          break;
      }
      if (wk.used == first) add_kind_candidate(wk, "X", t.form);
      w.cands = cand_list(wk.cands.data() + first, wk.used - first);
    }
  }
  const std::span<slot> slots(wk.slots.data(), n_slots);
  if (wk.cands.data() != cands_at) {
    // A guess made the array grow and move: the slots get their places again.
    slot_candidate* next_cand = wk.cands.data();
    for (slot& w : slots) {
      w.cands = cand_list(next_cand, w.cands.size());
      next_cand += w.cands.size();
    }
  }
  return n_slots;
}

}  // namespace

void tagger_impl::tag(std::vector<token>& toks, const std::vector<sentence>& sents) const {
  const std::vector<readings_view> known = fill_cache(toks);
  tag_buffers& wk = work;  // a thread_local with a constructor: looked up once
  const std::size_t n_slots = build_slots(wk, toks, sents, known);  // may move wk.slots
  const std::span<slot> slots(wk.slots.data(), n_slots);
  // Only a name at the start of a sentence asks; most documents have none that may be one.
  if (!wk.ask_name.empty()) {
    const auto names = names_inside_sentences(slots);
    for (const std::size_t a : wk.ask_name)
      slots[a].name_elsewhere = names.count(slots[a].tok->form) > 0;
  }
  std::size_t k = 0;
  for (const sentence& sent : sents) {
    if (sent.first_token >= std::min(sent.end_token, toks.size())) continue;
    const std::span<slot> s =
        slots.subspan(k, std::min(sent.end_token, toks.size()) - sent.first_token);
    k += s.size();
    disambiguate(s);
    for (std::size_t j = 0; j < s.size(); ++j) {
      token& t = toks[sent.first_token + j];
      const slot_candidate& c = s[j].cands.front();
      t.lemma = c.lemma;
      t.upos = tag_text::from_static(c.upos.name());  // upos_tag's names
      t.feats = tag_text::from_static(c.feats);      // interned (intern_feats)
    }
  }
  if (wk.slots.size() > keep_slots) wk.slots = {};
  if (wk.cands.size() > keep_cands) wk.cands = {};
}

}  // namespace detail

tagger tagger::load(const std::filesystem::path& lexicon_dir, const std::filesystem::path& analyser,
                    const tagger_limits& limits) {
  auto table = detail::exception_table::load(lexicon_dir / "lemma-exceptions.tsv");
  return tagger(std::make_shared<const detail::tagger_impl>(analyser, std::move(table), limits));
}

void tagger::tag(const document&, std::vector<token>& toks,
                 const std::vector<sentence>& sents) const {
  impl_->tag(toks, sents);
}

std::filesystem::path tagger::default_analyser_path() {
  if (const char* env = std::getenv("SVPOL_APERTIUM_SWE"); env && *env) return env;
  return "/usr/share/apertium/apertium-swe-dan/swe-dan.automorf.bin";
}

}  // namespace svpol
