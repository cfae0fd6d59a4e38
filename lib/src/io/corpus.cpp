#include "svpol/corpus.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ios>
#include <nlohmann/json.hpp>
#include <optional>

namespace svpol {

namespace {

std::string meta_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

document parse_jsonl_record(std::string_view line, const std::string& source, std::size_t line_no,
                            const std::string& fallback_id) {
  // Validate first so that a Latin-1 line gets the byte offset and the iconv hint.
  try {
    validate_utf8(line, source);
  } catch (const input_error& e) {
    std::size_t col = 1;
    for (std::size_t i = 0; i < e.byte_offset; ++i)
      col += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    throw input_error(e.what(), source, e.byte_offset, line_no, col);
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports the 1-based byte position of the error (one past the end for a line cut
    // short); the column counts code points.
    const std::size_t byte = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, line.size());
    std::size_t col = 1;
    for (std::size_t i = 0; i < byte; ++i)
      col += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    throw input_error(
        "not a JSON object: " + std::string(e.what()).substr(std::string(e.what()).find(':') + 2),
        source, byte, line_no, col);
  } catch (const nlohmann::json::exception& e) {
    // A number beyond double (`1e400`) is out_of_range, not a parse_error (found by fuzzing:
    // it escaped the reader).
    const std::string what = e.what();
    throw input_error("not a JSON object: " + what.substr(what.find(']') + 2), source, 0, line_no,
                      1);
  }
  if (!j.is_object())
    throw input_error("a JSONL record must be a JSON object", source, 0, line_no, 1);
  const auto text = j.find("text");
  if (text == j.end()) throw input_error("the record has no \"text\"", source, 0, line_no, 1);
  if (!text->is_string())
    throw input_error("\"text\" must be a string, not " + std::string(text->type_name()), source, 0,
                      line_no, 1);
  std::string id = fallback_id;
  if (const auto it = j.find("id"); it != j.end()) {
    if (it->is_string()) {
      // An empty id would name no file and no document in the output: it is as if absent
      // (found by fuzzing).
      if (!it->get_ref<const std::string&>().empty()) id = it->get<std::string>();
    } else if (it->is_number_integer())
      id = it->dump();
    else
      throw input_error(
          "\"id\" must be a string or an integer, not " + std::string(it->type_name()), source, 0,
          line_no, 1);
  }
  svpol::metadata meta;
  for (const auto& [key, value] : j.items()) {
    if (key == "text" || key == "id" || value.is_null()) continue;
    meta.emplace_back(key, meta_text(value));
  }
  try {
    return document::from_utf8(text->get<std::string>(), std::move(id), std::move(meta));
  } catch (const input_error& e) {  // NUL inside the text (JSON allows \u0000)
    throw input_error(std::string(e.what()) + " of \"text\"", source, 0, line_no, 1);
  }
}

std::size_t read_jsonl(std::istream& in, const std::string& source, const document_sink& sink,
                       const error_handler& on_error, std::size_t max_bytes) {
  std::size_t line_no = 0, skipped = 0;
  // libstdc++'s filebuf throws on a read error (EIO) even without exceptions(): it becomes an
  // input_error like any other unreadable source.
  auto next_line = [&](std::string& line) -> bool {
    try {
      return static_cast<bool>(std::getline(in, line));
    } catch (const std::ios_base::failure&) {
      throw input_error("cannot read '" + source + "': " + std::strerror(errno), source);
    }
  };
  for (std::string line; next_line(line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::optional<document> doc;
    try {
      if (max_bytes && line.size() > max_bytes)
        throw input_error("a record of " + std::to_string(line.size() / 1000000) +
                              " MB exceeds the limit of " + std::to_string(max_bytes / 1000000) +
                              " MB (--max-doc-mb)",
                          source, 0, line_no, 1);
      doc.emplace(
          parse_jsonl_record(line, source, line_no, source + ":" + std::to_string(line_no)));
    } catch (const input_error& e) {
      if (!on_error || !on_error(e)) throw;
      ++skipped;
      continue;
    }
    sink(std::move(*doc));
  }
  if (in.bad()) throw input_error("cannot read '" + source + "'", source);
  return skipped;
}

}  // namespace svpol
