// The installed Commitment rules (lexicons/sv/rules/commitment.svr) on sentences written for
// these tests: each rule once with a sentence it must find, and the exclusions of
// ANNOTATION.md ("Does not count") that it must leave alone.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using svpol::test::findings_of;
using svpol::test::found_span;
using svpol::test::spans_of;

// The single Commitment found in `text` (fails the test when there is not exactly one).
found_span one_commitment(const std::string& text) {
  std::vector<found_span> out;
  for (auto& f : findings_of(text))
    if (f.label == "Commitment") out.push_back(f);
  INFO(text);
  REQUIRE(out.size() == 1);
  return out[0];
}

struct positive {
  const char* text;
  const char* rule;
  const char* strength;
  const char* kind;
  const char* actor;
  const char* polarity;  // "" or "negative"
};

}  // namespace

TEST_CASE("commitment rules find the speaker's side binding itself", "[rules][commitment]") {
  const positive table[] = {
      {"Jag kommer att se över reglerna för bidraget.", "commitment.strong", "strong", "action",
       "speaker", ""},
      {"Vi ska sänka skatten för pensionärer.", "commitment.strong", "strong", "action", "own-side",
       ""},
      {"Regeringen kommer stå fast vid sin linje.", "commitment.strong", "strong", "action",
       "own-side", ""},
      {"Vi kommer att behöva bygga fler vägar.", "commitment.strong_need", "medium", "action",
       "own-side", ""},
      {"Regeringen avser att lägga fram ett förslag i höst.", "commitment.medium", "medium",
       "action", "own-side", ""},
      {"Jag tänker ta upp saken med kommunerna.", "commitment.medium", "medium", "action",
       "speaker", ""},
      {"Vi vill bygga fler bostäder i norr.", "commitment.weak", "weak", "action", "own-side", ""},
      {"Vi kommer inte att höja bensinskatten.", "commitment.negative", "strong", "action",
       "own-side", "negative"},
      {"Vi vill inte låta skolorna förfalla.", "commitment.negative_weak", "weak", "action",
       "own-side", "negative"},
      {"Därför kommer vi att satsa på skolan.", "commitment.strong_inverted", "strong", "action",
       "own-side", ""},
      {"Samtidigt behöver vi stärka vården.", "commitment.medium_inverted", "medium", "action",
       "own-side", ""},
      {"Därför vill vi minska köerna.", "commitment.weak_inverted", "weak", "action", "own-side",
       ""},
      {"Sådant kommer vi aldrig tolerera.", "commitment.negative_inverted", "strong", "action",
       "own-side", "negative"},
      {"Den vägen får vi aldrig gå.", "commitment.negative_inverted_medium", "medium", "action",
       "own-side", "negative"},
      {"Vi skärper straffen för vapenbrott.", "commitment.act", "strong", "action", "own-side", ""},
      {"Därför inrättar vi en ny myndighet för cybersäkerhet.", "commitment.act_inverted", "strong",
       "action", "own-side", ""},
      {"Vi viker inte för hoten.", "commitment.refusal", "strong", "action", "own-side",
       "negative"},
      {"Vi arbetar nu med en ny plan för äldreomsorgen.", "commitment.work", "medium", "action",
       "own-side", ""},
      {"Sedan i våras arbetar vi med frågan.", "commitment.work_inverted", "medium", "action",
       "own-side", ""},
      {"Nämnden samlar in underlag och arbetar också med att ta fram en plan.",
       "commitment.work_on", "medium", "action", "own-side", ""},
      {"Det jag gör nu är att se över alla avtal.", "commitment.what_i_do", "medium", "action",
       "speaker", ""},
      {"Regeringen har beslutat att höja anslaget till polisen.", "commitment.decided", "strong",
       "action", "own-side", ""},
      {"I går beslutade regeringen om att förlänga stödet.", "commitment.decided_inverted",
       "strong", "action", "own-side", ""},
      {"Regeringen fattade i dag beslut om att stänga gränsen.", "commitment.decision_taken",
       "strong", "action", "own-side", ""},
      {"Regeringen ger Skolverket i uppdrag att utreda betygen.", "commitment.assignment", "strong",
       "action", "own-side", ""},
      {"I dag ger regeringen Skolverket i uppdrag att utreda betygen.",
       "commitment.assignment_inverted", "strong", "action", "own-side", ""},
      {"Vi är beredda att sänka avgiften.", "commitment.resolve_weak", "weak", "action", "", ""},
      {"Vi är fast beslutna att vända utvecklingen.", "commitment.resolve_strong", "strong",
       "action", "", ""},
      {"Det är självklart att vi måste agera snabbare.", "commitment.evaluated", "medium", "action",
       "own-side", ""},
      {"Det är viktigt att vi ska skydda kusten.", "commitment.evaluated_strong", "strong",
       "action", "own-side", ""},
      {"Utredningen ska redovisa sitt uppdrag i juni.", "commitment.body_plan", "strong", "action",
       "own-side", ""},
      {"Skolan ska vara en trygg plats.", "commitment.body_goal", "strong", "goal", "own-side", ""},
      {"I vårt land ska barn kunna växa upp i trygghet.", "commitment.goal_inverted", "strong",
       "goal", "own-side", ""},
      {"Det ska bli lättare att starta företag.", "commitment.it_shall_be", "strong", "goal",
       "own-side", ""},
      {"Alla ska kunna lita på vården.", "commitment.everyone_can", "strong", "goal", "own-side",
       ""},
      {"På landsbygden ska man kunna leva ett gott liv.", "commitment.everyone_can_inverted",
       "strong", "goal", "own-side", ""},
      {"Utrikesdepartementet planerar för ytterligare en resa.", "commitment.plans_for", "medium",
       "action", "own-side", ""},
      {"Polisen kommer att öka närvaron i centrum.", "commitment.authority_plan", "strong",
       "action", "other", ""},
      {"Nu fortsätter arbetet med att stärka beredskapen.", "commitment.work_continues", "strong",
       "action", "own-side", ""},
  };
  for (const auto& row : table) {
    const auto f = one_commitment(row.text);
    INFO(row.text);
    CHECK(f.rule == row.rule);
    CHECK(f.attribute("Strength") == row.strength);
    CHECK(f.attribute("Kind") == row.kind);
    CHECK(f.attribute("Actor") == row.actor);
    CHECK(f.attribute("Polarity") == row.polarity);
  }
}

TEST_CASE("commitment spans start at the subject and end before the punctuation",
          "[rules][commitment]") {
  CHECK(spans_of("Jag kommer att se över reglerna.", "Commitment") ==
        std::vector<std::string>{"Jag kommer att se över reglerna"});
  CHECK(spans_of("Vi ska sänka skatten, och vi ska göra det i år.", "Commitment") ==
        std::vector<std::string>{"Vi ska sänka skatten", "vi ska göra det i år"});
}

TEST_CASE("commitment rules leave what does not bind the speaker alone", "[rules][commitment]") {
  const char* const negatives[] = {
      // questions
      "Avser regeringen att sänka skatten?",
      "Kommer ministern att ta initiativ till en översyn?",
      // speech acts done by saying them
      "Jag vill tacka ministern för svaret.",
      "Därför vill jag fråga ministern om saken.",
      "Jag ska börja med att säga några ord om bakgrunden.",
      "Jag vill inte påstå att myndigheten är dålig.",
      // completed past actions
      "Vi har under hösten förstärkt polisen.",
      "I juni tillsatte vi en utredning om detta.",
      "Vi skärpte straffen förra året.",
      // conditional and indirect speech with skulle
      "Jag skulle vilja ha ett svar från ministern.",
      "Ministern sa att hon skulle se över frågan.",
      // a need without anyone bound, generic norms with man
      "Denna utveckling måste brytas.",
      "Ska man ingå avtal ska man hålla dem.",
      "Självklart ska man ha respekt för skattebetalarnas pengar.",
      // opposition demands
      "Regeringen borde sänka skatten.",
      // subordinate clauses: relative, interrogative, purpose
      "Det är ett problem som vi måste ta itu med.",
      "Frågan är hur vi ska finansiera det.",
      "Vi flyttar förbanden så att vi snabbt ska kunna få hjälp.",
      "Frågan är hur regelverket ska se ut i framtiden.",
      "Han räknar med att bidraget ska betalas ut i tid.",
      // a fronted relative and a reflexive change of mind are not policy acts
      "Beslutet stärker skolan, vilket ökar tryggheten.",
      "Regeringen ändrar sig i frågan.",
      // a subordinate word order: the adverb before the finite verb
      "Det är pengar som regeringen nu skjuter till.",
  };
  for (const char* text : negatives) {
    INFO(text);
    CHECK(spans_of(text, "Commitment").empty());
  }
}
