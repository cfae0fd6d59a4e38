#include "svpol/lexicon.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "svpol/error.hpp"

namespace fs = std::filesystem;

TEST_CASE("the Swedish abbreviation list loads", "[lexicon]") {
  const auto lex = svpol::lexicon::load_dir(SVPOL_TEST_LEXICONS);
  CHECK(lex.abbreviations().contains("t.ex."));
  CHECK(lex.abbreviations().contains("anf."));
  CHECK(lex.abbreviations().can_end_sentence("osv."));
  CHECK_FALSE(lex.abbreviations().can_end_sentence("t.ex."));
  CHECK_FALSE(lex.abbreviations().spaced().empty());
}

TEST_CASE("a lexicon remembers the directory it was loaded from", "[lexicon]") {
  CHECK(svpol::lexicon::load_dir(SVPOL_TEST_LEXICONS).dir() == fs::path(SVPOL_TEST_LEXICONS));
  CHECK(svpol::lexicon{}.dir().empty());  // built in code
}

TEST_CASE("a malformed abbreviation file is reported with file:line:col", "[lexicon]") {
  const fs::path dir = fs::temp_directory_path() / "svpol-lexicon-test";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "abbreviations.txt");
    out << "# comment\nt.ex.\nosv.\tfinal\nkl.\tfinnal\n";
  }
  try {
    (void)svpol::lexicon::load_dir(dir);
    FAIL("no error");
  } catch (const svpol::rule_error& e) {
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].line == 4);
    CHECK(std::string(e.what()).find("abbreviations.txt:4:5: error: expected 'final'") !=
          std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("a missing lexicon directory is an input error", "[lexicon]") {
  CHECK_THROWS_AS(svpol::lexicon::load_dir("/nonexistent/svpol"), svpol::input_error);
}
