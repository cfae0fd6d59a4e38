#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.hpp"
#include "core/words.hpp"
#include "svpol/conllu.hpp"
#include "svpol/writers.hpp"

namespace svpol {

namespace {

// True when none of the eight bytes of `w` is 0x80 or above, below 0x20, '"' or '\\'. For
// each the test of "some byte is zero" ((v - 0x01..) & ~v & 0x80..), exact as a whole: for the
// quote and the backslash on `w` xor-ed with them, for the control characters on `w` less 0x20
// in each byte (which has the top bit only from a byte below 0x20, or one of 0x80 up).
bool plain_ascii(std::uint64_t w) {
  using detail::byte_highs, detail::byte_ones, detail::has_byte;
  return ((w & byte_highs) | ((w - 0x20 * byte_ones) & ~w & byte_highs) | has_byte(w, '"') |
          has_byte(w, '\\')) == 0;
}

// Whether dump() writes `s` between quotes unchanged: well-formed UTF-8 (dump replaces the
// rest) without a quote, a backslash or a control character (which it escapes). Eight bytes at
// a time while they are plain ASCII, else a byte or a UTF-8 sequence.
bool dumps_as_is(std::string_view s) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    if (i + 8 <= n) {
      if (plain_ascii(detail::load_word(s.data() + i))) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      if (p[i] < 0x20 || p[i] == '"' || p[i] == '\\') return false;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

void append_number(std::string& out, std::size_t n) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, r.ptr);
}

// `s` as a JSON string, escaped by nlohmann::json exactly as dump() escapes a member. Most
// strings need no escaping, and for them building a json value and dumping it was most of the
// writer's time.
void append_json_string(std::string& out, std::string_view s) {
  if (dumps_as_is(s)) {
    out += '"';
    out += s;
    out += '"';
    return;
  }
  out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void write_findings_jsonl(std::ostream& out, const document& doc,
                          const std::vector<finding>& found) {
  if (found.empty()) return;
  // Each line is written field by field, in the order and form that dumping an ordered_json
  // object of the same members gives (a test compares the two): building that object for every
  // finding, with its keys, and then dumping it took half of the writer's time. The document's
  // id and metadata, the same on each of its findings, are escaped once.
  std::string head = "{\"doc\":";
  append_json_string(head, doc.id());
  head += ",\"label\":";
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  for (const auto& [k, v] : doc.meta()) meta[k] = v;
  const std::string tail =
      ",\"meta\":" + meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}\n";
  // The lines go out a batch at a time (ostream's per-call cost showed in profiles), at most
  // about a megabyte, so that a document with very many findings does not hold them all.
  constexpr std::size_t batch_bytes = 1 << 20;
  std::string lines;
  // (A guess at the lines' size, the document's part and 256 bytes for the finding's own, saves
  // growing the buffer step by step.)
  lines.reserve(std::min(batch_bytes, found.size() * (head.size() + tail.size() + 256)));
  for (const finding& f : found) {
    std::string& line = lines;
    line += head;
    append_json_string(line, rules::to_string(f.kind));
    line += ",\"start\":";
    append_number(line, doc.codepoint_offset(f.span.begin));
    line += ",\"end\":";
    append_number(line, doc.codepoint_offset(f.span.end));
    line += ",\"text\":";
    append_json_string(line, doc.slice(f.span));
    line += ",\"rule\":";
    append_json_string(line, f.rule);
    line += ",\"attributes\":";
    // As an ordered_json object would have them: a repeated key keeps its first place and takes
    // its last value.
    line += '{';
    for (std::size_t i = 0; i < f.attributes.size(); ++i) {
      const auto& key = f.attributes[i].first;
      auto same = [&](const auto& a) { return a.first == key; };
      if (std::any_of(f.attributes.begin(), f.attributes.begin() + static_cast<std::ptrdiff_t>(i),
                      same))
        continue;
      if (line.back() != '{') line += ',';
      append_json_string(line, key);
      line += ':';
      append_json_string(line,
                         std::find_if(f.attributes.rbegin(), f.attributes.rend(), same)->second);
    }
    line += '}';
    line += ",\"lexicon\":[";
    for (std::size_t i = 0; i < f.entries.size(); ++i) {
      if (i) line += ',';
      append_json_string(line, f.entries[i]);
    }
    line += "],\"sentence\":";
    append_number(line, f.sentence + 1);
    line += tail;
    if (lines.size() >= batch_bytes) {
      out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
      lines.clear();
    }
  }
  out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
}

void write_findings_tsv_header(std::ostream& out) {
  out << "doc\tlabel\tstart\tend\ttext\trule\tattributes\tlexicon\tmeta\n";
}

void write_findings_tsv(std::ostream& out, const document& doc, const std::vector<finding>& found) {
  std::string meta;
  for (const auto& [k, v] : doc.meta()) meta += (meta.empty() ? "" : ";") + k + "=" + v;
  for (const finding& f : found) {
    std::string attrs, lex;
    for (const auto& [k, v] : f.attributes) attrs += (attrs.empty() ? "" : ";") + k + "=" + v;
    for (const auto& e : f.entries) lex += (lex.empty() ? "" : ";") + e;
    out << detail::one_line(doc.id()) << '\t' << rules::to_string(f.kind) << '\t'
        << doc.codepoint_offset(f.span.begin) << '\t' << doc.codepoint_offset(f.span.end) << '\t'
        << detail::one_line(doc.slice(f.span)) << '\t' << f.rule << '\t' << detail::one_line(attrs)
        << '\t' << detail::one_line(lex) << '\t' << detail::one_line(meta) << '\n';
  }
}

void write_findings_conllu(std::ostream& out, const document& doc, const analysis& a,
                           const std::vector<finding>& found) {
  // BIO tags per token, then the plain CoNLL-U with them appended to MISC.
  std::vector<std::string> tags(a.tokens.size());
  for (const finding& f : found)
    for (std::size_t i = f.first_token; i < f.end_token && i < tags.size(); ++i)
      tags[i] += std::string(tags[i].empty() ? "" : ",") + (i == f.first_token ? "B-" : "I-") +
                 std::string(rules::to_string(f.kind));
  std::ostringstream plain;
  write_conllu(plain, doc, a);
  std::istringstream lines(plain.str());
  std::size_t next = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != '#' && next < tags.size()) {
      if (!tags[next].empty()) line += "|Finding=" + tags[next];
      ++next;
    }
    out << line << '\n';
  }
}

}  // namespace svpol
