// svpol/corpus.hpp: reading documents with their metadata.
//
//   svpol::read_jsonl(in, "riksdag.jsonl", [&](svpol::document doc) { ... },
//                     [&](const svpol::input_error& e) { log(e); return true; /* skip */ });
//
// JSONL: one JSON object a line with a string `text`, an `id` (string or integer) and any
// other keys, which become the document's metadata (numbers and booleans as text, null
// values left out, nested values as compact JSON). Lines are read one at a time: memory does
// not grow with the corpus.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "svpol/document.hpp"
#include "svpol/error.hpp"

namespace svpol {

// Called with each good document, in order.
using document_sink = std::function<void(document)>;
// Called with each bad record (its error names source, line and column); returns true to
// skip it and go on, false to stop. Without a handler the first bad record is thrown.
using error_handler = std::function<bool(const input_error&)>;

// Parses one JSONL record. Throws input_error naming `source`, `line` and what is wrong (not
// JSON, not an object, no `text`, `text` or `id` of the wrong type, invalid UTF-8).
// `fallback_id` is used when the record has no `id` or an empty one.
document parse_jsonl_record(std::string_view line, const std::string& source, std::size_t line_no,
                            const std::string& fallback_id);

// Reads a JSONL stream record by record. Blank lines are skipped. A line longer than
// `max_bytes` (0: no limit) is a bad record ("exceeds the limit"). Returns the number of bad
// records skipped.
std::size_t read_jsonl(std::istream& in, const std::string& source, const document_sink& sink,
                       const error_handler& on_error = {}, std::size_t max_bytes = 0);

}  // namespace svpol
