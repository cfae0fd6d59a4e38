#include "svpol/conllu.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <system_error>

#include "svpol/error.hpp"

namespace svpol {

std::string_view conllu_word::misc_value(std::string_view key) const {
  std::string_view m = misc;
  while (!m.empty()) {
    const std::size_t bar = m.find('|');
    const std::string_view item = m.substr(0, bar);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=')
      return item.substr(key.size() + 1);
    if (bar == std::string_view::npos) break;
    m.remove_prefix(bar + 1);
  }
  return {};
}

namespace {

std::string_view comment_value(std::string_view line, std::string_view key) {
  // "# key = value" or "# key"
  std::string_view rest = line.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.substr(0, key.size()) != key) return {};
  rest.remove_prefix(key.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

bool comment_is(std::string_view line, std::string_view key) {
  std::string_view rest = line.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.substr(0, key.size()) != key) return false;
  return rest.size() == key.size() || rest[key.size()] == ' ' || rest[key.size()] == '=';
}

}  // namespace

std::vector<conllu_sentence> read_conllu(std::string_view text, const std::string& source) {
  std::vector<conllu_sentence> out;
  conllu_sentence cur;
  bool open = false;
  std::size_t line_no = 0, pos = 0, mwt_end = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    const std::size_t line_begin = pos;
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (open && !cur.words.empty()) out.push_back(std::move(cur));
      cur = {};
      open = false;
      mwt_end = 0;
      if (nl == text.size()) break;
      continue;
    }
    if (!open) {
      cur.line = line_no;
      open = true;
    }
    if (line[0] == '#') {
      if (comment_is(line, "newdoc")) cur.newdoc = true;
      if (comment_is(line, "newpar")) cur.newpar = true;
      if (comment_is(line, "sent_id")) cur.sent_id = comment_value(line, "sent_id");
      if (comment_is(line, "text")) cur.text = comment_value(line, "text");
      continue;
    }
    conllu_word w;
    std::string* cols[10] = {&w.id,    &w.form, &w.lemma,  &w.upos, &w.xpos,
                             &w.feats, &w.head, &w.deprel, &w.deps, &w.misc};
    std::size_t c = 0, b = 0;
    for (;; ++c) {
      const std::size_t tab = line.find('\t', b);
      if (c < 10) *cols[c] = line.substr(b, tab == std::string_view::npos ? tab : tab - b);
      if (tab == std::string_view::npos) break;
      b = tab + 1;
    }
    if (c != 9) {
      throw input_error(std::string("expected 10 tab-separated ") +
                            "columns in a CoNLL-U word line, found " + std::to_string(c + 1),
                        source, line_begin, line_no, 1);
    }
    if (w.id.find('.') != std::string::npos) {  // empty node: not a surface token
      cur.words.push_back(std::move(w));
      continue;
    }
    // Word ids are decimal numbers: `7`, or a range `7-8` for a multi-word token. std::stoul
    // would take `-1`, ` 7` or `7x`, or throw past this reader; from_chars takes digits only.
    auto number = [&](std::string_view digits) {
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
        throw input_error("bad word id '" + w.id + "'", source, line_begin, line_no, 1);
      return n;
    };
    if (const std::size_t dash = w.id.find('-'); dash != std::string::npos) {
      const std::size_t first = number(std::string_view(w.id).substr(0, dash));
      mwt_end = number(std::string_view(w.id).substr(dash + 1));
      if (mwt_end < first)
        throw input_error("bad word id '" + w.id + "'", source, line_begin, line_no, 1);
      cur.tokens.push_back(w);
      continue;
    }
    const std::size_t id = number(w.id);
    if (id > mwt_end) cur.tokens.push_back(w);
    cur.words.push_back(std::move(w));
  }
  if (open && !cur.words.empty()) out.push_back(std::move(cur));
  return out;
}

namespace {

// CoNLL-U forbids tabs and newlines in a field; spaces inside a token (`20 000`) stay.
std::string field(std::string_view s) {
  if (s.empty()) return "_";
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

// Text of a sentence for `# text`: its tokens as they stand in the original, line breaks as
// spaces.
std::string sentence_text(const document& doc, const analysis& a, const sentence& s) {
  std::string out;
  for (std::size_t i = s.first_token; i < s.end_token; ++i) {
    if (i > s.first_token && a.tokens[i - 1].span.end < a.tokens[i].span.begin) out += ' ';
    out += a.tokens[i].form;
  }
  (void)doc;
  return field(out);
}

}  // namespace

void write_conllu(std::ostream& out, const document& doc, const analysis& a) {
  // The id comes from the corpus: a line break in it would start a line of its own.
  const std::string id = field(doc.id());
  out << "# newdoc id = " << id << '\n';
  std::size_t para = static_cast<std::size_t>(-1);
  for (std::size_t n = 0; n < a.sentences.size(); ++n) {
    const sentence& s = a.sentences[n];
    if (s.paragraph != para) {
      out << "# newpar id = " << id << "-p" << (s.paragraph + 1) << '\n';
      para = s.paragraph;
    }
    out << "# sent_id = " << id << '-' << (n + 1) << '\n';
    out << "# text = " << sentence_text(doc, a, s) << '\n';
    for (std::size_t i = s.first_token; i < s.end_token; ++i) {
      const token& t = a.tokens[i];
      std::string misc;
      const bool last = i + 1 == s.end_token;
      const bool space_after =
          i + 1 < a.tokens.size() ? a.tokens[i + 1].span.begin > t.span.end : false;
      if (!space_after && !last) misc = "SpaceAfter=No|";
      misc += "TokenRange=" + std::to_string(doc.codepoint_offset(t.span.begin)) + ":" +
              std::to_string(doc.codepoint_offset(t.span.end));
      out << (i - s.first_token + 1) << '\t' << field(t.form) << '\t' << field(t.lemma) << '\t'
          << field(t.upos) << "\t_\t" << field(t.feats) << "\t_\t_\t_\t" << misc << '\n';
    }
    out << '\n';
  }
}

void write_tokens_jsonl(std::ostream& out, const document& doc, const analysis& a) {
  for (std::size_t n = 0; n < a.sentences.size(); ++n) {
    const sentence& s = a.sentences[n];
    nlohmann::ordered_json j;
    j["doc"] = doc.id();
    j["sentence"] = n + 1;
    j["paragraph"] = s.paragraph + 1;
    j["start"] = doc.codepoint_offset(s.span.begin);
    j["end"] = doc.codepoint_offset(s.span.end);
    nlohmann::ordered_json toks = nlohmann::ordered_json::array();
    for (std::size_t i = s.first_token; i < s.end_token; ++i) {
      const token& t = a.tokens[i];
      nlohmann::ordered_json tj;
      tj["form"] = t.form;
      tj["start"] = doc.codepoint_offset(t.span.begin);
      tj["end"] = doc.codepoint_offset(t.span.end);
      tj["kind"] = to_string(t.kind);
      if (!t.lemma.empty()) tj["lemma"] = t.lemma;
      if (!t.upos.empty()) tj["upos"] = t.upos;
      if (!t.feats.empty()) tj["feats"] = t.feats;
      toks.push_back(std::move(tj));
    }
    j["tokens"] = std::move(toks);
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

void write_tokens_text(std::ostream& out, const document& doc, const analysis& a) {
  (void)doc;
  for (std::size_t n = 0; n < a.sentences.size(); ++n) {
    const sentence& s = a.sentences[n];
    if (n > 0 && s.paragraph != a.sentences[n - 1].paragraph) out << '\n';
    for (std::size_t i = s.first_token; i < s.end_token; ++i) {
      if (i > s.first_token) out << ' ';
      out << a.tokens[i].form;
    }
    out << '\n';
  }
}

}  // namespace svpol
