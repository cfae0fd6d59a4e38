#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.hpp"
#include "svpol/conllu.hpp"
#include "svpol/writers.hpp"

namespace svpol {

void write_findings_jsonl(std::ostream& out, const document& doc,
                          const std::vector<finding>& found) {
  if (found.empty()) return;
  // The document's metadata is the same on each of its findings: it is written out once, and
  // appended to each finding's object in place of its closing brace.
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  for (const auto& [k, v] : doc.meta()) meta[k] = v;
  const std::string meta_text =
      meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}\n";
  std::string line;
  for (const finding& f : found) {
    nlohmann::ordered_json j;
    j["doc"] = doc.id();
    j["label"] = rules::to_string(f.kind);
    j["start"] = doc.codepoint_offset(f.span.begin);
    j["end"] = doc.codepoint_offset(f.span.end);
    j["text"] = doc.slice(f.span);
    j["rule"] = f.rule;
    nlohmann::ordered_json attrs = nlohmann::ordered_json::object();
    for (const auto& [k, v] : f.attributes) attrs[k] = v;
    j["attributes"] = std::move(attrs);
    j["lexicon"] = f.entries;
    j["sentence"] = f.sentence + 1;
    line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line.pop_back();  // '}'
    line += ",\"meta\":";
    line += meta_text;
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
