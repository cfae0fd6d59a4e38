// Fuzzes the brat reader. The input is `.ann` text, then optionally a NUL byte and the `.txt`
// it annotates.
#include <cstdint>
#include <string>

#include "invariants.hpp"
#include "svpol/brat.hpp"

using namespace svpol::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string ann = input.substr(0, nul);
  std::string text;
  bool with_text = nul != std::string::npos;
  if (with_text) {
    text = input.substr(nul + 1);
    try {
      svpol::validate_utf8(text, "fuzz.txt");  // svpol reads .txt files through document
    } catch (const svpol::input_error&) {
      with_text = false;
    }
  }
  std::size_t cps = 0;
  for (std::size_t i = 0; i < text.size(); ++i) cps += on_boundary(text, i);
  try {
    const auto anns = svpol::read_brat(ann, "fuzz.ann", with_text ? &text : nullptr);
    for (const auto& a : anns) {
      require(a.begin <= a.end, "annotation ends before it begins", a.begin, a.end);
      if (with_text) require(a.end <= cps, "annotation beyond the text", a.end, cps);
      require(!a.id.empty(), "annotation without an id");
    }
  } catch (const svpol::input_error& e) {
    require(e.source == "fuzz.ann", "error does not name the file");
    check_position(e, ann);
    require(e.line >= 1, "brat error without a line");
  }
  return 0;
}
