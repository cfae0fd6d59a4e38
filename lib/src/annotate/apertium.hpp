// Private: Apertium's Swedish morphological analyser, run in-process through lttoolbox.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace svpol::detail {

// One analysis of a word: `lemma` as the transducer spells it (case kept, homograph digits
// like `vara¹` removed) and its tags without brackets, in order (`vblex`, `pres`, `actv`).
struct apertium_reading {
  std::string lemma;
  std::vector<std::string> tags;
  bool has(std::string_view tag) const;
};

// The analyses of one word: empty when the transducer does not know it, or when it split the
// word into several units (`EU-medlemskap`); `parts` then holds the surfaces of the units.
struct apertium_analysis {
  std::vector<apertium_reading> readings;
  std::vector<std::string> parts;
};

class apertium_analyser {
 public:
  // Reads the compiled transducer into memory. Throws input_error naming the file and the
  // Debian package that provides it when it cannot be read.
  explicit apertium_analyser(const std::filesystem::path& bin);

  // Analyses each word on its own. Thread-safe: lttoolbox's FSTProcessor keeps per-call state
  // in members, so every thread builds its own processor from the shared, read-only bytes.
  std::vector<apertium_analysis> analyse(const std::vector<std::string_view>& words) const;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::string bytes_;  // the .bin file, never modified after construction
  std::uint64_t id_;   // tells this analyser's per-thread processor from another's
};

// Parses one line of lt-proc output (`^kom/komma<vblex><past><actv>$`), for tests.
apertium_analysis parse_apertium_line(std::string_view line);

}  // namespace svpol::detail
