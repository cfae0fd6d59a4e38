#include "svpol/brat.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <system_error>

#include "svpol/error.hpp"

namespace svpol {

std::string_view span_annotation::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return v;
  return {};
}

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  for (std::size_t b = 0;;) {
    const std::size_t tab = line.find('\t', b);
    out.push_back(line.substr(b, tab == std::string_view::npos ? tab : tab - b));
    if (tab == std::string_view::npos) break;
    b = tab + 1;
  }
  return out;
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t b = 0;
  while (b < s.size()) {
    while (b < s.size() && s[b] == ' ') ++b;
    std::size_t e = s.find(' ', b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) out.push_back(s.substr(b, e - b));
    b = e;
  }
  return out;
}

// Byte offsets of each code point of `text`, plus its end.
std::vector<std::size_t> codepoint_bytes(const std::string& text) {
  std::vector<std::size_t> out;
  out.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(text.size());
  return out;
}

}  // namespace

std::vector<span_annotation> read_brat(std::string_view ann, const std::string& source,
                                       const std::string* text) {
  std::vector<span_annotation> out;
  std::map<std::string, std::size_t, std::less<>> by_id;
  std::vector<std::size_t> cps;
  if (text) cps = codepoint_bytes(*text);
  std::size_t line_no = 0, pos = 0;
  auto fail = [&](const std::string& message) {
    throw input_error(message, source, 0, line_no, 1);
  };
  struct pending {
    std::size_t line;
    std::string target, key, value;
  };
  std::vector<pending> attrs;
  while (pos < ann.size()) {
    std::size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    std::string_view line = ann.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const auto cols = split_tabs(line);
    if (line[0] == 'T') {
      if (cols.size() < 2) fail("expected ID<TAB>LABEL START END<TAB>TEXT");
      const auto head = split_spaces(cols[1]);
      if (head.size() < 3) fail("expected LABEL START END in '" + std::string(cols[1]) + "'");
      span_annotation a;
      a.id = std::string(cols[0]);
      a.label = std::string(head[0]);
      // START END[;START END]...
      std::string offsets;
      for (std::size_t k = 1; k < head.size(); ++k) offsets += std::string(head[k]) + " ";
      bool first = true;
      std::size_t b = 0;
      std::string_view rest = offsets;
      while (!rest.empty()) {
        const std::size_t semi = rest.find(';');
        const auto pair = split_spaces(rest.substr(0, semi));
        if (pair.size() != 2) fail("expected START END offsets in '" + std::string(cols[1]) + "'");
        // Digits only: std::stoul would read `1e8` as 1 and `-1` as a huge number.
        std::size_t s = 0, e = 0;
        auto number = [&](std::string_view digits, std::size_t& n) {
          const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
          if (ec != std::errc() || end != digits.data() + digits.size())
            fail("offsets must be numbers in '" + std::string(cols[1]) + "'");
        };
        number(pair[0], s);
        number(pair[1], e);
        if (e < s) fail("end before start in '" + std::string(cols[1]) + "'");
        // Fragments may come in any order; the span runs from the first to the last.
        a.begin = first ? s : std::min(a.begin, s);
        a.end = first ? e : std::max(a.end, e);
        first = false;
        b = e;
        if (semi == std::string_view::npos) break;
        rest.remove_prefix(semi + 1);
      }
      (void)b;
      a.text = cols.size() > 2 ? std::string(cols[2]) : std::string();
      if (text) {
        if (a.end > cps.size() - 1)
          fail("span " + std::to_string(a.begin) + "-" + std::to_string(a.end) +
               " lies outside the text (" + std::to_string(cps.size() - 1) + " characters)");
        const std::string actual = text->substr(cps[a.begin], cps[a.end] - cps[a.begin]);
        // A discontinuous span's text joins its fragments with spaces: compare without them.
        auto squeeze = [](std::string s) {
          std::string r;
          for (char c : s)
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') r += c;
          return r;
        };
        if (cols.size() > 2 && squeeze(actual) != squeeze(a.text))
          fail("the annotation's text '" + a.text + "' does not match the text at " +
               std::to_string(a.begin) + "-" + std::to_string(a.end) + ": '" + actual + "'");
      }
      by_id[a.id] = out.size();
      out.push_back(std::move(a));
    } else if (line[0] == 'A' || line[0] == 'M') {
      if (cols.size() < 2) fail("expected ID<TAB>NAME TARGET [VALUE]");
      const auto parts = split_spaces(cols[1]);
      if (parts.size() < 2) fail("expected NAME TARGET [VALUE]");
      attrs.push_back({line_no, std::string(parts[1]), std::string(parts[0]),
                       parts.size() > 2 ? std::string(parts[2]) : std::string("true")});
    } else if (line[0] == 'N') {
      if (cols.size() < 2) fail("expected ID<TAB>Reference TARGET ID[<TAB>TEXT]");
      const auto parts = split_spaces(cols[1]);
      if (parts.size() < 3) fail("expected Reference TARGET ID");
      attrs.push_back({line_no, std::string(parts[1]), "Reference", std::string(parts[2])});
    }
    // R (relations), E (events), * (equivalences) are not used by svpol.
  }
  for (const auto& p : attrs) {
    const auto it = by_id.find(p.target);
    if (it == by_id.end()) {
      line_no = p.line;
      fail("attribute of unknown annotation '" + p.target + "'");
    }
    out[it->second].attributes.emplace_back(p.key, p.value);
  }
  return out;
}

std::vector<span_annotation> to_spans(const document& doc, const std::vector<finding>& found) {
  std::vector<span_annotation> out;
  out.reserve(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    const finding& f = found[i];
    span_annotation a;
    a.id = std::to_string(i + 1).insert(0, 1, 'T');
    a.label = std::string(rules::to_string(f.kind));
    a.begin = doc.codepoint_offset(f.span.begin);
    a.end = doc.codepoint_offset(f.span.end);
    a.text = std::string(doc.slice(f.span));
    a.attributes = f.attributes;
    a.rule = f.rule;
    out.push_back(std::move(a));
  }
  return out;
}

void write_brat(std::ostream& out, const document& doc, const std::vector<finding>& found) {
  std::size_t a_id = 0, n_id = 0, note_id = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const finding& f = found[i];
    const std::string t = std::to_string(i + 1).insert(0, 1, 'T');
    // brat spans may not contain line breaks: split the span into fragments at them.
    std::string frags, text;
    std::size_t b = f.span.begin;
    const std::string_view s = doc.slice(f.span);
    auto add_fragment = [&](std::size_t fb, std::size_t fe) {
      // Trim white space at the fragment's ends.
      while (fb < fe && (doc.text()[fb] == ' ' || doc.text()[fb] == '\t' || doc.text()[fb] == '\r'))
        ++fb;
      while (fe > fb && (doc.text()[fe - 1] == ' ' || doc.text()[fe - 1] == '\t' ||
                         doc.text()[fe - 1] == '\r'))
        --fe;
      if (fe <= fb) return;
      if (!frags.empty()) {
        frags += ';';
        text += ' ';
      }
      frags +=
          std::to_string(doc.codepoint_offset(fb)) + " " + std::to_string(doc.codepoint_offset(fe));
      text += doc.text().substr(fb, fe - fb);
    };
    for (std::size_t k = 0; k < s.size(); ++k) {
      if (s[k] == '\n') {
        add_fragment(b, f.span.begin + k);
        b = f.span.begin + k + 1;
      }
    }
    add_fragment(b, f.span.end);
    out << t << '\t' << rules::to_string(f.kind) << ' ' << frags << '\t' << text << '\n';
    for (const auto& [k, v] : f.attributes) {
      if (k == "Reference")
        out << 'N' << ++n_id << "\tReference " << t << ' ' << v << '\t' << text << '\n';
      else
        out << 'A' << ++a_id << '\t' << k << ' ' << t << ' ' << v << '\n';
    }
    std::string note = "rule=" + f.rule;
    for (const auto& e : f.entries) note += " lexicon=" + e;
    for (char& c : note)
      if (c == '\t' || c == '\n') c = ' ';
    out << '#' << ++note_id << "\tAnnotatorNotes " << t << '\t' << note << '\n';
  }
}

}  // namespace svpol
