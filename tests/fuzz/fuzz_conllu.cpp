// Fuzzes the CoNLL-U reader: errors name a line of the input; sentences point inside it.
#include <cstdint>
#include <string>

#include "invariants.hpp"
#include "svpol/conllu.hpp"

using namespace svpol::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  try {
    const auto sents = svpol::read_conllu(input, "fuzz.conllu");
    std::size_t prev = 0;
    for (const auto& s : sents) {
      require(s.line >= 1 && s.line <= line_count(input), "sentence line outside the input", s.line,
              line_count(input));
      require(s.line > prev, "sentences out of order", s.line, prev);
      require(s.tokens.size() <= s.words.size() + s.tokens.size() && !s.words.empty(),
              "a sentence without words", s.line);
      prev = s.line;
    }
  } catch (const svpol::input_error& e) {
    require(e.source == "fuzz.conllu", "error does not name the file");
    check_position(e, input);
    require(e.line >= 1, "CoNLL-U error without a line");
  }
  return 0;
}
