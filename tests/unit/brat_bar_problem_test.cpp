// The issue bar for problem statements: the installed engine over the gold dev set
// (../shared/gold/dev) must reach Problem F1 >= 0.70, scored as `svpol eval brat` scores it.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "svpol/brat.hpp"
#include "svpol/eval.hpp"
#include "test_support.hpp"

namespace {

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("problem statements reach the issue bar on gold/dev", "[brat][problem][bar]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(SVPOL_SHARED_DIR) / "gold" / "dev";
  REQUIRE(fs::is_directory(dir));
  std::vector<fs::path> texts;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  std::sort(texts.begin(), texts.end());
  REQUIRE_FALSE(texts.empty());

  const auto& e = svpol::test::installed();
  svpol::brat_scores scores;
  for (const auto& txt : texts) {
    const std::string name = txt.stem().string();
    const std::string text = read_whole(txt);
    fs::path ann = txt;
    ann.replace_extension(".ann");
    const auto gold = svpol::read_brat(fs::exists(ann) ? read_whole(ann) : std::string(),
                                       ann.string(), &text);
    const auto doc = svpol::document::from_utf8(text, name);
    const auto sys = svpol::to_spans(doc, e.ext.extract(doc, e.pipe.run(doc)));
    svpol::score_brat(name, text, gold, sys, scores);
  }
  INFO("Problem P " << scores.problem.precision() << " R " << scores.problem.recall() << " F1 "
                    << scores.problem.f1() << " over " << scores.documents << " documents");
  CHECK(scores.problem.gold > 0);
  CHECK(scores.problem.f1() >= 0.70);
}
