#include "core/files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "svpol/error.hpp"

namespace svpol::detail {

std::string read_file(const std::filesystem::path& file, std::string_view what) {
  const std::string name = file.string();
  const std::string label = what.empty() ? "'" + name + "'" : std::string(what) + " '" + name + "'";
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw input_error("cannot read " + label + ": it is a directory", name);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw input_error("cannot open " + label, name);
  std::string bytes;
  try {
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::ios_base::failure&) {  // libstdc++'s filebuf throws on a read error
    throw input_error("cannot read " + label + ": " + std::strerror(errno), name);
  }
  if (in.bad()) throw input_error("cannot read " + label, name);
  return bytes;
}

}  // namespace svpol::detail
