// The installed problem rules (lexicons/sv/rules/problem.svr, terms/problem.tsv) on sentences
// written for these tests: one positive case per rule, then the exclusions of ANNOTATION.md.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using svpol::test::findings_of;
using svpol::test::found_span;

std::vector<found_span> problems(const std::string& text) {
  std::vector<found_span> out;
  for (auto& f : findings_of(text))
    if (f.label == "Problem") out.push_back(std::move(f));
  return out;
}

std::string describe(const std::vector<found_span>& found) {
  std::string s;
  for (const auto& f : found) s += "[" + f.rule + ": " + f.text + "] ";
  return s;
}

struct positive {
  const char* rule;
  const char* text;
  const char* inside;  // a part of the text the finding must cover
  const char* trend;
};

}  // namespace

TEST_CASE("each problem rule finds its kind of problem statement", "[rules][problem]") {
  const std::vector<positive> cases = {
      {"problem.rising", "Otryggheten har ökat i flera kommuner.", "Otryggheten har ökat",
       "rising"},
      {"problem.rising_inverted", "Därför ökar arbetslösheten bland unga.", "ökar arbetslösheten",
       "rising"},
      {"problem.rising_inverted", "Torkan förra sommaren ökade utsläppen kraftigt.",
       "ökade utsläppen", "rising"},
      {"problem.growing_subject", "Vi ser att ökande kostnader slår hårt mot pensionärerna.",
       "ökande kostnader slår", "rising"},
      {"problem.growing_subject_initial",
       "Ökande kostnader tvingar många pensionärer att avstå från tandvård.",
       "Ökande kostnader tvingar", "rising"},
      {"problem.falling", "Förtroendet för rättsväsendet har sjunkit under flera år.",
       "Förtroendet för rättsväsendet har sjunkit", "falling"},
      {"problem.worsens", "Den nya skatten försämrar villkoren för småföretagare.",
       "försämrar villkoren", "falling"},
      {"problem.det_finns", "Vi vet att det finns en utbredd korruption i branschen.",
       "det finns en utbredd korruption", "static"},
      {"problem.det_finns_initial", "Det finns en allvarlig brist på sjuksköterskor.",
       "Det finns en allvarlig brist", "static"},
      {"problem.noun_finns", "Segregationen består trots alla satsningar.", "Segregationen består",
       "static"},
      {"problem.evaluative", "Situationen på akutmottagningarna är alarmerande.", "är alarmerande",
       "static"},
      {"problem.level_high", "Arbetslösheten bland utrikes födda är hög.",
       "Arbetslösheten bland utrikes födda är hög", "static"},
      {"problem.level_low", "Tilliten till myndigheterna är låg i många områden.",
       "Tilliten till myndigheterna är låg", "static"},
      {"problem.is_a_problem", "Ensamheten bland äldre är ett stort problem.",
       "är ett stort problem", "static"},
      {"problem.not_good", "Den nuvarande ordningen är inte hållbar.", "är inte hållbar", "static"},
      {"problem.bad_condition", "Många barn växer upp under svåra förhållanden.",
       "svåra förhållanden", "static"},
      {"problem.harm", "Bedrägerierna drabbar framför allt äldre personer.",
       "drabbar framför allt äldre personer", "static"},
      {"problem.causes", "Fusket leder till att seriösa företag slås ut.", "Fusket leder till att",
       "static"},
      {"problem.causes_harm", "Förslaget leder till att fler blir arbetslösa.",
       "leder till att fler blir arbetslösa", "static"},
      {"problem.risk", "Många småföretag riskerar att gå i konkurs.", "riskerar att gå i konkurs",
       "static"},
      {"problem.shortcoming", "Systemet fungerar inte för de mest utsatta.",
       "Systemet fungerar inte", "static"},
      {"problem.regret", "Tyvärr ser vi samma mönster i år.", "Tyvärr ser vi samma mönster",
       "static"},
      {"problem.regret_that", "Vi beklagar att flera länder har lämnat avtalet.",
       "flera länder har lämnat avtalet", "static"},
      {"problem.excess", "Alltför många unga lämnar skolan utan betyg.", "Alltför många unga",
       "static"},
      {"problem.relative", "Hon beskrev den otrygghet som många kvinnor känner i parkerna.",
       "otrygghet som många kvinnor känner", "static"},
      {"problem.is_a_growing_problem", "Spelberoendet är ett växande problem bland unga män.",
       "är ett växande problem", "rising"},
      {"problem.drives_up", "Bristen på bostäder driver upp hyrorna i storstäderna.",
       "driver upp hyrorna", "rising"},
      {"problem.comment", "Många äldre avstår från tandvård, vilket är mycket oroande.",
       "avstår från tandvård, vilket är mycket oroande", "static"},
      {"problem.finns_inverted", "I glesbygden finns stora brister i mobiltäckningen.",
       "finns stora brister", "static"},
      {"problem.becomes_worse", "Bostadsbristen har blivit allt värre i mellanstora städer.",
       "Bostadsbristen har blivit allt värre", "rising"},
      {"problem.evaluative_long_subject",
       "Den trakasseri, de hot och det hat som lärare möter, är helt oacceptabla.",
       "det hat som lärare möter, är helt oacceptabla", "static"},
      {"problem.is_a_growing_problem", "Följden har blivit en ökande segregation i skolan.",
       "har blivit en ökande segregation", "rising"},
      {"problem.has_difficulty", "Många nyanlända har svårt att hitta en bostad.",
       "har svårt att hitta en bostad", "static"},
      {"problem.befalls", "Många patienter får allvarliga infektioner.",
       "får allvarliga infektioner", "static"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto found = problems(c.text);
    INFO(describe(found));
    bool hit = false;
    for (const auto& f : found) {
      if (f.rule != c.rule || f.text.find(c.inside) == std::string::npos) continue;
      hit = true;
      CHECK(f.attribute("Trend") == c.trend);
    }
    CHECK(hit);
  }
}

TEST_CASE("the exclusions of the guideline are no problem statements", "[rules][problem]") {
  const std::vector<std::string> none = {
      // a growing problem named as the object of an action: a participle after a determiner
      "Vi måste möta den ökade arbetslösheten.",
      // a denied problem
      "Våldet i samhället ökar inte.",
      "Det finns inga problem med förslaget.",
      // a hypothetical or conditional
      "Om arbetslösheten skulle öka måste vi agera.",
      "Förslaget skulle kunna leda till att fler blir arbetslösa.",
      "Inspektörerna undersöker om det finns brister i arbetsmiljön.",
      // a problem only as the object of an action
      "Vi kommer att motarbeta ökande klyftor.",
      "Vi ska bryta den negativa utvecklingen.",
      "För att komma till rätta med den ökande resistensen måste vi agera.",
      "I staden finns ett nytt center mot arbetslivskriminalitet.",
      // an interrogative clause
      "Rapporten beskriver vilka negativa effekter fusket har.",
      "Studien visar att buller från vägarna inte är ett stort problem.",
      // the problem is the object, the subject follows the verb
      "För att lösa detta problem finns möjligheten att söka bidrag.",
      // more of something is no harm in itself
      "Reformen leder till fler jobb i regionen.",
      // a relative clause that does not state the problem
      "Utredningen tar upp de problem som lyfts i remissen.",
      // a negative test result, a birth
      "Resenären visade upp ett negativt test vid gränsen.",
      "Hon föddes under kriget.",
      // a question
      "Ökar brottsligheten i Sverige?",
      "Är läget allvarligt?",
      // good news: a problem that falls
      "Brottsligheten har minskat kraftigt.",
      // a need
      "Trots detta kvarstår behov av stöd.",
  };
  for (const auto& text : none) {
    INFO(text);
    const auto found = problems(text);
    INFO(describe(found));
    CHECK(found.empty());
  }
}
