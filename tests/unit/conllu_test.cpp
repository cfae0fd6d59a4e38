#include "svpol/conllu.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "svpol/error.hpp"
#include "test_support.hpp"

TEST_CASE("reading CoNLL-U", "[conllu]") {
  const std::string text =
      "# newdoc id = d1\n# newpar\n# sent_id = 1\n# text = Vi ses.\n"
      "1\tVi\tvi\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
      "2\tses\tse\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\tSpacesAfter=\\n\\n\n\n"
      "# sent_id = 2\n1-2\tDet's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDet\tdet\tPRON\t_\t_\t0\troot\t_\t_\n"
      "2\t's\tvara\tAUX\t_\t_\t1\tcop\t_\t_\n";
  const auto s = svpol::read_conllu(text, "x.conllu");
  REQUIRE(s.size() == 2);
  CHECK(s[0].newdoc);
  CHECK(s[0].newpar);
  CHECK(s[0].text == "Vi ses.");
  CHECK(s[0].tokens.size() == 3);
  CHECK(s[0].tokens[1].misc_value("SpaceAfter") == "No");
  CHECK(s[0].tokens[2].misc_value("SpacesAfter") == "\\n\\n");
  CHECK(s[1].line == 9);
  CHECK(s[1].tokens.size() == 1);  // the multi-word token
  CHECK(s[1].words.size() == 2);
}

TEST_CASE("malformed CoNLL-U names file and line", "[conllu]") {
  try {
    (void)svpol::read_conllu("# text = x\n1\tx\tx\n", "bad.conllu");
    FAIL("no error");
  } catch (const svpol::input_error& e) {
    // The place is in source/line/column, not repeated in the message (main() prints both).
    CHECK(std::string(e.what()).find("expected 10 tab-separated") == 0);
    CHECK(e.where() == "bad.conllu:2:1");
    CHECK(e.line == 2);
  }
}

// Found while writing tests/fuzz/fuzz_conllu (by reading, fixed before the fuzzer ran long):
// word ids went through std::stoul, which threw std::invalid_argument past the reader on `1-x`
// and read `-1` as a huge number.
TEST_CASE("word ids that are not numbers are input errors", "[conllu][fuzz]") {
  const std::string head = "# sent_id = 1\n";
  const std::string rest = "\tx\tx\tX\t_\t_\t0\troot\t_\t_\n";
  for (const std::string id :
       {"1-x", "x-2", "-", "2-1", "-1", "1x", " 1", "99999999999999999999999"}) {
    INFO(id);
    try {
      (void)svpol::read_conllu(head + id + rest, "f.conllu");
      FAIL("no error");
    } catch (const svpol::input_error& e) {
      CHECK(e.where() == "f.conllu:2:1");
      CHECK(std::string(e.what()).find("bad word id") == 0);
    }
  }
  CHECK(svpol::read_conllu(head + "1-2" + rest + "1" + rest + "2" + rest, "f.conllu")[0]
            .tokens.size() == 1);
}

TEST_CASE("writing CoNLL-U: code point ranges and SpaceAfter", "[conllu]") {
  const auto doc = svpol::document::from_utf8("Målet nås.\n\nSedan.", "d");
  const svpol::pipeline pipe(svpol::test::sv());
  std::ostringstream out;
  svpol::write_conllu(out, doc, pipe.run(doc));
  const std::string s = out.str();
  CHECK(s.find("# newdoc id = d\n") == 0);
  CHECK(s.find("# text = Målet nås.\n") != std::string::npos);
  CHECK(s.find("1\tMålet\t") != std::string::npos);
  CHECK(s.find("TokenRange=0:5\n") != std::string::npos);
  CHECK(s.find("2\tnås\t") != std::string::npos);
  CHECK(s.find("SpaceAfter=No|TokenRange=6:9\n") != std::string::npos);
  CHECK(s.find("# newpar id = d-p2\n") != std::string::npos);
  CHECK(s.find("TokenRange=12:17") != std::string::npos);
}

TEST_CASE("writing token JSONL: one sentence a line, code point offsets", "[conllu]") {
  const auto doc = svpol::document::from_utf8("Är det så? Ja.", "d");
  const svpol::pipeline pipe(svpol::test::sv());
  std::ostringstream out;
  svpol::write_tokens_jsonl(out, doc, pipe.run(doc));
  const auto lines = svpol::test::split(out.str(), '\n');
  REQUIRE(lines.size() == 3);  // two sentences and the final newline
  CHECK(lines[1].find("\"start\":11,\"end\":14") != std::string::npos);
}
