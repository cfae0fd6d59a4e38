// svpol/corpus.hpp: reading documents with their metadata.
//
//   svpol::read_jsonl(in, "riksdag.jsonl", [&](svpol::document doc) { ... },
//                     [&](const svpol::input_error& e) { log(e); return true; /* skip */ });
//
// JSONL: one JSON object a line with a string `text`, an `id` (string or integer) and any
// other keys, which become the document's metadata (numbers and booleans as text, null
// values left out, nested values as compact JSON). Lines are read one at a time: memory does
// not grow with the corpus.
//
// Also read here: directories of text files described by a `metadata.csv`, and the Riksdag's
// open data of speeches (anföranden) as JSON.
#pragma once

#include <functional>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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

// --- CSV and metadata.csv -------------------------------------------------------------------

struct csv_row {
  std::size_t line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Parses CSV as RFC 4180 has it: `,` between fields, `"` around a field that holds `,`, `"`
// (doubled) or line breaks, CRLF or LF line ends; a leading byte-order mark is skipped and
// empty lines are left out. Throws input_error naming `source:line:column` on a quote inside
// an unquoted field, text after a closing quote, or a quote never closed.
std::vector<csv_row> parse_csv(std::string_view text, const std::string& source);

// Metadata of the files of a directory, keyed by the first column (a file name with or
// without its extension).
using metadata_table = std::map<std::string, svpol::metadata>;

// Reads a `metadata.csv`: a header row naming the columns (the first one names the file; the
// others become metadata keys, e.g. year, speaker, party), then a row a file. Empty values are
// left out. A row with the wrong number of fields or a file named twice is a bad record,
// passed to `on_error` (source:line); skipped when it returns true, else thrown. A file that
// is not UTF-8 or CSV, or a header with an empty name, throws input_error.
metadata_table read_metadata_csv(std::string_view text, const std::string& source,
                                 const error_handler& on_error = {},
                                 std::size_t* skipped = nullptr);

// The metadata of `file_name` ("tal-3.txt"): the row naming "tal-3.txt" or else "tal-3";
// nullptr when there is none.
const svpol::metadata* find_metadata(const metadata_table& table, const std::string& file_name);

// --- Riksdag open data: speeches --------------------------------------------------------------

// Plain text of an HTML fragment such as the Riksdag's `anforandetext`: tags removed
// (script and style with their content), entities decoded (named ones common in Swedish text
// and all numeric ones), runs of white space made one space, and block elements (p, br, div,
// h1-h6, li, tr, blockquote) ending paragraphs, which are separated by an empty line.
std::string html_to_text(std::string_view html);

// Reads speeches from the Riksdag's JSON: one `anforande` record, an array of them, or the
// API's wrapper `{"anforandelista": {"anforande": [...]}}` (or `{"anforande": ...}`). Each
// record becomes a document: text from `anforandetext` (HTML, see html_to_text), id from
// `anforande_id` or else `dok_id`-`anforande_nummer`, metadata speaker (`talare`), party
// (`parti`), date and year (`dok_datum`), title (`avsnittsrubrik`) and the record's other
// non-empty scalar fields under their own names. A record that is not an object, lacks a
// string `anforandetext` or an id, or whose text exceeds `max_bytes` (0: no limit) is a bad
// record named by source:line:column of the field (or the record); `on_error` decides as in
// read_jsonl. Text that is not UTF-8 or not JSON throws input_error. Returns the number of bad
// records skipped.
std::size_t read_riksdag_json(std::string_view json, const std::string& source,
                              const document_sink& sink, const error_handler& on_error = {},
                              std::size_t max_bytes = 0);

}  // namespace svpol
