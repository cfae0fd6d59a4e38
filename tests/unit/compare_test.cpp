#include <catch2/catch.hpp>
#include <array>
#include <fstream>
#include <map>
#include <sstream>

#include "svpol/compare.hpp"
#include "svpol/corpus.hpp"
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
