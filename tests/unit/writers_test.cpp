#include "svpol/writers.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "svpol/brat.hpp"
#include "svpol/conllu.hpp"
#include "svpol/corpus.hpp"
#include "test_support.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Checks what cwb-encode and an XML parser need of a VRT file; returns the problems found.
std::vector<std::string> vrt_problems(const std::string& vrt) {
  std::vector<std::string> problems, open;
  const auto lines = lines_of(vrt);
  if (vrt.empty() || vrt.back() != '\n') problems.push_back("no final newline");
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string& l = lines[n];
    const std::string at = "line " + std::to_string(n + 1) + ": ";
    if (l.empty()) {
      problems.push_back(at + "empty line");
    } else if (l[0] == '<') {
      if (l.back() != '>' || l.find('<', 1) != std::string::npos || l.find('>') != l.size() - 1)
        problems.push_back(at + "bad tag " + l);
      const bool closing = l[1] == '/';
      const std::string name = l.substr(closing ? 2 : 1, l.find_first_of(" >") - (closing ? 2 : 1));
      if (!closing) {
        open.push_back(name);
      } else if (open.empty() || open.back() != name) {
        problems.push_back(at + "unbalanced " + l);
      } else {
        open.pop_back();
      }
    } else {
      if (open.empty() || (open.back() == "text" || open.back() == "paragraph"))
        problems.push_back(at + "token outside a sentence");
      if (std::count(l.begin(), l.end(), '\t') != 2) problems.push_back(at + "not 3 columns");
      if (l.find_first_of("<>\"'") != std::string::npos) problems.push_back(at + "unescaped");
    }
    for (std::size_t p = l.find('&'); p != std::string::npos; p = l.find('&', p + 1)) {
      const std::string rest = l.substr(p, 6);
      if (rest.rfind("&amp;", 0) && rest.rfind("&lt;", 0) && rest.rfind("&gt;", 0) &&
          rest.rfind("&quot;", 0) && rest.rfind("&apos;", 0))
        problems.push_back(at + "bare &");
    }
  }
  if (!open.empty()) problems.push_back("unclosed " + open.back());
  return problems;
}

std::vector<svpol::document> sample_corpus() {
  std::ifstream in(std::string(SVPOL_TEST_LEXICONS) + "/../../corpora/sample.jsonl");
  std::vector<svpol::document> docs;
  svpol::read_jsonl(in, "sample.jsonl", [&](svpol::document d) { docs.push_back(std::move(d)); });
  return docs;
}

const std::string hostile =
    "Regeringen kommer att <script>alert(1)</script> stoppa \"},{ & 'det' nu.\n\n"
    "Polisen ska <b>åtgärda</b> problemet med brottsligheten.";

// write_findings_jsonl writes its lines field by field; this is the object it stands for.
std::string jsonl_reference(const svpol::document& doc, const std::vector<svpol::finding>& found) {
  std::string out;
  for (const auto& f : found) {
    nlohmann::ordered_json j;
    j["doc"] = doc.id();
    j["label"] = svpol::rules::to_string(f.kind);
    j["start"] = doc.codepoint_offset(f.span.begin);
    j["end"] = doc.codepoint_offset(f.span.end);
    j["text"] = doc.slice(f.span);
    j["rule"] = f.rule;
    nlohmann::ordered_json attrs = nlohmann::ordered_json::object();
    for (const auto& [k, v] : f.attributes) attrs[k] = v;
    j["attributes"] = std::move(attrs);
    j["lexicon"] = f.entries;
    j["sentence"] = f.sentence + 1;
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    for (const auto& [k, v] : doc.meta()) meta[k] = v;
    j["meta"] = std::move(meta);
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("the VRT of the sample corpus is well formed", "[writers]") {
  const auto& e = svpol::test::installed();
  std::size_t regions = 0;
  for (const auto& doc : sample_corpus()) {
    CAPTURE(doc.id());
    const auto a = e.pipe.run(doc);
    std::ostringstream out;
    svpol::write_vrt(out, doc, a, e.ext.extract(doc, a));
    const std::string vrt = out.str();
    CHECK(vrt_problems(vrt) == std::vector<std::string>{});
    CHECK(vrt.rfind("<text id=\"" + doc.id() + "\"", 0) == 0);
    for (const auto& l : lines_of(vrt)) regions += l.rfind("<commitment rule=", 0) == 0;
    std::size_t tokens = 0;
    for (const auto& l : lines_of(vrt)) tokens += !l.empty() && l[0] != '<';
    CHECK(tokens == a.tokens.size());
  }
  CHECK(regions > 10);
}

TEST_CASE("VRT escapes text and metadata and nests crossing findings", "[writers]") {
  const auto& e = svpol::test::installed();
  const auto doc =
      svpol::document::from_utf8(hostile, "x\"},{<i>", {{"party", "<S>"}, {"Dok Datum", "a&b"}});
  const auto a = e.pipe.run(doc);
  auto found = e.ext.extract(doc, a);
  // Two findings of different labels that cross: 0..3 and 2..5.
  svpol::finding f1, f2;
  f1.kind = svpol::label::problem;
  f1.first_token = 0;
  f1.end_token = 3;
  f1.rule = "problem.test";
  f1.attributes = {{"Kind", "a|b"}};
  f2.kind = svpol::label::stakeholder;
  f2.first_token = 2;
  f2.end_token = 5;
  f2.rule = "stakeholder.\"test\"";
  found = {f1, f2};
  std::ostringstream out;
  svpol::write_vrt(out, doc, a, found);
  const std::string vrt = out.str();
  CAPTURE(vrt);
  CHECK(vrt_problems(vrt) == std::vector<std::string>{});
  CHECK(vrt.rfind("<text id=\"x&quot;},{&lt;i&gt;\" party=\"&lt;S&gt;\" dok_datum=\"a&amp;b\">\n",
                  0) == 0);
  CHECK(vrt.find("<script>") == std::string::npos);
  CHECK(vrt.find("&lt;\t") != std::string::npos);
  CHECK(vrt.find("&quot;},{") != std::string::npos);
  CHECK(vrt.find("attributes=\"|Kind=a/b|\" lexicon=\"|\"") != std::string::npos);
  CHECK(vrt.find("rule=\"stakeholder.&quot;test&quot;\"") != std::string::npos);
  // The stakeholder region is closed with the problem at token 3 and reopened.
  CHECK(std::count(vrt.begin(), vrt.end(), '\n') > 0);
  std::size_t opened = 0, p = 0;
  while ((p = vrt.find("<stakeholder ", p)) != std::string::npos) ++opened, ++p;
  CHECK(opened == 2);
}

TEST_CASE("hostile text stays inert in JSONL, CoNLL-U and brat", "[writers]") {
  const auto& e = svpol::test::installed();
  const auto doc = svpol::document::from_utf8(hostile, "x\"},{", {{"party", "\"},{"}});
  const auto a = e.pipe.run(doc);
  const auto found = e.ext.extract(doc, a);
  REQUIRE(!found.empty());
  SECTION("jsonl: one JSON object a token, forms intact") {
    std::ostringstream out;
    svpol::write_tokens_findings_jsonl(out, doc, a, found);
    const auto lines = lines_of(out.str());
    REQUIRE(lines.size() == a.tokens.size());
    std::string forms;
    std::size_t begins = 0;
    for (const auto& l : lines) {
      const auto j = nlohmann::json::parse(l);
      CHECK(j["doc"] == "x\"},{");
      CHECK(j["meta"]["party"] == "\"},{");
      forms += j["form"].get<std::string>();
      for (const char* label : {"commitment", "problem", "stakeholder"})
        begins += j[label].get<std::string>().rfind(std::string("B-") + label + ".", 0) == 0;
    }
    CHECK(forms.find("<script>") != std::string::npos);
    CHECK(begins == found.size());
  }
  SECTION("conllu: ten columns, every token read back") {
    std::ostringstream out;
    svpol::write_findings_conllu(out, doc, a, found);
    const auto sents = svpol::read_conllu(out.str(), "x.conllu");
    std::size_t words = 0;
    for (const auto& s : sents) {
      CHECK(!s.sent_id.empty());
      CHECK(!s.text.empty());
      for (std::size_t i = 0; i < s.words.size(); ++i)
        CHECK(s.words[i].id == std::to_string(i + 1));
      words += s.words.size();
    }
    CHECK(words == a.tokens.size());
  }
  SECTION("brat: the .ann reads back against the .txt") {
    std::ostringstream out;
    svpol::write_brat(out, doc, found);
    const auto anns = svpol::read_brat(out.str(), "x.ann", &doc.text());
    CHECK(anns.size() >= found.size());
  }
}

TEST_CASE("JSONL findings are the bytes of an ordered_json object of the same members",
          "[writers]") {
  const auto& e = svpol::test::installed();
  // Quotes, a backslash, control characters, non-ASCII, an ill-formed byte in metadata (replaced,
  // as dump's error handler does), and metadata with no members.
  const std::string text = "Polisen \"kommer\" att öka\tinsatserna\\ i Malmö.\nRegeringen ska.";
  for (const svpol::metadata& meta :
       {svpol::metadata{}, svpol::metadata{{"party", "\"},{\x01"}, {"år", "2016\xff"}}}) {
    const auto doc = svpol::document::from_utf8(text, "id \"1\"\n", meta);
    const auto a = e.pipe.run(doc);
    auto found = e.ext.extract(doc, a);
    REQUIRE(found.size() >= 2);
    // A repeated key, escapes, and ill-formed UTF-8 (replaced) in a value and an entry.
    found[0].attributes = {{"K", "a"}, {"Q\"", "b\\"}, {"K", "c"}, {"ö", "x\xffy\xc3"}};
    found[0].entries.push_back(std::string("a\xe2\x80") + "b");  // \x80b would be one escape
    found[1].entries.clear();
    found[1].attributes.clear();
    std::ostringstream out;
    svpol::write_findings_jsonl(out, doc, found);
    CHECK(out.str() == jsonl_reference(doc, found));
  }
  std::ostringstream none;
  svpol::write_findings_jsonl(none, svpol::document::from_utf8(text, "t"), {});
  CHECK(none.str().empty());
}

TEST_CASE("JSONL strings with escapes anywhere in them are written as dump() writes them",
          "[writers]") {
  // Quotes, backslashes, control characters, well- and ill-formed UTF-8 at every place in strings
  // of up to 40 bytes, so that the test of eight bytes at a time meets each in each position.
  const std::vector<std::string> pieces = {"a",
                                           "b",
                                           "\"",
                                           "\\",
                                           "\x01",
                                           "\x1f",
                                           " ",
                                           "\x7f",
                                           "ö",
                                           "\xE2\x82\xAC",
                                           "\xF0\x9F\x98\x80",
                                           "\xff",
                                           "\xC3",
                                           "\xE2\x82",
                                           "/",
                                           "~"};
  std::uint32_t seed = 11;
  auto next = [&] { return (seed = seed * 1103515245u + 12345u) >> 16; };
  auto random_string = [&] {
    std::string s;
    const std::size_t length = next() % 41;
    while (s.size() < length) s += next() % 4 ? pieces[next() % 2] : pieces[next() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = 0; k < 3; ++k) text += "ord " + random_string() + " ";
    for (char& c : text)
      if (static_cast<unsigned char>(c) >= 0x80) c = 'x';  // a document is valid UTF-8
    const auto doc =
        svpol::document::from_utf8(text, random_string(), {{random_string(), random_string()}});
    std::vector<svpol::finding> found(2);
    found[0].span = {0, text.size() / 2};
    found[0].rule = random_string();
    found[0].attributes = {{random_string(), random_string()}, {"K", random_string()}};
    found[0].entries = {random_string(), random_string()};
    found[1].span = {text.size() / 3, text.size()};
    found[1].entries = {random_string()};
    std::ostringstream out;
    svpol::write_findings_jsonl(out, doc, found);
    CAPTURE(round);
    REQUIRE(out.str() == jsonl_reference(doc, found));
  }
}
