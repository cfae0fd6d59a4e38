// The stakeholder bars of the issue, checked on the shared dev gold (ANNOTATION.md): the
// installed rules and lexicons over every NAME.txt of gold/dev, scored against NAME.ann as
// `svpol eval brat` scores them. Fails when the extractor falls below a bar it has reached.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "svpol/brat.hpp"
#include "svpol/eval.hpp"
#include "test_support.hpp"

namespace {

std::string read_whole(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("stakeholders on gold/dev reach the issue's bars", "[eval][brat][stakeholder]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(SVPOL_SHARED_DIR) / "gold" / "dev";
  std::error_code ec;
  INFO("gold directory " << dir.string());
  REQUIRE(fs::is_directory(dir, ec));
  std::vector<fs::path> texts;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  std::sort(texts.begin(), texts.end());
  REQUIRE(!texts.empty());

  const auto& e = svpol::test::installed();
  svpol::brat_scores r;
  for (const auto& txt : texts) {
    const std::string name = txt.stem().string();
    const std::string text = read_whole(txt);
    fs::path ann = txt;
    ann.replace_extension(".ann");
    const auto gold = svpol::read_brat(read_whole(ann), ann.string(), &text);
    const auto doc = svpol::document::from_utf8(text, name);
    const auto sys = svpol::to_spans(doc, e.ext.extract(doc, e.pipe.run(doc)));
    svpol::score_brat(name, text, gold, sys, r);
  }
  INFO("lenient F1 " << r.stakeholder_lenient.f1() << ", strict F1 " << r.stakeholder_strict.f1()
                     << ", Category accuracy " << r.accuracy("Stakeholder.Category"));
  CHECK(r.stakeholder_lenient.gold >= 398);
  CHECK(r.stakeholder_lenient.f1() >= 0.85);
  CHECK(r.stakeholder_strict.f1() >= 0.75);
  CHECK(r.accuracy("Stakeholder.Category") >= 0.85);
}
