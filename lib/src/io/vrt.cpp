// The whole annotated document for corpus tools: CWB/Korp VRT and a flat token JSONL.
#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "svpol/writers.hpp"

namespace svpol {

namespace {

// XML escaping as cwb-encode -x and Korp's importers undo it. Tabs and line breaks would break
// the one-token-a-line layout, so they become spaces.
std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string p_attr(std::string_view s) { return s.empty() ? "_" : xml_escape(s); }

// A CWB feature set: `|a|b|`, or `|` when empty. `|` inside an item would split it.
std::string feature_set(const std::vector<std::string>& items) {
  std::string out = "|";
  for (std::string item : items) {
    std::replace(item.begin(), item.end(), '|', '/');
    out += item + "|";
  }
  return out;
}

// Metadata keys become s-attribute names, which cwb-encode wants as [a-z_][a-z0-9_]*.
std::string attr_name(std::string_view key) {
  std::string out;
  for (char c : key) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z')
      out += static_cast<char>(u - 'A' + 'a');
    else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_')
      out += c;
    else
      out += '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "m_" + out;
  return out;
}

std::string label_tag(label l) {
  std::string s(rules::to_string(l));
  std::transform(s.begin(), s.end(), s.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return s;
}

struct region {
  std::string name, open_tag;
  std::size_t begin = 0, end = 0;  // tokens
};

region region_of(const finding& f) {
  region r;
  r.name = label_tag(f.kind);
  std::vector<std::string> attrs;
  for (const auto& [k, v] : f.attributes) attrs.push_back(k + "=" + v);
  r.open_tag = "<" + r.name + " rule=\"" + xml_escape(f.rule) + "\" attributes=\"" +
               xml_escape(feature_set(attrs)) + "\" lexicon=\"" +
               xml_escape(feature_set(f.entries)) + "\">";
  r.begin = f.first_token;
  r.end = f.end_token;
  return r;
}

}  // namespace

void write_vrt(std::ostream& out, const document& doc, const analysis& a,
               const std::vector<finding>& found) {
  out << "<text id=\"" << xml_escape(doc.id()) << '"';
  std::set<std::string> seen{"id"};
  for (const auto& [k, v] : doc.meta()) {
    const std::string name = attr_name(k);
    if (!seen.insert(name).second) continue;  // a key cwb could not tell from an earlier one
    out << ' ' << name << "=\"" << xml_escape(v) << '"';
  }
  out << ">\n";
  std::size_t para = static_cast<std::size_t>(-1);
  for (std::size_t n = 0; n < a.sentences.size(); ++n) {
    const sentence& s = a.sentences[n];
    if (s.paragraph != para) {
      if (n > 0) out << "</paragraph>\n";
      out << "<paragraph id=\"" << xml_escape(doc.id()) << "-p" << (s.paragraph + 1) << "\">\n";
      para = s.paragraph;
    }
    out << "<sentence id=\"" << xml_escape(doc.id()) << '-' << (n + 1) << "\">\n";
    // This sentence's findings, outer before inner: by start, then longest first.
    std::vector<region> regions;
    for (const finding& f : found) {
      if (f.sentence != n) continue;
      region r = region_of(f);
      r.begin = std::max(r.begin, s.first_token);
      r.end = std::min(r.end, s.end_token);
      if (r.begin < r.end) regions.push_back(std::move(r));
    }
    std::stable_sort(regions.begin(), regions.end(), [](const region& x, const region& y) {
      return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
    });
    std::vector<const region*> open;  // innermost last
    std::size_t next = 0;
    for (std::size_t i = s.first_token; i <= s.end_token; ++i) {
      // Close what ends here. Regions opened inside one that ends are closed with it and
      // reopened, since regions of different labels may cross.
      for (;;) {
        const auto ends =
            std::find_if(open.begin(), open.end(), [&](const region* r) { return r->end <= i; });
        if (ends == open.end()) break;
        const auto keep = static_cast<std::size_t>(ends - open.begin());
        std::vector<const region*> reopen;
        while (open.size() > keep) {
          const region* r = open.back();
          open.pop_back();
          out << "</" << r->name << ">\n";
          if (r->end > i) reopen.push_back(r);
        }
        for (auto it = reopen.rbegin(); it != reopen.rend(); ++it) {
          out << (*it)->open_tag << '\n';
          open.push_back(*it);
        }
      }
      if (i == s.end_token) break;
      for (; next < regions.size() && regions[next].begin <= i; ++next) {
        out << regions[next].open_tag << '\n';
        open.push_back(&regions[next]);
      }
      const token& t = a.tokens[i];
      out << p_attr(t.form) << '\t' << p_attr(t.lemma) << '\t' << p_attr(t.upos) << '\n';
    }
    out << "</sentence>\n";
  }
  if (!a.sentences.empty()) out << "</paragraph>\n";
  out << "</text>\n";
}

void write_tokens_findings_jsonl(std::ostream& out, const document& doc, const analysis& a,
                                 const std::vector<finding>& found) {
  constexpr std::array<label, 3> labels = {label::commitment, label::problem, label::stakeholder};
  std::array<std::vector<std::string>, 3> tags;
  for (auto& t : tags) t.resize(a.tokens.size());
  for (const finding& f : found) {
    auto& col = tags[static_cast<std::size_t>(std::find(labels.begin(), labels.end(), f.kind) -
                                              labels.begin()) %
                     3];
    for (std::size_t i = f.first_token; i < f.end_token && i < col.size(); ++i)
      if (col[i].empty()) col[i] = (i == f.first_token ? "B-" : "I-") + f.rule;
  }
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  for (const auto& [k, v] : doc.meta()) meta[k] = v;
  for (std::size_t n = 0; n < a.sentences.size(); ++n) {
    const sentence& s = a.sentences[n];
    for (std::size_t i = s.first_token; i < s.end_token; ++i) {
      const token& t = a.tokens[i];
      nlohmann::ordered_json j;
      j["doc"] = doc.id();
      j["sentence"] = n + 1;
      j["token"] = i - s.first_token + 1;
      j["start"] = doc.codepoint_offset(t.span.begin);
      j["end"] = doc.codepoint_offset(t.span.end);
      j["form"] = t.form;
      j["lemma"] = t.lemma;
      j["upos"] = t.upos;
      j["feats"] = t.feats;
      for (std::size_t l = 0; l < labels.size(); ++l) j[label_tag(labels[l])] = tags[l][i];
      j["meta"] = meta;
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  }
}

}  // namespace svpol
