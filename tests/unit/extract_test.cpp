#include <catch2/catch.hpp>
#include <sstream>

#include "svpol/brat.hpp"
#include "svpol/error.hpp"
#include "svpol/eval.hpp"
#include "svpol/writers.hpp"
#include "test_support.hpp"

TEST_CASE("findings carry the original span, rule and attributes", "[extract]") {
  const auto found = svpol::test::findings_of("Jag kommer att se över organisationen.");
  REQUIRE(!found.empty());
  CHECK(found[0].label == "Commitment");
  CHECK(found[0].rule.rfind("commitment.", 0) == 0);
  CHECK(!found[0].attribute("Strength").empty());
}

TEST_CASE("brat output reads back with the same spans", "[extract][brat]") {
  const std::string text = "Polisen ska öka närvaron.\nJag kommer att se över\norganisationen.";
  const auto doc = svpol::document::from_utf8(text, "t");
  const auto& e = svpol::test::installed();
  const auto found = e.ext.extract(doc, e.pipe.run(doc));
  std::ostringstream ann;
  svpol::write_brat(ann, doc, found);
  const auto back = svpol::read_brat(ann.str(), "t.ann", &text);
  REQUIRE(back.size() == found.size());
  const auto spans = svpol::to_spans(doc, found);
  for (std::size_t i = 0; i < back.size(); ++i) {
    CHECK(back[i].begin == spans[i].begin);
    CHECK(back[i].end == spans[i].end);
    CHECK(back[i].label == spans[i].label);
  }
}

TEST_CASE("brat gold that does not fit its text is an error naming the line", "[brat]") {
  const std::string text = "Polisen ska öka närvaron.";
  SECTION("outside") {
    try {
      (void)svpol::read_brat("T1\tStakeholder 20 40\tx\n", "g.ann", &text);
      FAIL("no error");
    } catch (const svpol::input_error& e) {
      CHECK(e.line == 1);
      CHECK(std::string(e.what()).find("outside the text") != std::string::npos);
    }
  }
  SECTION("text differs") {
    try {
      (void)svpol::read_brat("#c\nT1\tStakeholder 0 7\tPolisen\nT2\tStakeholder 0 7\tPolis\n",
                             "g.ann", &text);
      FAIL("no error");
    } catch (const svpol::input_error& e) {
      CHECK(e.line == 3);
      CHECK(std::string(e.what()).find("does not match") != std::string::npos);
    }
  }
  // Found by tests/fuzz/fuzz_brat: offsets went through std::stoul, so `1e8` was 1 and a
  // later fragment could end the span before it began.
  SECTION("offsets that are not plain numbers") {
    for (const char* off : {"0 1e8", "-1 7", "0 +7", "0x1 7", "0 99999999999999999999999"}) {
      INFO(off);
      try {
        (void)svpol::read_brat(std::string("T1\tStakeholder ") + off + "\tPolisen\n", "g.ann",
                               &text);
        FAIL("no error");
      } catch (const svpol::input_error& e) {
        CHECK(e.where() == "g.ann:1:1");
        CHECK(std::string(e.what()).find("offsets must be numbers") == 0);
      }
    }
  }
  SECTION("fragments out of order: the span runs from the first to the last") {
    const auto a = svpol::read_brat("T1\tProblem 12 15;8 11\tska öka\n", "g.ann", &text);
    REQUIRE(a.size() == 1);
    CHECK(a[0].begin == 8);
    CHECK(a[0].end == 15);
  }
  SECTION("attribute of an unknown annotation") {
    CHECK_THROWS_AS(svpol::read_brat("A1\tCategory T9 authority\n", "g.ann", &text),
                    svpol::input_error);
  }
}

TEST_CASE("brat scoring follows ANNOTATION.md", "[eval][brat]") {
  using svpol::span_annotation;
  const std::vector<span_annotation> gold = {
      {"T1", "Commitment", 0, 20, "", {{"Strength", "strong"}}, ""},
      {"T2", "Stakeholder", 30, 37, "", {{"Category", "authority"}}, ""},
      {"T3", "Stakeholder", 40, 50, "", {{"Category", "public"}}, ""},
      {"T4", "Problem", 60, 80, "", {}, ""},
  };
  const std::vector<span_annotation> sys = {
      {"T1", "Commitment", 5, 10, "", {{"Strength", "medium"}}, ""},       // overlaps T1
      {"T2", "Commitment", 12, 18, "", {}, ""},                            // T1 already taken
      {"T3", "Stakeholder", 30, 37, "", {{"Category", "authority"}}, ""},  // strict match
      {"T4", "Stakeholder", 45, 50, "", {{"Category", "public"}}, ""},     // lenient only
      {"T5", "Problem", 81, 90, "", {}, ""},                               // touches, no overlap
  };
  svpol::brat_scores r;
  svpol::score_brat("d", std::string(100, 'x'), gold, sys, r, true);
  CHECK(r.commitment.correct == 1);
  CHECK(r.commitment.system == 2);
  CHECK(r.commitment.gold == 1);
  CHECK(r.stakeholder_lenient.correct == 2);
  CHECK(r.stakeholder_strict.correct == 1);
  CHECK(r.problem.correct == 0);
  CHECK(r.accuracy("Stakeholder.Category") == Approx(1.0));
  CHECK(r.accuracy("Commitment.Strength") == Approx(0.0));
  CHECK(r.errors.size() == 3);  // a spurious commitment, a spurious and a missed problem
}

TEST_CASE("an alternative whose span takes no token consumes its context without a finding",
          "[extract]") {
  // stakeholder.svr relies on this: `i Ryssland` (a place) is taken by an alternative with an
  // empty span, so the rule neither reports it nor matches `Ryssland` again inside it.
  const auto& e = svpol::test::installed();
  const svpol::extractor ext(
      svpol::rules::parse("rule s : Stakeholder {\n"
                          "  match [word=\"i\"%c] span:([kind=\"url\" & kind=\"email\"]?)"
                          " [word=\"Ryssland\"] | span:[word=\"Ryssland\"];\n}\n",
                          "t.svr"),
      e.pipe.lexicons());
  const auto doc = svpol::document::from_utf8("Ryssland hotar. Vi bor i Ryssland.", "t");
  const auto found = ext.extract(doc, e.pipe.run(doc));
  REQUIRE(found.size() == 1);
  CHECK(doc.slice(found[0].span) == "Ryssland");
  CHECK(found[0].span.begin == 0);
}
