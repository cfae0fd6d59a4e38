#include "svpol/compare.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "svpol/corpus.hpp"
#include "svpol/error.hpp"
#include "test_support.hpp"

namespace {

svpol::finding make(svpol::label kind, std::size_t first, std::size_t end,
                    std::vector<std::pair<std::string, std::string>> attrs = {}) {
  svpol::finding f;
  f.kind = kind;
  f.first_token = first;
  f.end_token = end;
  f.attributes = std::move(attrs);
  return f;
}

}  // namespace

TEST_CASE("comparison counts findings and word tokens per group", "[compare]") {
  svpol::comparison cmp("year");
  const svpol::pipeline& pipe = svpol::test::installed().pipe;
  auto add = [&](const std::string& text, const std::string& year,
                 const std::vector<svpol::finding>& found) {
    const auto doc = svpol::document::from_utf8(text, "d", {{"year", year}});
    cmp.add(doc, pipe.run(doc), found);
  };
  // 4 word tokens and a period each.
  add("Vi ska bygga skolor.", "2016",
      {make(svpol::label::commitment, 0, 4, {{"Strength", "strong"}})});
  add("Polisen ökar sin närvaro.", "2016",
      {make(svpol::label::stakeholder, 0, 1, {{"Reference", "svpol:polisen"}})});
  add("Vi ska bygga skolor.", "998", {});
  add("Text utan år.", "", {});
  const auto groups = cmp.groups();
  REQUIRE(groups.size() == 3);
  CHECK(groups[0]->group == "998");  // numeric order, not text order
  CHECK(groups[1]->group == "2016");
  CHECK(groups[2]->group == "(none)");
  CHECK(groups[1]->documents == 2);
  CHECK(groups[1]->tokens == 8);
  CHECK(groups[1]->commitments == 1);
  CHECK(groups[1]->rate(groups[1]->commitments) == Approx(1250.0));
  CHECK(groups[1]->commitment_strength.at("strong") == 1);
  CHECK(groups[1]->stakeholder_mentions.at("svpol:polisen") == 1);

  std::ostringstream out;
  svpol::write_comparison_csv(out, cmp);
  CHECK(out.str().find("2016,commitments_per_10k,1250.00\n") != std::string::npos);
  std::ostringstream table;
  svpol::write_comparison_md(table, cmp);
  CHECK(table.str().find("| 2016 | 2 | 8 | 1 | 1250.00 |") != std::string::npos);
}

TEST_CASE("CSV and Markdown escape what corpus metadata holds", "[compare]") {
  svpol::comparison cmp("party");
  const auto doc = svpol::document::from_utf8("Hej.", "d", {{"party", "S,\"M\"|<b>"}});
  cmp.add(doc, svpol::test::installed().pipe.run(doc), {});
  std::ostringstream csv, md;
  svpol::write_comparison_csv(csv, cmp);
  svpol::write_comparison_md(md, cmp);
  CHECK(csv.str().find("\"S,\"\"M\"\"|<b>\",documents,1") != std::string::npos);
  // Markup in a cell stays text where the Markdown is rendered.
  CHECK(md.str().find("| S,\"M\"\\|&lt;b&gt; |") != std::string::npos);
}

TEST_CASE("per-group counts agree with the extractor's findings summed by hand", "[compare]") {
  std::ifstream in(std::string(SVPOL_TEST_LEXICONS) + "/../../corpora/sample.jsonl");
  REQUIRE(in);
  const auto& e = svpol::test::installed();
  svpol::comparison cmp("year");
  std::map<std::string, std::array<std::size_t, 3>> by_hand;
  svpol::read_jsonl(in, "sample.jsonl", [&](svpol::document doc) {
    const auto a = e.pipe.run(doc);
    const auto found = e.ext.extract(doc, a);
    cmp.add(doc, a, found);
    auto& counts = by_hand[std::string(doc.meta_value("year"))];
    for (const auto& f : found) ++counts[static_cast<std::size_t>(f.kind)];
  });
  REQUIRE(cmp.groups().size() == by_hand.size());
  for (const auto* g : cmp.groups()) {
    CAPTURE(g->group);
    const auto& counts = by_hand.at(g->group);
    CHECK(g->commitments == counts[static_cast<std::size_t>(svpol::label::commitment)]);
    CHECK(g->problems == counts[static_cast<std::size_t>(svpol::label::problem)]);
    CHECK(g->stakeholders == counts[static_cast<std::size_t>(svpol::label::stakeholder)]);
  }
}

TEST_CASE("sides of a keyness comparison", "[compare][keyness]") {
  const auto range = svpol::side_filter::parse("1994-2005", "year");
  CHECK(range.range);
  CHECK(range.from == 1994);
  CHECK(range.to == 2005);
  const auto party = svpol::side_filter::parse("party=S", "year");
  CHECK(party.key == "party");
  CHECK(party.value == "S");
  const auto plain = svpol::side_filter::parse("Karin Wanngård", "speaker");
  CHECK(plain.key == "speaker");
  CHECK(plain.value == "Karin Wanngård");
  CHECK(svpol::side_filter::parse("a-b", "speaker").value == "a-b");  // not a numeric range
  CHECK_THROWS_AS(svpol::side_filter::parse("party=", "year"), svpol::input_error);
  const auto doc = svpol::document::from_utf8("x", "d", {{"year", "1998"}, {"party", "S"}});
  CHECK(range.matches(doc));
  CHECK(party.matches(doc));
  CHECK_FALSE(svpol::side_filter::parse("2015-2024", "year").matches(doc));
}

TEST_CASE("keyness: log-likelihood and Log Ratio as the Lancaster calculator",
          "[compare][keyness]") {
  svpol::keyness k(svpol::side_filter::parse("A", "side"), svpol::side_filter::parse("B", "side"));
  const auto& pipe = svpol::test::installed().pipe;
  auto add = [&](const std::string& side, const std::string& text) {
    const auto doc = svpol::document::from_utf8(text, "d", {{"side", side}});
    k.add(doc, pipe.run(doc));
  };
  // Side A: 10 words, 4 of them `skola`; side B: 20 words, 1 `skola`.
  add("A", "skolan skolan skolan skolan bra bra bra bra bra bra");
  add("B", "skolan bra bra bra bra bra bra bra bra bra bra bra bra bra bra bra bra bra bra bra");
  REQUIRE(k.tokens_a() == 10);
  REQUIRE(k.tokens_b() == 20);
  const auto top = k.top(10, 1.0);
  const auto it =
      std::find_if(top.begin(), top.end(), [](const auto& w) { return w.lemma == "skola"; });
  REQUIRE(it != top.end());
  CHECK(it->a == 4);
  CHECK(it->b == 1);
  // E1 = 10 * 5 / 30, E2 = 20 * 5 / 30; G2 = 2 (4 ln(4/E1) + 1 ln(1/E2)) = 4.5958...
  CHECK(it->g2 == Approx(2 * (4 * std::log(4 / (50.0 / 30)) + std::log(1 / (100.0 / 30)))));
  CHECK(it->g2 == Approx(4.5958).epsilon(0.001));
  CHECK(it->p == Approx(0.03205).epsilon(0.01));
  CHECK(it->log_ratio == Approx(std::log2((4.0 / 10) / (1.0 / 20))));
}

TEST_CASE("the HTML report is self-contained and escapes corpus text", "[compare][html]") {
  svpol::comparison cmp("year");
  const auto doc =
      svpol::document::from_utf8("Vi ska bygga skolor.", "d<1>", {{"year", "2016\"><script>"}});
  const auto& e = svpol::test::installed();
  const auto a = e.pipe.run(doc);
  cmp.add(doc, a, e.ext.extract(doc, a));
  std::ostringstream out;
  svpol::write_comparison_html(
      out, cmp,
      {{"2016\"><script>", "Commitment", "d<1>", "<script>", "alert(1)", "</script>\"},{"}});
  const std::string html = out.str();
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("<circle") != std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // nothing loaded from the network
  CHECK(html.find("href=\"#ex-0-Commitment\"") != std::string::npos);
  CHECK(html.find("id=\"ex-0-Commitment\"") != std::string::npos);
}
