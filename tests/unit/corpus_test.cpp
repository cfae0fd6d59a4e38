#include "svpol/corpus.hpp"

#include <catch2/catch.hpp>
#include <sstream>

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
      // Ill-formed UTF-8 is what is reported, also when the JSON fails first (the UTF-8 check
      // runs only after a failure) or the bad byte is outside a string.
      {"{\"year\": 1e400, \"text\": \"Sm\xE5land\"}", "invalid UTF-8 at byte offset 27", 28},
      {"{\"text\" \"Sm\xE5land\"}", "invalid UTF-8 at byte offset 11", 12},
      {"{\"text\": \"x\"} \xE5", "invalid UTF-8 at byte offset 14", 15},
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

// --- metadata.csv -------------------------------------------------------------------------------

TEST_CASE("CSV follows RFC 4180", "[corpus]") {
  const auto rows = svpol::parse_csv(
      "\xEF\xBB\xBF"
      "file,title,n\r\n"
      "a.txt,\"Skola, vård och omsorg\",1\r\n"
      "\r\n"
      "b,\"Hon sa \"\"nej\"\"\",\n"
      "c,\"två\nrader\",3",
      "m.csv");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == std::vector<std::string>{"file", "title", "n"});
  CHECK(rows[1].fields[1] == "Skola, vård och omsorg");
  CHECK(rows[2].line == 4);
  CHECK(rows[2].fields == std::vector<std::string>{"b", "Hon sa \"nej\"", ""});
  CHECK(rows[3].fields[1] == "två\nrader");
  CHECK(rows[3].line == 5);
}

TEST_CASE("bad CSV is reported by line and column", "[corpus]") {
  const std::vector<std::tuple<std::string, std::string, std::size_t, std::size_t>> rows = {
      {"file,x\na,b\"c\n", "a quote inside an unquoted field", 2, 4},
      {"file,x\na,\"bc\"d\n", "text after the closing quote", 2, 7},
      {"file,x\na,\"bc\n", "never closed", 2, 3},
      {"file,x\na,Sm\xE5land\n", "invalid UTF-8", 2, 5},
  };
  for (const auto& [text, message, line, column] : rows) {
    CAPTURE(text);
    try {
      svpol::parse_csv(text, "m.csv");
      FAIL("no error");
    } catch (const input_error& e) {
      CHECK(std::string(e.what()).find(message) != std::string::npos);
      CHECK(e.line == line);
      CHECK(e.column == column);
    }
  }
}

TEST_CASE("metadata.csv gives files metadata by name with or without extension", "[corpus]") {
  const std::string csv =
      "file,year,speaker,party\n"
      "tal-1.txt,2016,\"Löfven, Stefan\",S\n"
      "tal-2,2017,,M\n"
      "tal-3,2018\n"           // too few fields
      "tal-1.txt,2019,X,Y\n";  // named twice
  SECTION("bad rows stop the file without a handler") {
    CHECK_THROWS_AS(svpol::read_metadata_csv(csv, "metadata.csv"), input_error);
  }
  SECTION("bad rows are skipped and counted with one") {
    std::vector<std::size_t> lines;
    std::size_t skipped = 0;
    const auto table = svpol::read_metadata_csv(
        csv, "metadata.csv",
        [&](const input_error& e) {
          lines.push_back(e.line);
          return true;
        },
        &skipped);
    CHECK(lines == std::vector<std::size_t>{4, 5});
    CHECK(skipped == 2);
    const auto* one = svpol::find_metadata(table, "tal-1.txt");
    REQUIRE(one);
    CHECK(*one == svpol::metadata{{"year", "2016"}, {"speaker", "Löfven, Stefan"}, {"party", "S"}});
    const auto* two = svpol::find_metadata(table, "tal-2.md");
    REQUIRE(two);
    CHECK(*two == svpol::metadata{{"year", "2017"}, {"party", "M"}});  // empty values left out
    CHECK(svpol::find_metadata(table, "tal-3.txt") == nullptr);
  }
}

// --- Riksdag JSON -----------------------------------------------------------------------------

TEST_CASE("HTML of speeches becomes plain paragraphs", "[corpus]") {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"<p>Fru talman! Jag   vill\ntacka.</p><p>Andra &amp; sista.</p>",
       "Fru talman! Jag vill tacka.\n\nAndra & sista."},
      {"<P class=\"a>b\">Sm&aring;land &#246;&#xE4; &lt;b&gt;</P>", "Småland öä <b>"},
      {"Ett<br/>Två<BR>Tre", "Ett\n\nTvå\n\nTre"},
      {"a<script>alert('<p>')</script>b<style>p{}</style>c<!-- x -->d", "a b c d"},
      {"x &okänt; &#0; &amp", "x &okänt; \xEF\xBF\xBD &amp"},
      {"<em>ju</em>st 3 < 4", "just 3 < 4"},
      {"", ""},
  };
  for (const auto& [html, text] : rows) {
    CAPTURE(html);
    CHECK(svpol::html_to_text(html) == text);
  }
}

namespace {

std::vector<svpol::document> read_riksdag(const std::string& json,
                                          std::vector<input_error>* errors = nullptr) {
  std::vector<svpol::document> docs;
  svpol::read_riksdag_json(
      json, "a.json", [&](svpol::document d) { docs.push_back(std::move(d)); },
      errors ? svpol::error_handler([&](const input_error& e) {
        errors->push_back(e);
        return true;
      })
             : svpol::error_handler());
  return docs;
}

const std::string speech =
    R"js({"dok_id": "H310123", "dok_rm": "2015/16", "dok_datum": "2016-03-02",
        "avsnittsrubrik": "Svar på interpellation", "anforande_id": "abc-1",
        "anforande_nummer": "12", "talare": "Statsrådet Anna Andersson (S)", "parti": "S",
        "anforandetext": "<p>Fru talman! Vi kommer att satsa.</p><p>Tack.</p>",
        "replik": "N", "rel_dok_id": null})js";

}  // namespace

TEST_CASE("a Riksdag speech becomes a document with metadata", "[corpus]") {
  for (const std::string& json :
       {speech, "[" + speech + "]", R"({"anforande": )" + speech + "}",
        R"({"anforandelista": {"@antal": "1", "anforande": [)" + speech + "]}}"}) {
    CAPTURE(json);
    const auto docs = read_riksdag(json);
    REQUIRE(docs.size() == 1);
    const auto& d = docs[0];
    CHECK(d.id() == "abc-1");
    CHECK(d.text() == "Fru talman! Vi kommer att satsa.\n\nTack.");
    CHECK(d.meta_value("speaker") == "Statsrådet Anna Andersson (S)");
    CHECK(d.meta_value("party") == "S");
    CHECK(d.meta_value("date") == "2016-03-02");
    CHECK(d.meta_value("year") == "2016");
    CHECK(d.meta_value("title") == "Svar på interpellation");
    CHECK(d.meta_value("dok_rm") == "2015/16");
    CHECK(d.meta_value("replik") == "N");
    CHECK(d.meta_value("rel_dok_id").empty());
  }
}

TEST_CASE("bad Riksdag records name file, line and field", "[corpus]") {
  const std::string json =
      "{\"anforandelista\": {\"anforande\": [\n" + speech +
      ",\n"
      "{\"dok_id\": \"H1\", \"anforande_nummer\": \"2\",\n"
      "  \"anforandetext\": null},\n"
      "{\"anforandetext\": \"<p>Utan id.</p>\"},\n"
      "7,\n"
      "{\"dok_id\": \"H1\", \"anforande_nummer\": 3, \"anforandetext\": \"Ok.\"}\n"
      "]}}";
  SECTION("skipped with a handler") {
    std::vector<input_error> errors;
    const auto docs = read_riksdag(json, &errors);
    REQUIRE(docs.size() == 2);
    CHECK(docs[1].id() == "H1-3");
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].line == 8);  // the line of the field
    CHECK(std::string(errors[0].what()) == "\"anforandetext\" must be a string, not null");
    CHECK(errors[1].line == 9);
    CHECK(std::string(errors[1].what()).find("neither \"anforande_id\"") != std::string::npos);
    CHECK(errors[2].line == 10);
    CHECK(errors[2].column == 1);
    CHECK(std::string(errors[2].what()).find("must be a JSON object") != std::string::npos);
    for (const auto& e : errors) CHECK(e.source == "a.json");
  }
  SECTION("the first stops the file without one") {
    CHECK_THROWS_AS(read_riksdag(json), input_error);
  }
  SECTION("broken JSON names its line") {
    try {
      read_riksdag("[\n{\"anforandetext\": \"x\",\n}]");
      FAIL("no error");
    } catch (const input_error& e) {
      CHECK(e.line == 3);
      CHECK(std::string(e.what()).find("not JSON") == 0);
    }
  }
}
