// Runs compiled rule programs over a sentence's tokens.
//
// The search is RE2's BitState: a backtracking walk over the program that marks each
// (instruction, token position) pair when it first gets there. A pair reached again cannot
// lead to a match it did not lead to before (whether it succeeds depends only on the pair,
// not on the captures), so it is skipped. Each start position thus costs at most
// program size x sentence length steps, whatever the quantifiers; the marks are kept across
// start positions until a match is found, so a rule that fails over a sentence costs that
// bound once. Backtracking (rather than a Pike VM) is what lets `[lex="..."]` jump over a
// multi-token lexicon hit.
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <utility>

#include "core/words.hpp"
#include "rules/compiled.hpp"
#include "svpol/normalize.hpp"
#include "svpol/rules.hpp"

namespace svpol::rules {

namespace detail {
namespace {

// ICU counts its time limit in steps of its match engine (about a millisecond each on a
// current machine); a test on one token needs far fewer than this.
constexpr int32_t regex_time_limit = 50;
constexpr std::size_t npos = static_cast<std::size_t>(-1);
constexpr std::size_t unknown = npos - 1;  // of run::last_

bool is_negation(const std::string& norm) {
  return norm == "inte" || norm == "ej" || norm == "icke" || norm == "aldrig";
}

// Words that open a subordinate clause when they come right before its subject: the
// complementizer and subordinating conjunctions (also when the tagger gives no SCONJ), and
// relative and interrogative words. `då` is left out: it is mostly `then` in a main clause.
bool opens_subordinate(const token& t) {
  static const char* const words[] = {"att",    "som",    "om",       "ifall", "hur",    "vad",
                                      "vilken", "vilket", "vilka",    "var",   "varför", "där",
                                      "när",    "medan",  "eftersom", "innan", "tills"};
  if (t.upos == "SCONJ") return true;
  return std::any_of(std::begin(words), std::end(words),
                     [&](const char* w) { return t.norm == w; });
}

bool is_clause_punct(const std::string& form) {
  return form == "," || form == ";" || form == ":" || form == "(" || form == ")" ||
         form == "\u2013" || form == "\u2014";
}

// A token's key: every attribute a test can read (token_attr), separated by a byte no UTF-8
// text contains, then zero bytes up to a whole number of words. token_key_size is its length
// before those; write_token_key writes it, padding included, to `out`.
std::size_t token_key_size(const token& t) {
  return t.form.size() + t.norm.size() + t.lemma.size() + t.upos.size() + t.feats.size() + 6;
}

// Copies `n` bytes: the attributes are mostly a few bytes long, and memcpy of a size known only
// at run time was a call each (a visible part of find_all); two copies of a fixed size that
// overlap in the middle are a few moves.
void copy_short(char* out, const char* from, std::size_t n) {
  if (n >= 16) {
    std::memcpy(out, from, n);
  } else if (n >= 8) {
    std::memcpy(out, from, 8);
    std::memcpy(out + n - 8, from + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(out, from, 4);
    std::memcpy(out + n - 4, from + n - 4, 4);
  } else if (n > 0) {
    // The first, middle and last bytes are all of them.
    out[0] = from[0];
    out[n / 2] = from[n / 2];
    out[n - 1] = from[n - 1];
  }
}

void write_token_key(const token& t, std::size_t size, char* out) {
  // The last word first, so that the attributes leave its padding zero.
  std::memset(out + (size + 7) / 8 * 8 - 8, 0, 8);
  for (const std::string_view a : {std::string_view(t.form), std::string_view(t.norm),
                                   std::string_view(t.lemma), t.upos.view(), t.feats.view()}) {
    copy_short(out, a.data(), a.size());
    out += a.size();
    *out++ = '\xff';
  }
  *out = static_cast<char>(t.kind);
}

// FxHash over the words of a padded key and its length: cheap, and what thread_state's table
// needs (it takes the top bits, which the last multiplication mixes).
std::uint64_t key_hash(const char* padded, std::size_t size) {
  std::uint64_t h = size;
  for (std::size_t i = 0; i < (size + 7) / 8 * 8; i += 8)
    h = (std::rotl(h, 5) ^ svpol::detail::load_word(padded + i)) * 0x517cc1b727220a95ull;
  return h;
}

// to[i] |= from[i] for i < n. Out of the loops that call it, as there the compiler had to assume
// that a store to `to` could change the loop's bound or `from`, and kept them in memory.
[[gnu::always_inline]] inline void or_into(std::uint64_t* __restrict to,
                                           const std::uint64_t* __restrict from, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) to[i] |= from[i];
}

// A step of matcher::search: an instruction at a position, or (with `restore` in pc) a capture
// slot to set back to the position it had. Two words, as a push per split and save was a
// visible part of the search with four.
struct job {
  static constexpr std::size_t restore = std::size_t{1} << (sizeof(std::size_t) * 8 - 1);
  std::size_t pc;   // or restore | the capture slot
  std::size_t pos;  // or the slot's old position
};

// What a thread keeps between calls of matcher::match for one rule set: the ICU matchers (one
// per regex, made on first use; RegexPattern is thread-safe, RegexMatcher is not), and the
// results of the tests and conditions by token. A test reads only the token's attributes, so
// its result is the same wherever that token recurs; text is Zipf-distributed, so most tokens
// of a sentence were seen before and their tests, several hundred, cost one hash lookup. When
// results for more than `max_tokens` distinct tokens are kept, those not used since the last
// such sweep are dropped, between calls, and then others down to half: that bounds the memory
// and keeps the frequent ones. It also keeps the buffers of a call, so that a sentence
// allocates nothing once they have grown.
//
// The tokens are an open-addressing table (linear probing, at most half full) of one block
// each, so that a lookup touches the slot and then one block, where a node-based map would
// follow a bucket, a node, its key and two vectors: at tens of thousands of tokens those are
// cache misses, and they were most of the lookup's time. A block is, in 64-bit words:
//   [0]        the key's length in bytes, with flag_used and flag_done above bit 32;
//   [1, k]     the key of write_token_key, zero-padded;
//   then the bits: one per rule that can start at the token (see compiled_rule::first_conds;
//   the lex part is added per sentence), what every rule would otherwise ask at every
//   position, asked once per distinct token; one per cut whose tests pass on it, so that one
//   pass over a sentence finds where each cut last passes; then per attr_check::memo and
//   cond_node::memo one bit for whether the result is known and one for the result, in pairs of
//   words (64 known bits, then the 64 results of the same memos), so that a lookup reads one
//   cache line where known and result words half a block apart were often two misses.
struct thread_state {
  struct slot {
    std::uint64_t hash = 0;
    std::unique_ptr<std::uint64_t[]> block;  // null: empty
  };
  static constexpr std::uint64_t flag_used = 1ull << 32;  // since the last sweep
  static constexpr std::uint64_t flag_done = 1ull << 33;  // the rule and cut bits are set
  static constexpr std::uint64_t size_mask = flag_used - 1;

  std::uint64_t owner = 0;  // rule_set_data::id
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
  std::vector<slot> slots;  // a power of two of them
  int shift = 64;           // a hash's slot is its top bits: hash >> shift
  std::size_t count = 0;    // blocks in slots
  // Scratch for prepare and find: the keys of a sentence's tokens one after another, where each
  // begins, its length and its hash.
  std::string keys;
  std::vector<std::size_t> key_from, key_size;
  std::vector<std::uint64_t> key_hashes;
  // By lexicon class: the rule bits of the rules whose match can begin with a hit of it
  // (compiled_rule::first_lex), and the cut bits of the cuts it passes (cut::classes), as in a
  // token's block. A lexicon has a few dozen classes; matching each hit against every rule's and
  // cut's classes was a visible part of the run. Dropped when there are `max_classes`.
  std::unordered_map<std::string, std::vector<std::uint64_t>> class_bits;
  static constexpr std::size_t max_classes = 4096;
  // A token takes about 420 bytes here (block and slots; measured as peak RSS over tokens
  // kept), so this is some 30 MB: what 30,000 took with a byte per memo slot in a node-based
  // map. Fewer, and a corpus's tokens outnumber those kept and are computed again and again.
  static constexpr std::size_t max_tokens = 75'000;
  // The buffers of class run, lent to it for a call.
  std::vector<std::uint64_t*> bits;
  std::vector<std::uint64_t> lex_bits;
  std::vector<std::size_t> last, last_known, next;
  std::vector<std::uint64_t> any;
  std::vector<std::size_t> hits_from, hit_order;
  std::vector<std::uint64_t> visited;
  std::vector<std::size_t> caps;
  std::vector<job> stack;
  std::vector<std::uint64_t> word_hits;  // run::word_tests's, per memo word

  static thread_state& of(const rule_set_data& data) {
    thread_local thread_state s;
    if (s.owner != data.id) {
      s = thread_state();
      s.owner = data.id;
      s.matchers.resize(data.regex_count);
    }
    if (s.count > max_tokens) s.sweep();
    return s;
  }

  // Readies the lookup of tokens [first, end) with find(): their keys and hashes, and their
  // slots and then their blocks (`bit_words` words of bits after the key) fetched ahead of use,
  // so that the cache misses of a sentence's tokens overlap instead of coming one after
  // another.
  void prepare(const std::vector<token>& tokens, std::size_t first, std::size_t end,
               std::size_t bit_words) {
    const std::size_t n = end - first;
    key_from.resize(n);
    key_size.resize(n);
    key_hashes.resize(n);
    // Sized once and copied into: appending the attributes one by one to a string was a
    // visible part of the lookup.
    std::size_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      key_from[i] = total;
      key_size[i] = token_key_size(tokens[first + i]);
      total += (key_size[i] + 7) / 8 * 8;
    }
    keys.resize(total);
    for (std::size_t i = 0; i < n; ++i)
      write_token_key(tokens[first + i], key_size[i], keys.data() + key_from[i]);
    // Grown first, so that the prefetches fetch the slots find() probes (it may still grow the
    // table for a sentence of very many new tokens).
    if (2 * (count + n) > slots.size()) grow();
    for (std::size_t i = 0; i < n; ++i) {
      key_hashes[i] = key_hash(keys.data() + key_from[i], key_size[i]);
      __builtin_prefetch(&slots[static_cast<std::size_t>(key_hashes[i] >> shift)]);
    }
    // Then each block whole: its key, which find() compares, and its bits, which the caller reads
    // next (fetching those only once find() had returned left the caller waiting for them). The
    // block is found by its hash, as find() will find it: a token's first slot holds another
    // token's about a third of the time.
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t h = key_hashes[i];
      for (std::size_t j = static_cast<std::size_t>(h >> shift);; j = (j + 1) & mask) {
        const slot& s = slots[j];
        if (!s.block) break;
        if (s.hash == h) {
          const char* const from = reinterpret_cast<const char*>(s.block.get());
          const char* const to = from + 8 * (1 + (key_size[i] + 7) / 8 + bit_words);
          for (const char* line = from; line < to; line += 64) __builtin_prefetch(line);
          __builtin_prefetch(to - 1);
          break;
        }
      }
    }
  }

  // The block of the i-th token of prepare() (its bits after the key; added with `bit_words`
  // zero words of bits if new; marked used).
  std::uint64_t* find(std::size_t i, std::size_t bit_words) {
    const char* const k = keys.data() + key_from[i];
    const std::size_t size = key_size[i];
    const std::uint64_t h = key_hashes[i];
    const std::size_t padded = (size + 7) / 8 * 8, key_words = padded / 8;
    if (2 * (count + 1) > slots.size()) grow();
    const std::size_t mask = slots.size() - 1;
    for (std::size_t j = static_cast<std::size_t>(h >> shift);; j = (j + 1) & mask) {
      slot& s = slots[j];
      if (!s.block) {
        s.hash = h;
        s.block.reset(new std::uint64_t[1 + key_words + bit_words]());
        s.block[0] = size | flag_used;
        std::memcpy(&s.block[1], k, padded);
        ++count;
        return &s.block[0];
      }
      if (s.hash == h && (s.block[0] & size_mask) == size &&
          std::memcmp(&s.block[1], k, padded) == 0) {
        s.block[0] |= flag_used;
        return &s.block[0];
      }
    }
  }

  static std::uint64_t* bits_of(std::uint64_t* block) {
    return block + 1 + ((block[0] & size_mask) + 7) / 8;
  }

 private:
  void place(slot&& s) {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = static_cast<std::size_t>(s.hash >> shift);
    while (slots[i].block) i = (i + 1) & mask;
    slots[i] = std::move(s);
  }

  // Moves the blocks into a table of `n` slots (a power of two, more than count).
  void rebuild(std::size_t n) {
    std::vector<slot> old = std::exchange(slots, std::vector<slot>(n));
    shift = 64 - std::countr_zero(n);
    for (auto& s : old)
      if (s.block) place(std::move(s));
  }

  void grow() { rebuild(slots.empty() ? 1024 : 2 * slots.size()); }

  void sweep() {
    for (auto& s : slots)
      if (s.block && !(std::exchange(s.block[0], s.block[0] & ~flag_used) & flag_used)) {
        s.block.reset();
        --count;
      }
    // Still more than half: the used ones outnumber what is kept. Dropping some of them (in
    // table order, which has nothing to do with frequency) rather than all keeps the others
    // from being computed again at once.
    for (auto& s : slots)
      if (count > max_tokens / 2 && s.block) {
        s.block.reset();
        --count;
      }
    rebuild(slots.size());  // the probe sequences crossed the emptied slots
  }
};

// What one call of matcher::match needs besides the immutable rules: the thread's state and
// the hits.
class run {
 public:
  run(const rule_set_data& data, const std::vector<token>& tokens, std::size_t first,
      std::size_t end, const lexicon_hits& hits)
      : data_(data),
        tokens_(tokens),
        first_(first),
        end_(end),
        hits_(hits),
        state_(thread_state::of(data)),
        rule_words_((data.rules.size() + 63) / 64),
        cut_words_((data.cuts.size() + 63) / 64),
        words_(rule_words_ + cut_words_),
        memo_words_((data.memo_count + 63) / 64) {
    lend();
    const std::size_t n = end - first;
    // Sized, then cleared in place: assign was an out-of-line call per buffer and sentence.
    bits_.resize(n);
    // Zero between calls (see ~run), so only sized: most positions have no hit.
    lex_bits_.resize(n * words_);
    // The hits by start position: hit_order_[hits_from_[i], hits_from_[i + 1]) begin at
    // first + i, longest first (it is tried first), in the order of `hits` among equals.
    hits_from_.resize(n + 1);
    std::fill_n(hits_from_.begin(), n + 1, 0);
    auto inside = [&](const lexicon_hit& h) {
      return h.begin >= first && h.begin < h.end && h.end <= end;
    };
    for (const auto& h : hits)
      if (inside(h)) ++hits_from_[h.begin - first];
    for (std::size_t i = 1; i <= n; ++i) hits_from_[i] += hits_from_[i - 1];  // bucket ends
    hit_order_.resize(hits_from_[n]);
    for (std::size_t i = hits.size(); i-- > 0;)  // each end moves back to its bucket's start
      if (inside(hits[i])) hit_order_[--hits_from_[hits[i].begin - first]] = i;
    for (std::size_t i = 0; i < n; ++i)
      if (hits_from_[i + 1] - hits_from_[i] > 1)
        std::sort(hit_order_.begin() + static_cast<std::ptrdiff_t>(hits_from_[i]),
                  hit_order_.begin() + static_cast<std::ptrdiff_t>(hits_from_[i + 1]),
                  [&](std::size_t a, std::size_t b) {
                    return hits[a].end != hits[b].end ? hits[a].end > hits[b].end : a < b;
                  });
    // Which rules can start anywhere and which cuts pass anywhere (any_), in the pass that looks
    // the tokens up; where a cut last passes is looked for only when a rule needs it (last_pass):
    // with a few hundred cuts, finding that for all of them in this pass was a visible part of
    // the run.
    // One word more, zero: rules() reads a cut word of rule_set_data::cut_check where there may
    // be no cuts.
    any_.resize(words_ + 1);
    std::fill_n(any_.begin(), words_ + 1, 0);
    last_.resize(data.cuts.size(), unknown);  // unknown between calls (see ~run)
    last_known_.clear();
    const std::size_t all_words = words_ + 2 * memo_words_;
    state_.prepare(tokens_, first, end, all_words);
    for (std::size_t p = first; p < end; ++p) {
      std::uint64_t* const block = state_.find(p - first, all_words);
      std::uint64_t* const bits = thread_state::bits_of(block);
      bits_[p - first] = bits;
      if (!(block[0] & thread_state::flag_done)) [[unlikely]] {
        // Another thread may have done this token's bits (rule_set_data::shared); they are
        // published only when complete: a regex that takes too long throws from token_bits.
        const std::string_view key(reinterpret_cast<const char*>(block + 1),
                                   static_cast<std::size_t>(block[0] & thread_state::size_mask));
        const std::uint64_t hash = state_.key_hashes[p - first];
        if (!data.shared.fetch(key, hash, bits, all_words)) {
          std::fill(bits, bits + words_, 0);
          word_tests(p, bits + words_);
          token_bits(p, bits);
          data.shared.publish(key, hash, bits, all_words);
        }
        block[0] |= thread_state::flag_done;
      }
      or_into(any_.data(), bits, words_);
      if (hits_from_[p - first] != hits_from_[p - first + 1]) lex_bits(p);
    }
  }

  run(const run&) = delete;
  run& operator=(const run&) = delete;
  // Leaves lex_bits_ zero and last_ unknown for the next call, setting back only what this one
  // set: clearing them whole was a visible part of a call.
  ~run() {
    for (const std::size_t i : hit_order_)
      std::fill_n(
          lex_bits_.begin() + static_cast<std::ptrdiff_t>((hits_[i].begin - first_) * words_),
          words_, 0);
    for (const std::size_t c : last_known_) last_[c] = unknown;
    lend();
  }

  // Runs the rules that can match in the sentence, into `out`: those that can start somewhere
  // (any_, a bit each: a call of rule per rule that then returned at once was 15% of a warm
  // call's instructions) and each of whose cuts passes somewhere (rule_set_data::cut_masks; most
  // of the former stop there).
  void rules(std::vector<match>& out) {
    const rule_set_data::cut_check* const checks = data_.cut_checks.data();
    const std::uint64_t* const cuts_any = any_.data() + rule_words_;
    for (std::size_t w = 0; w < rule_words_; ++w)
      for (std::uint64_t bits = any_[w]; bits != 0; bits &= bits - 1) {
        const std::size_t index = 64 * w + static_cast<std::size_t>(std::countr_zero(bits));
        const rule_set_data::cut_check& c = checks[index];
        if ((c.first.bits & ~cuts_any[c.first.word]) | (c.second.bits & ~cuts_any[c.second.word]))
          continue;
        bool pass = true;
        for (std::uint32_t m = c.more_from; pass && m < c.more_to; ++m)
          pass = !(data_.cut_masks[m].bits & ~cuts_any[data_.cut_masks[m].word]);
        if (pass) rule(index, out);
      }
  }

  // Rule `index`, one that rules() found can match. Out of line: inlined into the loop of
  // rules(), which mostly skips it, it left that loop short of registers.
  [[gnu::noinline]] void rule(std::size_t index, std::vector<match>& out) {
    const compiled_rule& r = data_.rules[index];
    // A match passes each cut (compiled_rule::cuts): at its start or later, and within its reach
    // where that is known (the search for the next pass below then also ends the loop).
    std::size_t limit = end_;
    for (const auto& u : r.cuts)
      if (u.reach == compiled_rule::no_reach) limit = std::min(limit, last_pass(u.cut) + 1);
    next_.resize(r.cuts.size());
    std::fill_n(next_.begin(), r.cuts.size(), npos);  // not looked for yet
    rule_ = &r;
    const std::size_t width = end_ - first_ + 1;
    bool fresh = false;
    // The buffer keeps the largest size seen (resizing it per rule cost time); only the words
    // of this rule's marks are cleared.
    visited_words_ = (r.program.size() * width + 63) / 64;
    if (visited_.size() < visited_words_) visited_.resize(visited_words_);
    caps_.resize(2 * r.info.captures.size());
    for (std::size_t s = first_; s < limit;) {
      if (!can_start(index, s)) {
        ++s;
        continue;
      }
      // The first start from which each cut can be passed within its reach: the positions
      // before it are skipped, as the search from them would fail.
      std::size_t skip_to = s;
      for (std::size_t i = 0; i < r.cuts.size(); ++i) {
        const auto& u = r.cuts[i];
        if (u.reach == compiled_rule::no_reach) continue;
        if (next_[i] < s || next_[i] == npos) next_[i] = next_pass(u.cut, s);
        if (next_[i] - s > u.reach) skip_to = std::max(skip_to, next_[i] - u.reach);
      }
      if (skip_to != s) {
        s = skip_to;
        continue;
      }
      if (!fresh) {
        std::fill_n(visited_.begin(), visited_words_, 0);
        fresh = true;
      }
      std::fill(caps_.begin(), caps_.end(), npos);
      const std::size_t e = search(r, s);
      if (e == npos) {
        ++s;
        continue;
      }
      struct match m;
      m.rule = index;
      m.begin = s;
      m.end = e;
      for (std::size_t c = 0; c < r.info.captures.size(); ++c)
        if (caps_[2 * c] != npos && caps_[2 * c + 1] != npos && caps_[2 * c] <= caps_[2 * c + 1])
          m.captures.push_back({r.info.captures[c], caps_[2 * c], caps_[2 * c + 1]});
      // Marks made on the way to a match may lie on the way to the next one.
      std::fill_n(visited_.begin(), visited_words_, 0);
      if (accepts(r.info, m)) {
        out.push_back(std::move(m));
        s = std::max(e, s + 1);
      } else {
        ++s;
      }
    }
  }

 private:
  // Swaps the buffers with the thread's: in at the start of a call, back at its end (not after
  // an exception in the constructor; they are then made anew).
  void lend() {
    std::swap(bits_, state_.bits);
    std::swap(lex_bits_, state_.lex_bits);
    std::swap(last_, state_.last);
    std::swap(last_known_, state_.last_known);
    std::swap(next_, state_.next);
    std::swap(any_, state_.any);
    std::swap(hits_from_, state_.hits_from);
    std::swap(hit_order_, state_.hit_order);
    std::swap(visited_, state_.visited);
    std::swap(caps_, state_.caps);
    std::swap(stack_, state_.stack);
  }

  // Whether one of the instructions a match of rule `index` begins with passes at `pos`: when
  // none does, the search from `pos` fails without reaching any other position, so skipping it
  // changes nothing but the time.
  bool can_start(std::size_t index, std::size_t pos) const {
    const std::size_t p = pos - first_, w = index / 64;
    return ((bits_[p][w] | lex_bits_[p * words_ + w]) >> (index % 64)) & 1;
  }

  // The last position where cut `c` passes, which it does somewhere in the sentence.
  std::size_t last_pass(std::size_t c) {
    std::size_t& last = last_[c];
    if (last == unknown) {
      last_known_.push_back(c);
      const std::size_t w = rule_words_ + c / 64;
      const std::uint64_t bit = 1ull << (c % 64);
      last = end_;
      while (last-- > first_ &&
             !((bits_[last - first_][w] | lex_bits_[(last - first_) * words_ + w]) & bit)) {
      }
    }
    return last;
  }

  // The first position from `pos` on where cut `c` passes, or end_.
  std::size_t next_pass(std::size_t c, std::size_t pos) const {
    const std::size_t w = rule_words_ + c / 64;
    const std::uint64_t bit = 1ull << (c % 64);
    for (; pos < end_; ++pos)
      if ((bits_[pos - first_][w] | lex_bits_[(pos - first_) * words_ + w]) & bit) break;
    return pos;
  }

  static void set_bit(std::uint64_t* bits, std::size_t i) { bits[i / 64] |= 1ull << (i % 64); }

  // The results of all word tests (rule_set_data::words) on the token at `pos`, into its memo
  // bits `memo` (known and result words in pairs, all zero before): a test passes when the
  // value it reads is one of its words, or with `!=` when it is not.
  void word_tests(std::size_t pos, std::uint64_t* memo) {
    const detail::word_tests& w = data_.words;
    if (w.groups == 0) return;
    const token& t = tokens_[pos];
    std::vector<std::uint64_t>& hit = state_.word_hits;
    hit.assign(memo_words_, 0);
    auto look = [&](std::string_view v, unsigned group) {
      if (const detail::word_tests::entry* e = w.find(v, group))
        for (std::uint32_t i = e->from; i < e->to; ++i) set_bit(hit.data(), w.memos[i]);
    };
    auto read = [&](std::string_view v, unsigned src) {
      const unsigned as_is = detail::word_tests::group(src, false);
      const unsigned folded = detail::word_tests::group(src, true);
      if (w.groups >> as_is & 1) look(v, as_is);
      if (w.groups >> folded & 1) look(fold_case(v), folded);
    };
    using S = detail::word_tests::source;
    read(t.form, S::form);
    read(t.norm, S::norm);
    read(t.lemma, S::lemma);
    read(t.upos, S::pos);
    read(to_string(t.kind), S::kind);
    // One Key=Value of the CoNLL-U FEATS column matches; `_` means none (as in test()).
    if (w.groups >> detail::word_tests::group(S::feat, false) & 3) {
      std::string_view feats = t.feats;
      while (!feats.empty() && feats != "_") {
        const std::size_t bar = feats.find('|');
        read(feats.substr(0, bar), S::feat);
        feats = bar == std::string_view::npos ? std::string_view() : feats.substr(bar + 1);
      }
    }
    for (std::size_t k = 0; k < memo_words_; ++k) {
      memo[2 * k] |= w.known[k];
      memo[2 * k + 1] |= (hit[k] ^ w.negated[k]) & w.known[k];
    }
  }

  // The rule and cut bits of the token at `pos` (see thread_state): which rules can start on it by
  // a token test (or anywhere), and which cuts pass on it by a token test.
  void token_bits(std::size_t pos, std::uint64_t* bits) {
    for (std::size_t i = 0; i < data_.rules.size(); ++i) {
      const compiled_rule& r = data_.rules[i];
      rule_ = &r;  // for the message of a regex that takes too long
      if (r.starts_anywhere || std::any_of(r.first_conds.begin(), r.first_conds.end(),
                                           [&](std::size_t c) { return eval(r, c, pos); }))
        set_bit(bits, i);
    }
    for (std::size_t i = 0; i < data_.cuts.size(); ++i)
      for (const auto& [ri, node] : data_.cuts[i].conds) {
        rule_ = &data_.rules[ri];
        if (eval(*rule_, node, pos)) {
          set_bit(bits + rule_words_, i);
          break;
        }
      }
  }

  // The same bits for the lexicon hits that begin at `pos`, into lex_bits_: those of each hit's
  // class, or-ed.
  void lex_bits(std::size_t pos) {
    std::uint64_t* bits = lex_bits_.data() + (pos - first_) * words_;
    for (std::size_t i = hits_from_[pos - first_]; i < hits_from_[pos - first_ + 1]; ++i) {
      const std::vector<std::uint64_t>& of_class = class_bits(hits_[hit_order_[i]].cls);
      or_into(bits, of_class.data(), words_);
    }
    or_into(any_.data(), bits, words_);
  }

  // The rules that can start on a hit of class `cls` and the cuts it passes, as in
  // thread_state::class_bits.
  const std::vector<std::uint64_t>& class_bits(const std::string& cls) {
    auto& known = state_.class_bits;
    if (const auto it = known.find(cls); it != known.end()) return it->second;
    if (known.size() >= thread_state::max_classes) known.clear();
    std::vector<std::uint64_t> bits(words_, 0);
    auto any_class = [&](const std::vector<std::string>& classes) {
      return std::any_of(classes.begin(), classes.end(),
                         [&](const std::string& c) { return class_matches(cls, c); });
    };
    for (std::size_t i = 0; i < data_.rules.size(); ++i)
      if (any_class(data_.rules[i].first_lex)) set_bit(bits.data(), i);
    for (std::size_t i = 0; i < data_.cuts.size(); ++i)
      if (any_class(data_.cuts[i].classes)) set_bit(bits.data() + rule_words_, i);
    return known.emplace(cls, std::move(bits)).first->second;
  }

  void push(std::size_t pc, std::size_t pos) {
    if (top_ == stack_.size()) [[unlikely]]
      grow_stack();
    stack_[top_].pc = pc;
    stack_[top_].pos = pos;
    ++top_;
  }

  [[gnu::noinline]] void grow_stack() { stack_.resize(std::max<std::size_t>(64, 2 * top_)); }

  // The end of the first match starting at `start`, or npos; fills caps_.
  std::size_t search(const compiled_rule& r, std::size_t start) {
    const std::size_t width = end_ - first_ + 1;
    top_ = 0;
    push(0, start);
    while (top_ > 0) {
      const job j = stack_[--top_];
      if (j.pc & job::restore) {
        caps_[j.pc & ~job::restore] = j.pos;
        continue;
      }
      std::size_t pc = j.pc, pos = j.pos;
      for (;;) {
        const std::size_t mark = pc * width + (pos - first_);
        std::uint64_t& marks = visited_[mark / 64];
        const std::uint64_t bit = 1ull << (mark % 64);
        if (marks & bit) break;
        marks |= bit;
        const inst& in = r.program[pc];
        bool go_on = false;
        switch (in.op) {
          case inst::op_t::any:
            go_on = pos < end_;
            break;
          case inst::op_t::token:
            go_on = pos < end_ && eval(r, in.x, pos);
            break;
          case inst::op_t::lex:
            if (pos < end_) {
              for (std::size_t i = hits_from_[pos - first_ + 1]; i-- > hits_from_[pos - first_];)
                if (class_matches(hits_[hit_order_[i]].cls, in.cls))
                  push(pc + 1, hits_[hit_order_[i]].end);
            }
            break;
          case inst::op_t::split:
            push(in.y, pos);
            pc = in.x;
            continue;
          case inst::op_t::jmp:
            pc = in.x;
            continue;
          case inst::op_t::save:
            push(job::restore | in.x, caps_[in.x]);
            caps_[in.x] = pos;
            ++pc;
            continue;
          case inst::op_t::match:
            return pos;
        }
        if (!go_on) break;
        ++pc;
        ++pos;
      }
    }
    return npos;
  }

  bool accepts(const rule_info& info, const struct match& m) const {
    if (info.question != tri::any) {
      bool q = false;
      for (std::size_t i = first_; i < end_ && !q; ++i) q = tokens_[i].form == "?";
      if (q != (info.question == tri::yes)) return false;
    }
    if (info.negated != tri::any) {
      const capture* span = m.find("span");
      bool neg = false;
      for (std::size_t i = m.begin; i < m.end && !neg; ++i)
        neg = !(span && i >= span->begin && i < span->end) && is_negation(tokens_[i].norm);
      if (neg != (info.negated == tri::yes)) return false;
    }
    if (info.subordinate != tri::any) {
      const bool sub = m.begin > first_ && opens_subordinate(tokens_[m.begin - 1]);
      if (sub != (info.subordinate == tri::yes)) return false;
    }
    if (info.clause)
      for (std::size_t i = m.begin; i < m.end; ++i)
        if (tokens_[i].kind == token_kind::punct && is_clause_punct(tokens_[i].form)) return false;
    return true;
  }

  // Inline when the result is known, as it mostly is: the search asks for one per step.
  // Inlined: the search calls it per token test, and an out-of-line call was visible.
  [[gnu::always_inline]] bool eval(const compiled_rule& r, std::size_t node, std::size_t pos) {
    const std::size_t memo = r.conds[node].memo;
    const std::uint64_t* const known = bits_[pos - first_] + words_ + 2 * (memo / 64);
    const std::uint64_t bit = 1ull << (memo % 64);
    if (*known & bit) [[likely]]
      return (known[1] & bit) != 0;
    return eval_new(r, node, pos);
  }

  [[gnu::noinline]] bool eval_new(const compiled_rule& r, std::size_t node, std::size_t pos) {
    const cond_node& n = r.conds[node];
    return memoized(n.memo, pos, [&] { return compute(r, n, pos); });
  }

  // The result of memo slot `memo` (attr_check::memo or cond_node::memo) for the token at
  // `pos`: from its bits in state_.slots, or `f()` the first time, then kept there.
  template <class F>
  bool memoized(std::size_t memo, std::size_t pos, F f) {
    std::uint64_t* const known = bits_[pos - first_] + words_ + 2 * (memo / 64);
    std::uint64_t* const value = known + 1;
    const std::uint64_t bit = 1ull << (memo % 64);
    if (!(*known & bit)) {
      const bool v = f();  // may set other bits of the same word
      *known |= bit;
      if (v) *value |= bit;
    }
    return (*value & bit) != 0;
  }

  bool compute(const compiled_rule& r, const cond_node& n, std::size_t pos) {
    switch (n.op) {
      case cond_node::kind::test: {
        const attr_check& c = r.checks[n.check];
        return memoized(c.memo, pos, [&] { return test(c, tokens_[pos]); });
      }
      case cond_node::kind::all:
        return std::all_of(n.kids.begin(), n.kids.end(),
                           [&](std::size_t k) { return eval(r, k, pos); });
      case cond_node::kind::any:
        return std::any_of(n.kids.begin(), n.kids.end(),
                           [&](std::size_t k) { return eval(r, k, pos); });
      case cond_node::kind::negate:
        return !eval(r, n.kids[0], pos);
    }
    return false;
  }

  bool test(const attr_check& c, const token& t) {
    bool hit = false;
    switch (c.attr) {
      case token_attr::word:
        hit = value_matches(c, c.fold && c.literal ? t.norm : t.form);
        break;
      case token_attr::norm:
        hit = value_matches(c, t.norm);
        break;
      case token_attr::lemma:
        hit = value_matches(c, t.lemma);
        break;
      case token_attr::pos:
        hit = value_matches(c, std::string(t.upos));
        break;
      case token_attr::kind:
        hit = value_matches(c, std::string(to_string(t.kind)));
        break;
      case token_attr::feat: {
        // One Key=Value of the CoNLL-U FEATS column matches; `_` means none.
        std::string_view feats = t.feats;
        while (!hit && !feats.empty() && feats != "_") {
          const std::size_t bar = feats.find('|');
          hit = value_matches(c, std::string(feats.substr(0, bar)));
          feats = bar == std::string_view::npos ? std::string_view() : feats.substr(bar + 1);
        }
        break;
      }
      case token_attr::lex:
        break;  // compiled to a lex instruction, never a test
    }
    return hit != c.not_equal;
  }

  // CQP semantics: the value is a regular expression that must match the whole attribute.
  bool value_matches(const attr_check& c, const std::string& v) {
    if (c.literal) {
      if (!c.fold || c.attr == token_attr::word || c.attr == token_attr::norm)
        return v == c.text;  // a word's %c compares against norm, already folded
      return fold_case(v) == c.text;
    }
    if (!c.alternatives.empty()) {
      const std::string folded = c.fold ? fold_case(v) : std::string();
      const std::string& x = c.fold ? folded : v;
      if (!c.suffix) return std::binary_search(c.alternatives.begin(), c.alternatives.end(), x);
      for (const auto& a : c.alternatives)
        if (x.size() >= a.size() + c.suffix_min && x.compare(x.size() - a.size(), a.size(), a) == 0)
          return true;
      return false;
    }
    if (c.last_byte && (v.empty() || v.back() != c.last_byte)) return false;
    if (c.first_category && !first_in_category(v, c.first_category)) return false;
    if (!c.endings.empty() && std::none_of(c.endings.begin(), c.endings.end(), [&](const auto& e) {
          return v.size() >= e.size() && v.compare(v.size() - e.size(), e.size(), e) == 0;
        }))
      return false;
    return regex_matches(c, v);
  }

  // Whether the first code point of `v` is in the general category of
  // attr_check::first_category; ill-formed UTF-8 reads as U+FFFD, as ICU converts it.
  static bool first_in_category(const std::string& v, std::uint8_t category) {
    if (v.empty()) return false;
    std::size_t i = 0;
    UChar32 cp;
    U8_NEXT(v.data(), i, v.size(), cp);
    const std::uint32_t mask = U_GET_GC_MASK(cp < 0 ? 0xFFFD : cp);
    return (mask & (category == 2   ? U_GC_LU_MASK
                    : category == 3 ? U_GC_LL_MASK
                                    : U_GC_L_MASK)) != 0;
  }

  bool regex_matches(const attr_check& c, const std::string& v) {
    auto& m = state_.matchers[c.regex_slot];
    UErrorCode st = U_ZERO_ERROR;
    if (!m) {
      m.reset(c.regex->matcher(st));
      if (U_FAILURE(st))
        throw error(std::string("cannot create a regex matcher: ") + u_errorName(st));
      m->setTimeLimit(regex_time_limit, st);
    }
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(v);
    m->reset(u);
    const bool r = m->matches(st);
    if (st == U_REGEX_TIME_OUT || st == U_REGEX_STACK_OVERFLOW) {
      diagnostic d = c.where;
      d.message = "regular expression in rule '" + rule_->info.id + "' took too long on '" +
                  shorten(v) + "' (" + u_errorName(st) + ")";
      throw rule_error({std::move(d)});
    }
    if (U_FAILURE(st)) throw error(std::string("regular expression failed: ") + u_errorName(st));
    return r;
  }

  // The first 40 bytes of `v` for a message, cut on a code point boundary.
  static std::string shorten(const std::string& v) {
    if (v.size() <= 40) return v;
    std::size_t n = 40;
    while (n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
    return v.substr(0, n) + "...";
  }

  const rule_set_data& data_;
  const std::vector<token>& tokens_;
  std::size_t first_, end_;
  const lexicon_hits& hits_;
  thread_state& state_;
  // Of a token's bits (see thread_state): rules, cuts, and both; then the memo's known bits (as
  // many words of results follow).
  std::size_t rule_words_, cut_words_, words_, memo_words_;
  // The buffers of thread_state, lent for the call:
  std::vector<std::uint64_t*> bits_;     // per token: its bits in state_.slots
  std::vector<std::uint64_t> lex_bits_;  // per token, words_ each: the bits of its hits; zero
                                         // between calls, in state_ too
  std::vector<std::size_t> last_;        // per cut: where it last passes, or unknown
  std::vector<std::size_t> last_known_;  // the cuts whose last_ is known
  std::vector<std::size_t> next_;        // per cut of the rule: where it next passes, see rule
  std::vector<std::uint64_t> any_;       // words_: the bits of all positions, or-ed
  std::vector<std::size_t> hits_from_;   // per position and one more: see the constructor
  std::vector<std::size_t> hit_order_;   // indices into hits_, by start position
  // A bit per (instruction, position), see search: plain words, as vector<bool>'s proxies cost
  // time in the search loop.
  std::vector<std::uint64_t> visited_;
  std::size_t visited_words_ = 0;  // of visited_, those the current rule uses
  std::vector<std::size_t> caps_;  // per capture slot: its position or npos
  // search's stack: the jobs below top_ (grown, never shrunk, so that a push is two stores).
  std::vector<job> stack_;
  std::size_t top_ = 0;
  const compiled_rule* rule_ = nullptr;
};

}  // namespace
}  // namespace detail

const capture* match::find(std::string_view name) const {
  for (const auto& c : captures)
    if (c.name == name) return &c;
  return nullptr;
}

std::pair<std::size_t, std::size_t> match::span() const {
  if (const capture* s = find("span")) return {s->begin, s->end};
  return {begin, end};
}

namespace detail {
namespace {

// std::stable_sort of a sentence's few matches: by insertion, which leaves matches already in
// order (as they mostly are) untouched after one comparison each, where std::stable_sort
// allocated a buffer and merged for any two. The same order: a stable sort's is the only one.
template <class Less>
void sort_matches(std::vector<struct match>& v, Less less) {
  if (v.size() > 32) {
    std::stable_sort(v.begin(), v.end(), less);
    return;
  }
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (!less(v[i], v[i - 1])) continue;
    struct match m = std::move(v[i]);
    std::size_t j = i;
    for (; j > 0 && less(m, v[j - 1]); --j) v[j] = std::move(v[j - 1]);
    v[j] = std::move(m);
  }
}

bool by_position(const struct match& a, const struct match& b) {
  return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
}

}  // namespace
}  // namespace detail

matcher::matcher(rule_set rules) : rules_(std::move(rules)) {}

std::vector<rules::match> matcher::match(const std::vector<token>& tokens, std::size_t first,
                                         std::size_t end, const lexicon_hits& hits) const {
  std::vector<struct match> out;
  end = std::min(end, tokens.size());
  if (first >= end) return out;
  const auto& data = detail::access::data(rules_);
  detail::run r(data, tokens, first, end, hits);
  r.rules(out);
  detail::sort_matches(out, detail::by_position);
  return out;
}

std::vector<rules::match> matcher::resolve_overlaps(std::vector<struct match> found) const {
  const auto& data = detail::access::data(rules_);
  auto info = [&](const struct match& m) -> const rule_info& { return data.rules.at(m.rule).info; };
  detail::sort_matches(found, [&](const struct match& a, const struct match& b) {
    const auto sa = a.span(), sb = b.span();
    if (info(a).priority != info(b).priority) return info(a).priority > info(b).priority;
    if (sa.second - sa.first != sb.second - sb.first)
      return sa.second - sa.first > sb.second - sb.first;
    if (sa.first != sb.first) return sa.first < sb.first;
    return a.rule < b.rule;
  });
  // The matches kept are moved to the front of `found`, in order: those before `kept` (no new
  // vector per sentence).
  std::size_t kept = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const struct match& m = found[i];
    const auto s = m.span();
    const bool clash = std::any_of(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept),
                                   [&](const struct match& k) {
                                     const auto t = k.span();
                                     return info(k).kind == info(m).kind && s.first < t.second &&
                                            t.first < s.second;
                                   });
    if (clash) continue;
    if (kept != i) found[kept] = std::move(found[i]);
    ++kept;
  }
  found.erase(found.begin() + static_cast<std::ptrdiff_t>(kept), found.end());
  detail::sort_matches(found, detail::by_position);
  return found;
}

std::vector<std::pair<std::string, std::string>> matcher::attributes(
    const struct match& m, const std::vector<token>& tokens, const lexicon_hits& hits) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& a : rules_.rule(m.rule).attributes) {
    if (a.from == attribute_setting::source::literal) {
      out.emplace_back(a.key, a.value);
      continue;
    }
    const capture* c = m.find(a.capture);
    if (!c) continue;
    if (a.from == attribute_setting::source::text) {
      std::string text;
      for (std::size_t i = c->begin; i < c->end && i < tokens.size(); ++i)
        text += (text.empty() ? "" : " ") + tokens[i].form;
      out.emplace_back(a.key, text);
      continue;
    }
    // The lexicon hit that spans the capture exactly. Where entries of several classes span
    // it (`regeringen` is both the speaker's side and a government stakeholder), the one of a
    // class the rule names in a [lex=...] test wins.
    const auto& program = detail::access::data(rules_).rules.at(m.rule).program;
    const lexicon_hit* chosen = nullptr;
    for (const auto& h : hits) {
      if (h.begin != c->begin || h.end != c->end) continue;
      const bool named = std::any_of(program.begin(), program.end(), [&](const detail::inst& in) {
        return in.op == detail::inst::op_t::lex && class_matches(h.cls, in.cls);
      });
      if (named) {
        chosen = &h;
        break;
      }
      if (!chosen) chosen = &h;
    }
    if (chosen)
      out.emplace_back(a.key,
                       a.from == attribute_setting::source::entry ? chosen->entry : chosen->cls);
  }
  return out;
}

}  // namespace svpol::rules
