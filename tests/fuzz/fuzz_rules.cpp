// Fuzzes the rule parser: errors point inside the text; rules that parse survive a round trip
// through dump() and run on a sentence.
#include <cstdint>
#include <string>

#include "invariants.hpp"
#include "svpol/document.hpp"
#include "svpol/rules.hpp"
#include "svpol/sentences.hpp"
#include "svpol/tokenize.hpp"

using namespace svpol::fuzz;

namespace {

void check_diagnostics(const svpol::rule_error& e, std::string_view text) {
  require(!e.diagnostics.empty(), "rule_error without diagnostics");
  for (const auto& d : e.diagnostics) {
    require(d.file == "fuzz.svr", "diagnostic names another file");
    require(d.line >= 1 && static_cast<std::size_t>(d.line) <= line_count(text),
            "diagnostic line outside the text", static_cast<std::size_t>(d.line), line_count(text));
    const std::size_t len = line_length(text, static_cast<std::size_t>(d.line));
    require(d.column >= 1 && static_cast<std::size_t>(d.column) <= len + 1,
            "diagnostic column outside its line", static_cast<std::size_t>(d.column), len);
    require(!d.message.empty(), "diagnostic without a message");
    (void)svpol::format_diagnostic(d);
  }
}

const std::vector<svpol::token>& sample_tokens() {
  static const auto doc = svpol::document::from_utf8(
      "Regeringen kommer att öka stödet till de drabbade. Klyftorna ökar inte?", "sample");
  static const auto toks = svpol::tokenize(doc);
  return toks;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  static const svpol::rules::class_list classes({"actor", "actor.speaker", "actor.authority"});
  svpol::rules::rule_set rules;
  try {
    rules = svpol::rules::parse(text, "fuzz.svr", (size & 1) ? &classes : nullptr);
  } catch (const svpol::rule_error& e) {
    check_diagnostics(e, text);
    return 0;
  } catch (const svpol::input_error& e) {
    check_position(e, text);
    return 0;
  }
  // The canonical form parses to the same rules.
  const std::string dumped = svpol::rules::dump(rules);
  svpol::rules::rule_set again;
  try {
    again = svpol::rules::parse(dumped, "dump.svr");
  } catch (const svpol::error& e) {
    std::fprintf(stderr, "dump:\n%s\nerror: %s\n", dumped.c_str(), e.what());
    fail("dump() of parsed rules does not parse");
  }
  if (svpol::rules::dump(again) != dumped) {
    std::fprintf(stderr, "first:\n%s\nsecond:\n%s\n", dumped.c_str(),
                 svpol::rules::dump(again).c_str());
    fail("dump(parse(dump(r))) != dump(r)");
  }
  const auto& toks = sample_tokens();
  try {
    const svpol::rules::matcher m(rules);
    for (const auto& hit : m.resolve_overlaps(m.match(toks, 0, toks.size()))) {
      require(hit.rule < rules.size(), "match of no rule");
      require(hit.begin <= hit.end && hit.end <= toks.size(), "match outside the sentence",
              hit.begin, hit.end);
      const auto [b, e] = hit.span();
      require(b <= e && e <= toks.size(), "match span outside the sentence", b, e);
      (void)m.attributes(hit, toks);
    }
  } catch (const svpol::rule_error& e) {
    // A regular expression over its time limit: reported naming the rule.
    require(!e.diagnostics.empty(), "time limit error without a diagnostic");
  }
  return 0;
}
