#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.hpp"
#include "svpol/conllu.hpp"
#include "svpol/writers.hpp"

namespace svpol {

namespace {

// `s` as a JSON string, escaped by nlohmann::json exactly as dump() escapes a member.
void append_json_string(std::string& out, std::string_view s) {
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
  std::string line;
  for (const finding& f : found) {
    line = head;
    append_json_string(line, rules::to_string(f.kind));
    line += ",\"start\":";
    line += std::to_string(doc.codepoint_offset(f.span.begin));
    line += ",\"end\":";
    line += std::to_string(doc.codepoint_offset(f.span.end));
    line += ",\"text\":";
    append_json_string(line, doc.slice(f.span));
    line += ",\"rule\":";
    append_json_string(line, f.rule);
    line += ",\"attributes\":";
    nlohmann::ordered_json attrs = nlohmann::ordered_json::object();  // a repeated key: the last
    for (const auto& [k, v] : f.attributes) attrs[k] = v;
    line += attrs.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += ",\"lexicon\":[";
    for (std::size_t i = 0; i < f.entries.size(); ++i) {
      if (i) line += ',';
      append_json_string(line, f.entries[i]);
    }
    line += "],\"sentence\":";
    line += std::to_string(f.sentence + 1);
    line += tail;
    out << line;
  }
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
