// Corpus sources other than JSONL: metadata.csv beside text files, and Riksdag speech JSON.
#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "svpol/corpus.hpp"

namespace svpol {

namespace {

// 1-based line and code point column of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> line_col(std::string_view text, std::size_t offset) {
  std::size_t line = 1, col = 1;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

input_error error_at(std::string message, const std::string& source, std::string_view text,
                     std::size_t offset) {
  const auto [line, col] = line_col(text, offset);
  return input_error(std::move(message), source, offset, line, col);
}

// validate_utf8 again with line and column, which a reader's message needs.
void validate_with_position(std::string_view text, const std::string& source) {
  try {
    validate_utf8(text, source);
  } catch (const input_error& e) {
    throw error_at(e.what(), source, text, e.byte_offset);
  }
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

// --- CSV ----------------------------------------------------------------------------------------

std::vector<csv_row> parse_csv(std::string_view text, const std::string& source) {
  validate_with_position(text, source);
  std::vector<csv_row> rows;
  std::size_t pos = 0, line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  csv_row row;
  row.line = line;
  std::string field;
  bool at_field_start = true;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    at_field_start = true;
  };
  auto end_row = [&] {
    end_field();
    if (!(row.fields.size() == 1 && row.fields[0].empty())) rows.push_back(std::move(row));
    row = csv_row{};
    row.line = line;
  };
  while (pos < text.size()) {
    const char c = text[pos];
    if (at_field_start && c == '"') {
      // A quoted field: up to the closing quote; "" is a quote.
      const std::size_t open = pos++;
      for (;;) {
        if (pos >= text.size())
          throw error_at("a quoted field is never closed", source, text, open);
        if (text[pos] == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') {
            field += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        if (text[pos] == '\n') ++line;
        field += text[pos++];
      }
      at_field_start = false;
      if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
        throw error_at("text after the closing quote of a field", source, text, pos);
      continue;
    }
    if (c == ',') {
      end_field();
      ++pos;
    } else if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
      end_row();
      pos += 2;
      ++line;
      row.line = line;
    } else if (c == '\n') {
      end_row();
      ++pos;
      ++line;
      row.line = line;
    } else if (c == '"') {
      throw error_at("a quote inside an unquoted field (quote the field and double the quote)",
                     source, text, pos);
    } else {
      field += c;
      at_field_start = false;
      ++pos;
    }
  }
  if (!at_field_start || !row.fields.empty()) end_row();
  return rows;
}

metadata_table read_metadata_csv(std::string_view text, const std::string& source,
                                 const error_handler& on_error, std::size_t* skipped) {
  const std::vector<csv_row> rows = parse_csv(text, source);
  metadata_table table;
  if (rows.empty()) return table;
  const csv_row& header = rows.front();
  for (std::size_t i = 1; i < header.fields.size(); ++i)
    if (header.fields[i].empty())
      throw input_error("column " + std::to_string(i + 1) + " of the header has no name", source, 0,
                        header.line, 1);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const csv_row& row = rows[r];
    try {
      if (row.fields.size() != header.fields.size())
        throw input_error("a row of " + std::to_string(row.fields.size()) +
                              " fields where the header has " +
                              std::to_string(header.fields.size()),
                          source, 0, row.line, 1);
      if (row.fields[0].empty())
        throw input_error("a row without a file name", source, 0, row.line, 1);
      if (table.count(row.fields[0]))
        throw input_error("file '" + row.fields[0] + "' is named twice", source, 0, row.line, 1);
    } catch (const input_error& e) {
      if (!on_error || !on_error(e)) throw;
      if (skipped) ++*skipped;
      continue;
    }
    svpol::metadata meta;
    for (std::size_t i = 1; i < row.fields.size(); ++i)
      if (!row.fields[i].empty()) meta.emplace_back(header.fields[i], row.fields[i]);
    table.emplace(row.fields[0], std::move(meta));
  }
  return table;
}

const svpol::metadata* find_metadata(const metadata_table& table, const std::string& file_name) {
  if (const auto it = table.find(file_name); it != table.end()) return &it->second;
  const std::size_t dot = file_name.rfind('.');
  if (dot != std::string::npos && dot > 0)
    if (const auto it = table.find(file_name.substr(0, dot)); it != table.end()) return &it->second;
  return nullptr;
}

// --- HTML -------------------------------------------------------------------------------------

namespace {

struct named_entity {
  std::string_view name;
  std::uint32_t cp;
};

// The named entities Swedish parliamentary HTML uses, and the XML five.
constexpr named_entity entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"shy", 0xAD},     {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"sbquo", 0x201A}, {"euro", 0x20AC},  {"sect", 0xA7},
    {"deg", 0xB0},     {"aring", 0xE5},   {"auml", 0xE4},    {"ouml", 0xF6},    {"Aring", 0xC5},
    {"Auml", 0xC4},    {"Ouml", 0xD6},    {"eacute", 0xE9},  {"Eacute", 0xC9},  {"uuml", 0xFC},
    {"Uuml", 0xDC},    {"aacute", 0xE1},  {"agrave", 0xE0},  {"egrave", 0xE8},  {"oslash", 0xF8},
    {"Oslash", 0xD8},  {"aelig", 0xE6},   {"AElig", 0xC6},   {"times", 0xD7},   {"middot", 0xB7},
    {"bull", 0x2022},  {"copy", 0xA9},    {"para", 0xB6},    {"minus", 0x2212}, {"frac12", 0xBD},
};

bool is_block_tag(std::string_view name) {
  static constexpr std::string_view blocks[] = {
      "p",  "br", "div", "h1", "h2",    "h3",         "h4",      "h5",      "h6",
      "li", "ul", "ol",  "tr", "table", "blockquote", "section", "article", "hr"};
  return std::find(std::begin(blocks), std::end(blocks), name) != std::end(blocks);
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string html_to_text(std::string_view html) {
  std::vector<std::string> paragraphs;
  std::string para;
  bool space = false;  // a space is due before the next character of the paragraph
  auto put = [&](std::string_view s) {
    if (space && !para.empty()) para += ' ';
    space = false;
    para += s;
  };
  auto end_paragraph = [&] {
    if (!para.empty()) paragraphs.push_back(std::move(para));
    para.clear();
    space = false;
  };
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<' && html.substr(i, 4) == "<!--") {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      space = true;
      continue;
    }
    if (c == '<' && i + 1 < html.size() &&
        (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' ||
         html[i + 1] == '!' || html[i + 1] == '?')) {
      // A tag: its name decides whether it ends a paragraph; quoted attributes may hold '>'.
      std::size_t j = i + 1;
      const bool closing = html[j] == '/';
      if (closing) ++j;
      std::string name;
      while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j])))
        name += ascii_lower(html[j++]);
      char quote = 0;
      for (; j < html.size(); ++j) {
        if (quote) {
          if (html[j] == quote) quote = 0;
        } else if (html[j] == '"' || html[j] == '\'') {
          quote = html[j];
        } else if (html[j] == '>') {
          break;
        }
      }
      i = j < html.size() ? j + 1 : html.size();
      if (!closing && (name == "script" || name == "style")) {
        // Their content is code, not text.
        std::size_t k = i;
        for (;;) {
          k = html.find("</", k);
          if (k == std::string_view::npos) {
            i = html.size();
            break;
          }
          std::string close;
          for (std::size_t m = k + 2; m < html.size() && close.size() < name.size(); ++m)
            close += ascii_lower(html[m]);
          if (close == name) {
            const std::size_t gt = html.find('>', k);
            i = gt == std::string_view::npos ? html.size() : gt + 1;
            break;
          }
          k += 2;
        }
        space = true;
        continue;
      }
      if (is_block_tag(name))
        end_paragraph();
      else if (name == "td" || name == "th")
        space = true;
      continue;
    }
    if (c == '&') {
      const std::size_t semi = html.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 12) {
        const std::string_view ref = html.substr(i + 1, semi - i - 1);
        std::string decoded;
        if (ref.size() >= 2 && ref[0] == '#') {
          const bool hex = ref[1] == 'x' || ref[1] == 'X';
          const std::string_view digits = ref.substr(hex ? 2 : 1);
          std::uint32_t cp = 0;
          bool ok = !digits.empty();
          for (char d : digits) {
            int v = -1;
            if (d >= '0' && d <= '9')
              v = d - '0';
            else if (hex && d >= 'a' && d <= 'f')
              v = d - 'a' + 10;
            else if (hex && d >= 'A' && d <= 'F')
              v = d - 'A' + 10;
            if (v < 0)
              ok = false;
            else
              cp = std::min<std::uint32_t>(cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v),
                                           0x110000);
          }
          if (ok) append_utf8(decoded, cp);
        } else {
          for (const auto& e : entities)
            if (e.name == ref) append_utf8(decoded, e.cp);
        }
        if (!decoded.empty()) {
          if (decoded == "\xC2\xA0" || decoded == " ") {
            space = true;
          } else {
            put(decoded);
          }
          i = semi + 1;
          continue;
        }
      }
      put("&");
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = true;
      ++i;
      continue;
    }
    put(std::string_view(&html[i], 1));
    ++i;
  }
  end_paragraph();
  std::string out;
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

// --- Riksdag JSON -----------------------------------------------------------------------------

namespace {

// Byte offsets of values in JSON text that nlohmann has already accepted (it keeps none), so
// that a bad record can be reported by line.
class json_offsets {
 public:
  explicit json_offsets(std::string_view s) : s_(s) {}
  std::size_t skip_ws(std::size_t p) const {
    while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t' || s_[p] == '\n' || s_[p] == '\r')) ++p;
    return p;
  }
  // Past the value at p.
  std::size_t skip_value(std::size_t p) const {
    p = skip_ws(p);
    if (p >= s_.size()) return p;
    if (s_[p] == '"') return skip_string(p);
    if (s_[p] == '{' || s_[p] == '[') {
      int depth = 0;
      while (p < s_.size()) {
        const char c = s_[p];
        if (c == '"') {
          p = skip_string(p);
          continue;
        }
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') {
          if (--depth == 0) return p + 1;
        }
        ++p;
      }
      return p;
    }
    while (p < s_.size() && s_[p] != ',' && s_[p] != '}' && s_[p] != ']' && s_[p] != ' ' &&
           s_[p] != '\n' && s_[p] != '\r' && s_[p] != '\t')
      ++p;
    return p;
  }
  // Start of each element of the array at p.
  std::vector<std::size_t> elements(std::size_t p) const {
    std::vector<std::size_t> out;
    p = skip_ws(p);
    if (p >= s_.size() || s_[p] != '[') return out;
    p = skip_ws(p + 1);
    while (p < s_.size() && s_[p] != ']') {
      out.push_back(p);
      p = skip_ws(skip_value(p));
      if (p < s_.size() && s_[p] == ',') p = skip_ws(p + 1);
    }
    return out;
  }
  // Start of the value of `key` in the object at p, or npos. Keys are compared as written.
  std::size_t member(std::size_t p, std::string_view key) const {
    p = skip_ws(p);
    if (p >= s_.size() || s_[p] != '{') return std::string_view::npos;
    p = skip_ws(p + 1);
    while (p < s_.size() && s_[p] == '"') {
      const std::size_t end = skip_string(p);
      const std::string_view k = s_.substr(p + 1, end - p - 2);
      p = skip_ws(end);
      if (p < s_.size() && s_[p] == ':') p = skip_ws(p + 1);
      if (k == key) return p;
      p = skip_ws(skip_value(p));
      if (p < s_.size() && s_[p] == ',') p = skip_ws(p + 1);
    }
    return std::string_view::npos;
  }

 private:
  std::size_t skip_string(std::size_t p) const {
    for (++p; p < s_.size(); ++p) {
      if (s_[p] == '\\')
        ++p;
      else if (s_[p] == '"')
        return p + 1;
    }
    return p;
  }
  std::string_view s_;
};

std::string scalar_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump();
  return {};
}

document speech_document(const nlohmann::json& rec, const json_offsets& at, std::string_view text,
                         std::size_t offset, const std::string& source, std::size_t max_bytes) {
  auto field_error = [&](const std::string& message, std::string_view field) {
    std::size_t p = field.empty() ? std::string_view::npos : at.member(offset, field);
    return error_at(message, source, text, p == std::string_view::npos ? offset : p);
  };
  if (!rec.is_object())
    throw field_error("a speech record must be a JSON object, not " + std::string(rec.type_name()),
                      {});
  const auto body = rec.find("anforandetext");
  if (body == rec.end()) throw field_error("the speech has no \"anforandetext\"", {});
  if (!body->is_string())
    throw field_error("\"anforandetext\" must be a string, not " + std::string(body->type_name()),
                      "anforandetext");
  const std::string& html = body->get_ref<const std::string&>();
  if (max_bytes && html.size() > max_bytes)
    throw field_error("a speech of " + std::to_string(html.size() / 1000000) +
                          " MB exceeds the limit of " + std::to_string(max_bytes / 1000000) +
                          " MB (--max-doc-mb)",
                      "anforandetext");
  auto str = [&](const char* key) {
    const auto it = rec.find(key);
    return it == rec.end() ? std::string() : scalar_text(*it);
  };
  std::string id = str("anforande_id");
  if (id.empty()) {
    const std::string dok = str("dok_id"), nr = str("anforande_nummer");
    if (dok.empty() || nr.empty())
      throw field_error(
          "the speech has neither \"anforande_id\" nor \"dok_id\" and \"anforande_nummer\"", {});
    id = dok + "-" + nr;
  }
  svpol::metadata meta;
  auto add = [&](const std::string& key, std::string value) {
    if (!value.empty()) meta.emplace_back(key, std::move(value));
  };
  const std::string date = str("dok_datum");
  add("speaker", str("talare"));
  add("party", str("parti"));
  add("date", date.substr(0, 10));
  if (date.size() >= 4 &&
      std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    add("year", date.substr(0, 4));
  add("title", str("avsnittsrubrik"));
  for (const auto& [key, value] : rec.items()) {
    if (key == "anforandetext" || key == "anforande_id" || key == "talare" || key == "parti" ||
        key == "dok_datum" || key == "avsnittsrubrik")
      continue;
    add(key, scalar_text(value));
  }
  try {
    return document::from_utf8(html_to_text(html), std::move(id), std::move(meta));
  } catch (const input_error& e) {
    throw field_error(std::string(e.what()) + " of \"anforandetext\"", "anforandetext");
  }
}

}  // namespace

std::size_t read_riksdag_json(std::string_view text, const std::string& source,
                              const document_sink& sink, const error_handler& on_error,
                              std::size_t max_bytes) {
  validate_with_position(text, source);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const std::string what = e.what();
    throw error_at("not JSON: " + what.substr(what.find(':') + 2), source, text,
                   e.byte > 0 ? e.byte - 1 : 0);
  }
  const json_offsets at(text);
  // The records and where each starts.
  std::vector<std::pair<const nlohmann::json*, std::size_t>> records;
  auto take = [&](const nlohmann::json& v, std::size_t p) {
    if (v.is_array()) {
      const auto starts = at.elements(p);
      for (std::size_t k = 0; k < v.size(); ++k)
        records.emplace_back(&v[k], k < starts.size() ? starts[k] : p);
    } else if (!v.is_null()) {
      records.emplace_back(&v, p);
    }
  };
  const std::size_t top = at.skip_ws(0);
  if (j.is_object() && j.contains("anforandelista") && !j.contains("anforandetext")) {
    const auto& list = j["anforandelista"];
    const std::size_t lp = at.member(top, "anforandelista");
    if (list.is_object() && list.contains("anforande"))
      take(list["anforande"], at.member(lp, "anforande"));
    else if (!list.is_null())
      throw error_at("\"anforandelista\" holds no \"anforande\"", source, text, lp);
  } else if (j.is_object() && j.contains("anforande") && !j.contains("anforandetext")) {
    take(j["anforande"], at.member(top, "anforande"));
  } else {
    take(j, top);
  }
  std::size_t skipped = 0;
  for (const auto& [rec, offset] : records) {
    std::optional<document> doc;
    try {
      doc.emplace(speech_document(*rec, at, text, offset, source, max_bytes));
    } catch (const input_error& e) {
      if (!on_error || !on_error(e)) throw;
      ++skipped;
      continue;
    }
    sink(std::move(*doc));
  }
  return skipped;
}

}  // namespace svpol
