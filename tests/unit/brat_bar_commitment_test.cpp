// The issue bar for commitments: the installed rules reach Commitment F1 >= 0.80 over the
// shared development gold (ANNOTATION.md scoring: overlap), as `svpol eval brat` reports it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "svpol/brat.hpp"
#include "svpol/eval.hpp"
#include "test_support.hpp"

namespace {

std::string read_whole(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("commitment rules reach F1 0.80 on gold/dev", "[rules][commitment][brat]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(SVPOL_SHARED_DIR) / "gold" / "dev";
  REQUIRE(fs::is_directory(dir));
  std::vector<fs::path> texts;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  std::sort(texts.begin(), texts.end());
  REQUIRE(!texts.empty());

  const auto& e = svpol::test::installed();
  svpol::brat_scores r;
  for (const auto& txt : texts) {
    const std::string text = read_whole(txt);
    fs::path ann = txt;
    ann.replace_extension(".ann");
    const auto gold =
        svpol::read_brat(fs::exists(ann) ? read_whole(ann) : std::string(), ann.string(), &text);
    const auto doc = svpol::document::from_utf8(text, txt.stem().string());
    const auto sys = svpol::to_spans(doc, e.ext.extract(doc, e.pipe.run(doc)));
    svpol::score_brat(txt.stem().string(), text, gold, sys, r);
  }
  INFO("Commitment P " << r.commitment.precision() << " R " << r.commitment.recall() << " F1 "
                       << r.commitment.f1());
  CHECK(r.commitment.f1() >= 0.80);
}
