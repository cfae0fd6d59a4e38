// The bars of the foundation issue, measured on the UD Swedish dev treebanks in ../shared/ud.
#include "svpol/eval.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "test_support.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("UD scoring counts exact spans", "[eval]") {
  // Gold splits `t.ex.` off as one token and has two sentences.
  const std::string gold =
      "# newdoc\n# text = Vi ska t.ex. läsa.\n1\tVi\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tska\t_\t_\t_\t_\t_\t_\t_\t_\n3\tt.ex.\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "4\tläsa\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "# text = Bra.\n1\tBra\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n";
  SECTION("with the Swedish lexicon all match") {
    const svpol::pipeline pipe(svpol::test::sv());
    const auto r = svpol::evaluate_ud(gold, "g", pipe);
    CHECK(r.tokens.correct == 7);
    CHECK(r.tokens.f1() == Approx(1.0));
    CHECK(r.sentences.f1() == Approx(1.0));
  }
  SECTION("without it, t.ex. is split and counted wrong") {
    const svpol::pipeline pipe{svpol::lexicon{}};
    const auto r = svpol::evaluate_ud(gold, "g", pipe, true);
    CHECK(r.tokens.gold == 7);
    CHECK(r.tokens.system == 8);
    CHECK(r.tokens.correct == 6);
    CHECK(!r.errors.empty());
  }
}

TEST_CASE("token and sentence F1 on UD Swedish dev treebanks reach the bars", "[eval][ud]") {
  const svpol::pipeline pipe(svpol::test::sv());
  struct bar {
    const char* file;
    double tokens, sentences;
  };
  for (const bar& b :
       {bar{"sv_talbanken-ud-dev.conllu", 99.8, 97.0}, bar{"sv_lines-ud-dev.conllu", 99.7, 88.5}}) {
    const std::string path = std::string(SVPOL_SHARED_DIR) + "/ud/" + b.file;
    const auto r = svpol::evaluate_ud(read(path), path, pipe);
    INFO(b.file << ": tokens " << 100 * r.tokens.f1() << ", sentences " << 100 * r.sentences.f1());
    CHECK(100 * r.tokens.f1() >= b.tokens);
    CHECK(100 * r.sentences.f1() >= b.sentences);
  }
}
