// Private: reading a whole file, with the errors a researcher can act on.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace svpol::detail {

// The bytes of `file`. `what` names it in messages ("lexicon", "rule file"): input_error
// "cannot open <what> '<file>'" when it cannot be opened, "... is a directory" for a directory,
// and "cannot read ..." with the system's reason when reading fails part-way (EIO). A failed
// read is never taken for a short file: that would lose the rest of it without a word.
std::string read_file(const std::filesystem::path& file, std::string_view what);

}  // namespace svpol::detail
