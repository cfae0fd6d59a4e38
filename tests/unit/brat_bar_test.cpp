// The issue bars of the extractor: the installed engine over the gold dev set
// (../shared/gold/dev), scored as `svpol eval brat` scores it.
#include <catch2/catch.hpp>

#include "svpol/eval.hpp"
#include "test_support.hpp"

namespace {

const svpol::brat_scores& dev_scores() {
  static const svpol::brat_scores scores = [] {
    const auto& e = svpol::test::installed();
    return svpol::evaluate_brat_dir(std::string(SVPOL_SHARED_DIR) + "/gold/dev",
                                    svpol::extractor_system(e.pipe, e.ext));
  }();
  return scores;
}

}  // namespace

TEST_CASE("commitment rules reach F1 0.80 on gold/dev", "[brat][commitment][bar]") {
  const auto& s = dev_scores();
  INFO("Commitment P " << s.commitment.precision() << " R " << s.commitment.recall() << " F1 "
                       << s.commitment.f1() << " over " << s.documents << " documents");
  CHECK(s.documents == 25);
  CHECK(s.commitment.f1() >= 0.80);
}

TEST_CASE("problem statements reach F1 0.70 on gold/dev", "[brat][problem][bar]") {
  const auto& s = dev_scores();
  INFO("Problem P " << s.problem.precision() << " R " << s.problem.recall() << " F1 "
                    << s.problem.f1());
  CHECK(s.problem.f1() >= 0.70);
}

TEST_CASE("stakeholder mentions reach the bars on gold/dev", "[brat][stakeholder][bar]") {
  const auto& s = dev_scores();
  INFO("Stakeholder lenient F1 " << s.stakeholder_lenient.f1() << ", strict F1 "
                                 << s.stakeholder_strict.f1() << ", Category accuracy "
                                 << s.accuracy("Stakeholder.Category"));
  CHECK(s.stakeholder_lenient.f1() >= 0.85);
  CHECK(s.stakeholder_strict.f1() >= 0.75);
  CHECK(s.accuracy("Stakeholder.Category") >= 0.85);
}
