#include <catch2/catch.hpp>
#include <sstream>

#include "svpol/corpus.hpp"

using svpol::input_error;

TEST_CASE("JSONL records become documents with metadata", "[corpus]") {
  std::istringstream in(
      "{\"id\": \"a\", \"year\": 2016, \"party\": \"S\", \"role\": null, \"text\": \"Vi ska.\"}\n"
      "\n"
      "{\"id\": 7, \"text\": \"Två.\", \"tags\": [\"x\"]}\r\n"
      "{\"text\": \"Utan id.\"}\n"
      "{\"id\": \"\", \"text\": \"Tomt id.\"}\n");  // found by fuzzing
  std::vector<svpol::document> docs;
  svpol::read_jsonl(in, "c.jsonl", [&](svpol::document d) { docs.push_back(std::move(d)); });
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].id() == "a");
  CHECK(docs[0].text() == "Vi ska.");
  CHECK(docs[0].meta_value("year") == "2016");
  CHECK(docs[0].meta_value("party") == "S");
  CHECK(docs[0].meta().size() == 2);  // null values are left out
  CHECK(docs[1].id() == "7");
  CHECK(docs[1].meta_value("tags") == "[\"x\"]");
  CHECK(docs[2].id() == "c.jsonl:4");
  CHECK(docs[3].id() == "c.jsonl:5");  // an empty id is as if absent
}

TEST_CASE("bad JSONL records name file, line and column", "[corpus]") {
  struct row {
    std::string line, message;
    std::size_t column;
  };
  const std::vector<row> rows = {
      {"{\"id\": \"a\", \"text\": \"x\"", "not a JSON object", 0},
      {"[1, 2]", "must be a JSON object", 1},
      {"{\"id\": \"a\"}", "no \"text\"", 1},
      {"{\"text\": 5}", "\"text\" must be a string, not number", 1},
      {"{\"id\": [1], \"text\": \"x\"}", "\"id\" must be a string or an integer, not array", 1},
      {"{\"text\": \"Sm\xE5land\"}", "invalid UTF-8 at byte offset 12", 13},
      {"{\"text\": \"a\\u0000b\"}", "NUL byte", 1},
      // The column of a JSON syntax error counts code points, not bytes.
      {"{\"text\": \"åäö\" x}", "not a JSON object", 16},
      {"{\"text\": \"åäö\"", "not a JSON object", 15},
      // Found by tests/fuzz/fuzz_jsonl: nlohmann throws out_of_range, not parse_error, here.
      {"{\"text\": \"x\", \"year\": 1e400}", "number overflow", 1},
  };
  for (const auto& r : rows) {
    CAPTURE(r.line);
    std::istringstream in("{\"text\": \"ok\"}\n" + r.line + "\n");
    try {
      svpol::read_jsonl(in, "c.jsonl", [](svpol::document) {});
      FAIL("no error");
    } catch (const input_error& e) {
      CHECK(e.source == "c.jsonl");
      CHECK(e.line == 2);
      if (r.column) CHECK(e.column == r.column);
      CHECK(std::string(e.what()).find(r.message) != std::string::npos);
    }
  }
}

TEST_CASE("bad records can be skipped and counted", "[corpus]") {
  std::istringstream in("{\"text\": \"a\"}\nnot json\n{\"text\": \"b\"}\n{}\n");
  std::vector<std::string> texts;
  std::vector<std::size_t> bad_lines;
  const auto skipped = svpol::read_jsonl(
      in, "c.jsonl", [&](svpol::document d) { texts.push_back(d.text()); },
      [&](const input_error& e) {
        bad_lines.push_back(e.line);
        return true;
      });
  CHECK(skipped == 2);
  CHECK(texts == std::vector<std::string>{"a", "b"});
  CHECK(bad_lines == std::vector<std::size_t>{2, 4});
}
