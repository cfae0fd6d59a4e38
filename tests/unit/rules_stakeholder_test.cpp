// The stakeholder rules (lexicons/sv/rules/stakeholder.svr) and their lexicons,
// run through the installed pipeline. The sentences are written for these
// tests: each rule finds its span with its Category, and the exclusions of
// ANNOTATION.md ("Stakeholder", "Not") hold.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "test_support.hpp"

namespace {

struct positive {
  const char *rule;
  const char *text;
  const char *span;
  const char *category;
};

bool has_span(const std::vector<svpol::test::found_span> &found, const std::string &span) {
  return std::any_of(found.begin(), found.end(),
                     [&](const auto &f) { return f.label == "Stakeholder" && f.text == span; });
}

}  // namespace

TEST_CASE("each stakeholder rule finds its noun phrase and category", "[rules][stakeholder]") {
  const positive cases[] = {
      {"stakeholder.authority", "Tullverket har skärpt kontrollerna vid gränsen.", "Tullverket",
       "authority"},
      {"stakeholder.authority", "Vi har talat med de lokala åklagarmyndigheterna om saken.",
       "de lokala åklagarmyndigheterna", "authority"},
      {"stakeholder.authority", "Beslutet överklagades till Uppsala tingsrätt förra året.",
       "Uppsala tingsrätt", "authority"},
      {"stakeholder.authority",
       "Kustbevakningens fartyg och Kriminalvårdens anställda var på plats.",
       "Kriminalvårdens anställda", "authority"},
      {"stakeholder.authority", "Ärendet gick vidare till mark- och miljödomstolen i våras.",
       "mark- och miljödomstolen", "authority"},
      {"stakeholder.authority_staff", "Hoten mot anställda vid Kriminalvården har ökat.",
       "anställda vid Kriminalvården", "authority"},
      {"stakeholder.government", "Den förra regeringen tillsatte en kommitté.",
       "Den förra regeringen", "government"},
      {"stakeholder.government", "Han lämnade ett brev till ambassaden i Washington igår.",
       "ambassaden i Washington", "government"},
      {"stakeholder.government", "Vi väntar på vad utredningen om skärpta straff kommer fram till.",
       "utredningen om skärpta straff", "government"},
      {"stakeholder.government", "Klimatutredningen lämnade sitt betänkande i maj.",
       "Klimatutredningen", "government"},
      {"stakeholder.government", "I går presenterade regeringen en ny budget.", "regeringen",
       "government"},
      {"stakeholder.government_after_verb", "Uppdraget gick till en nyligen utsedd utredare.",
       "utredare", "government"},
      {"stakeholder.political", "Kristdemokraterna och det liberala partiet röstade emot.",
       "det liberala partiet", "political"},
      {"stakeholder.political", "Många unga sverigedemokrater i Skåne var missnöjda.",
       "unga sverigedemokrater i Skåne", "political"},
      {"stakeholder.municipal", "Nu satsar Umeå kommun på fler förskolor.", "Umeå kommun",
       "municipal"},
      {"stakeholder.municipal", "Flera mindre grannkommuner saknar räddningstjänst.",
       "mindre grannkommuner", "municipal"},
      {"stakeholder.municipal_entry", "Avtalet tecknades av Sveriges Kommuner och Regioner i fjol.",
       "Sveriges Kommuner och Regioner", "municipal"},
      {"stakeholder.public", "Bidraget gick till ensamstående föräldrar med låga inkomster.",
       "ensamstående föräldrar med låga inkomster", "public"},
      {"stakeholder.public", "Det drabbar främst barn i utsatta bostadsområden.",
       "barn i utsatta bostadsområden", "public"},
      {"stakeholder.public", "Beskedet välkomnades av de boende i Lund.", "de boende i Lund",
       "public"},
      {"stakeholder.public", "Många Kirunabor har fått flytta.", "Kirunabor", "public"},
      {"stakeholder.public", "Reformen hjälper småbarnsföräldrar och villaägare.",
       "småbarnsföräldrar", "public"},
      {"stakeholder.public", "Det angår hela svenska folket.", "svenska folket", "public"},
      {"stakeholder.business",
       "Små och medelstora företag i Jämtland och Härjedalen har svårt att "
       "anställa.",
       "Små och medelstora företag i Jämtland och Härjedalen", "business"},
      {"stakeholder.business", "Bankens styrelse och ledning bär ansvaret.",
       "Bankens styrelse och ledning", "business"},
      {"stakeholder.business", "Många småföretagare har fått det svårare.", "småföretagare",
       "business"},
      {"stakeholder.business", "Skogsindustrin investerar miljarder.", "Skogsindustrin",
       "business"},
      {"stakeholder.civil_society", "Kyrkans representanter och ideella föreningar i Malmö deltog.",
       "ideella föreningar i Malmö", "civil-society"},
      {"stakeholder.civil_society", "Fackförbunden har varnat för förslaget.", "Fackförbunden",
       "civil-society"},
      {"stakeholder.academia", "Den samlade forskningen pekar åt samma håll.",
       "Den samlade forskningen", "academia"},
      {"stakeholder.academia", "Flera forskare har kritiserat metoden.", "forskare", "academia"},
      {"stakeholder.international", "Förslaget stöds av Europeiska kommissionen.",
       "Europeiska kommissionen", "international"},
      {"stakeholder.international", "Beslutet fattades av FN:s säkerhetsråd i natt.",
       "FN:s säkerhetsråd", "international"},
      {"stakeholder.countries", "De nordiska länderna samarbetar om beredskap.",
       "De nordiska länderna", "international"},
      {"stakeholder.foreign_government", "Kritiken riktades mot den ryska regeringen.",
       "den ryska regeringen", "international"},
      {"stakeholder.foreign_government", "Vi har fört samtal med Kanadas regering.",
       "Kanadas regering", "international"},
      {"stakeholder.foreign_government", "Protesterna slogs ned av iranska myndigheter.",
       "iranska myndigheter", "international"},
      {"stakeholder.state", "Handelsavtalet med Japan undertecknades.", "Japan", "international"},
      {"stakeholder.state", "Polen höjer beredskapen vid gränsen.", "Polen", "international"},
      {"stakeholder.state", "Rysslands anfall väckte stor oro.", "Rysslands", "international"},
      {"stakeholder.sweden", "Därför har Sverige beslutat att stänga ambassaden.", "Sverige",
       "government"},
      {"stakeholder.sweden", "Sverige kommer att stödja förslaget.", "Sverige", "government"},
      {"stakeholder.government_title", "Frågan ställdes till finansminister Anna Lindqvist i går.",
       "finansminister Anna Lindqvist", "government"},
      {"stakeholder.government_title", "Statsrådet Berglund svarade på frågan.",
       "Statsrådet Berglund", "government"},
      {"stakeholder.political_title", "Vi lyssnade på riksdagsledamoten Karl Holm under debatten.",
       "riksdagsledamoten Karl Holm", "political"},
      {"stakeholder.academic_title", "Enligt professor Eva Lund är sambandet svagt.",
       "professor Eva Lund", "academia"},
      {"stakeholder.authority_title", "Generaldirektör Per Strand lämnar sitt uppdrag.",
       "Generaldirektör Per Strand", "authority"},
      {"stakeholder.person", "Jag vill tacka Malin Ekström för frågan.", "Malin Ekström",
       "political"},
      {"stakeholder.person", "Anders Holmbergs förslag är intressant.", "Anders Holmbergs",
       "political"},
      {"stakeholder.person_context",
       "Interpellationen är ställd av Gunde Wiklund (KD) till ministern.", "Gunde Wiklund",
       "political"},
      {"stakeholder.person_context", "Herr talman! Tuve Lindqvist har frågat mig om vägarna.",
       "Tuve Lindqvist", "political"},
      {"stakeholder.government_title", "Frågan gick till klimat- och miljöminister Anna Berg.",
       "klimat- och miljöminister Anna Berg", "government"},
      {"stakeholder.pronoun_relative", "Det gäller dem som bor på landsbygden.",
       "dem som bor på landsbygden", "public"},
      {"stakeholder.pronoun_relative",
       "Stödet ska gå till de som har förlorat jobbet och behöver hjälp.",
       "de som har förlorat jobbet och behöver hjälp", "public"},
      {"stakeholder.pronoun_relative", "Alla som arbetar och betalar skatt här ska få del.",
       "Alla som arbetar och betalar skatt här", "public"},
      {"stakeholder.nominal_adjective", "Stödet når inte fram till de drabbade.", "de drabbade",
       "public"},
      {"stakeholder.elected", "Hoten mot förtroendevalda har ökat kraftigt.", "förtroendevalda",
       "political"},
      {"stakeholder.people", "Stödet riktas till äldre människor på landsbygden.",
       "äldre människor", "public"},
      {"stakeholder.people", "Reformen gynnar personer med funktionsnedsättning.",
       "personer med funktionsnedsättning", "public"},
      {"stakeholder.people", "Hjälp behövs för personer som saknar bostad.",
       "personer som saknar bostad", "public"},
      {"stakeholder.international_title", "Mötet leddes av president Maria Olsen från Norge.",
       "president Maria Olsen", "international"},
      {"stakeholder.municipal", "Region Skåne bygger ett nytt sjukhus.", "Region Skåne",
       "municipal"},
      {"stakeholder.business", "Apoteket AB har stängt flera apotek.", "Apoteket AB", "business"},
      {"stakeholder.person", "Lena Ahlström, ordförande i föreningen, leder arbetet.",
       "Lena Ahlström", "political"},
      {"stakeholder.sweden", "Sverige välkomnar rapporten från kommissionen.", "Sverige",
       "government"},
      {"stakeholder.sweden", "Sverige bidrar med pengar till fonden.", "Sverige", "government"},
      {"stakeholder.minister", "Frågan gick till den nya arbetsmarknadsministern i våras.",
       "den nya arbetsmarknadsministern", "government"},
      {"stakeholder.minister", "Statsrådet och hans tjänstemän har svarat.", "Statsrådet",
       "government"},
  };
  std::set<std::string> covered;
  for (const auto &c : cases) {
    INFO(c.rule << ": " << c.text);
    const auto found = svpol::test::findings_of(c.text);
    const auto it = std::find_if(found.begin(), found.end(), [&](const auto &f) {
      return f.label == "Stakeholder" && f.text == c.span;
    });
    REQUIRE(it != found.end());
    CHECK(it->rule == c.rule);
    CHECK(it->attribute("Category") == c.category);
    covered.insert(c.rule);
  }
  // Every stakeholder rule of the installed set has a case above.
  const auto &rules = svpol::test::installed().ext.rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string &id = rules.rule(i).id;
    if (id.rfind("stakeholder.", 0) != 0) continue;
    INFO(id);
    CHECK(covered.count(id) == 1);
  }
}

TEST_CASE("stakeholder lexicon entries give the canonical reference", "[rules][stakeholder]") {
  const auto found =
      svpol::test::findings_of("Polismyndigheten och Moderaterna svarade EU:s kommission.");
  auto reference = [&](const std::string &span) {
    for (const auto &f : found)
      if (f.label == "Stakeholder" && f.text == span) return f.attribute("Reference");
    return std::string("(none)");
  };
  CHECK(reference("Polismyndigheten") == "svpol:polisen");
  CHECK(reference("Moderaterna") == "svpol:moderaterna");
  CHECK(reference("EU:s") == "svpol:eu");
}

TEST_CASE("what ANNOTATION.md leaves out is not a stakeholder", "[rules][stakeholder]") {
  const struct {
    const char *text;
    const char *not_span;  // "" : no stakeholder at all
  } cases[] = {
      {"Jag tror att vi måste göra mer, och man kan inte vänta.", ""},
      {"Fru talman! Människor och personer möts här varje dag.", ""},
      {"Hon bor i Stockholm men reser ofta till Sverige.", ""},
      {"I Sverige har vi höga skatter.", ""},
      {"Sverige har högst skattetryck i Europa.", ""},
      {"Men Sverige är ett litet land.", ""},
      {"Han hade semester i Italien förra året.", ""},
      {"Det har hänt mycket de senaste åren.", ""},
      {"I natt hittades en avliden person på gatan.", ""},
      {"Vi ska se över vår organisation.", ""},
      {"Vi kommer att fortsätta stödet, säger utrikesminister Karin Berg.", ""},
      {"Vi fortsätter, säger Karin Berg, minister för bistånd.", ""},
      {"I Sverige bor det tio miljoner människor.", ""},
      {"I Sverige ökar arbetslösheten.", ""},
      {"I Israel och Palestina är läget svårt.", ""},
      {"Sverige har en stark industri.", "Sverige"},
      {"Vägarna och vågarna är dåliga.", ""},
      {"De beslutade att gå hem.", ""},
      {"Ärade ledamöter och åhörare!", ""},
      {"Skatten gäller i allmänhet alla.", ""},
      {"Är det arbetsmarknadsministerns bedömning?", "det arbetsmarknadsministerns"},
      {"Tack, statsrådet, för svaret!", ""},
      {"Tack för svaret, statsrådet!", ""},
      {"Karin Berg", ""},
      {"I går beslutade regeringen om nya regler.", "beslutade regeringen"},
      {"Alla barn ska få plats.", "Alla barn"},
      {"Många unga män saknar jobb.", "Många unga män"},
      {"Det gäller kvinnor och barn i sexuella syften.", "barn i sexuella syften"},
      {"Varför ska de som bor här få betala mer?", "de som bor här få betala mer"},
  };
  for (const auto &c : cases) {
    INFO(c.text);
    const auto found = svpol::test::findings_of(c.text);
    if (std::string(c.not_span).empty()) {
      for (const auto &f : found) CHECK(f.label != "Stakeholder");
    } else {
      CHECK_FALSE(has_span(found, c.not_span));
    }
  }
}

TEST_CASE("quantifiers stay outside the span, the noun phrase inside", "[rules][stakeholder]") {
  const auto found = svpol::test::findings_of("Alla barn och många unga män ska få hjälp.");
  CHECK(has_span(found, "barn"));
  CHECK(has_span(found, "unga män"));
}
