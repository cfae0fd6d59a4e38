// Fuzzes the JSONL reader: every bad record is reported with a line and column inside the
// input, every good one is a valid document.
#include <cstdint>
#include <sstream>
#include <string>

#include "invariants.hpp"
#include "svpol/corpus.hpp"

using namespace svpol::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  // The stream reader strips one '\r' before '\n'; positions are checked against the lines.
  std::istringstream in(input);
  std::size_t good = 0, bad = 0;
  const std::size_t skipped = svpol::read_jsonl(
      in, "fuzz.jsonl",
      [&](svpol::document doc) {
        ++good;
        require(doc.id().size() > 0, "document without an id");
        try {
          svpol::validate_utf8(doc.text(), "text");
        } catch (const svpol::input_error&) {
          fail("document text is not valid UTF-8");
        }
      },
      [&](const svpol::input_error& e) {
        ++bad;
        require(e.source == "fuzz.jsonl", "error does not name the file");
        require(e.line >= 1 && e.line <= line_count(input), "error line outside the input", e.line,
                line_count(input));
        require(e.column >= 1, "error without a column");
        return true;
      },
      (size % 7 == 0) ? 64 : 0);
  require(skipped == bad, "skipped count differs from errors reported", skipped, bad);
  // One record parsed alone: its error positions point into it.
  try {
    (void)svpol::parse_jsonl_record(input, "fuzz.jsonl", 1, "fallback");
  } catch (const svpol::input_error& e) {
    require(e.line == 1, "record error on another line", e.line);
    require(e.byte_offset <= input.size(), "record error byte offset outside", e.byte_offset,
            input.size());
    require(e.column >= 1 && e.column <= input.size() + 1, "record error column outside", e.column,
            input.size());
  }
  return 0;
}
