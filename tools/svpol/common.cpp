#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

#include "svpol/corpus.hpp"
#include "svpol/error.hpp"

namespace svpol::cli {

namespace fs = std::filesystem;

void report(const std::string& message) { std::cerr << "svpol: " << message << '\n'; }

void add_lexicon_option(CLI::App& cmd, common_options& opts) {
  cmd.add_option("--lexicons", opts.lexicons,
                 "Lexicon directory (default: $SVPOL_LEXICONS or the built-in lexicons/sv)");
}

void add_input_options(CLI::App& cmd, common_options& opts) {
  cmd.add_flag(
      "--skip-bad", opts.skip_bad,
      "Go on past bad records of JSONL, Riksdag JSON and metadata.csv (each is reported; the "
      "exit code is still 2)");
  cmd.add_option("--max-doc-mb", opts.max_doc_mb,
                 "Larger documents are reported and skipped, so one cannot take all memory")
      ->capture_default_str();
}

void add_output_option(CLI::App& cmd, common_options& opts) {
  cmd.add_option("-o,--output", opts.output, "Write to FILE instead of standard output");
}

svpol::lexicon load_lexicon(const common_options& opts) {
  return svpol::lexicon::load_dir(opts.lexicons.empty() ? default_lexicon_dir()
                                                        : fs::path(opts.lexicons));
}

void add_jobs_option(CLI::App& cmd, common_options& opts) {
  cmd.add_option("-j,--jobs", opts.jobs,
                 "Documents processed in parallel (default: every core); output keeps input order");
}

void add_rules_option(CLI::App& cmd, common_options& opts) {
  cmd.add_option("--rules", opts.rules, "Rule directory (default: the lexicon directory's rules/)");
}

engine load_engine(const common_options& opts) {
  const fs::path lex_dir = opts.lexicons.empty() ? default_lexicon_dir() : fs::path(opts.lexicons);
  engine e;
  e.pipe = std::make_unique<svpol::pipeline>(svpol::lexicon::load_dir(lex_dir));
  const fs::path rules_dir = opts.rules.empty() ? lex_dir / "rules" : fs::path(opts.rules);
  e.ext = std::make_unique<svpol::extractor>(svpol::extractor::load(rules_dir, e.pipe->lexicons()));
  return e;
}

namespace {

// Reads a whole stream. A read error (EIO, a directory) is an input_error: taking what was
// read so far as the document would lose the rest without a word.
std::string read_stream(std::istream& in, const std::string& name) {
  std::string bytes;
  try {
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::ios_base::failure&) {  // libstdc++'s filebuf throws on a read error
    throw input_error("cannot read '" + name + "': " + std::strerror(errno), name);
  }
  if (in.bad()) throw input_error("cannot read '" + name + "'", name);
  return bytes;
}

bool is_jsonl(const fs::path& p) { return p.extension() == ".jsonl"; }

bool is_riksdag_json(const fs::path& p) { return p.extension() == ".json"; }

bool is_input_file(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".jsonl" || ext == ".json";
}

}  // namespace

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw input_error("cannot read '" + path + "': it is a directory", path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error("cannot open '" + path + "'", path);
  return read_stream(in, path);
}

int for_each_document(const std::vector<std::string>& inputs, const common_options& opts,
                      const std::function<void(document&&)>& fn) {
  int status = ok;
  std::size_t skipped = 0;
  auto where = [](const std::string& name, const input_error& e) {
    return name + (e.line ? ":" + std::to_string(e.line) + ":" + std::to_string(e.column) : "");
  };
  auto run_text = [&](const std::string& name, std::istream& in, std::string id,
                      svpol::metadata meta = {}) {
    try {
      fn(document::from_utf8(read_stream(in, name), std::move(id), std::move(meta)));
    } catch (const input_error& e) {
      report(e.line ? where(name, e) + ": " + e.what() : std::string(e.what()));
      status = bad_input;
    }
  };
  auto run_jsonl = [&](const std::string& name, std::istream& in) {
    try {
      skipped += read_jsonl(
          in, name, [&](document doc) { fn(std::move(doc)); },
          [&](const input_error& e) {
            report(where(name, e) + ": " + e.what());
            status = bad_input;
            return opts.skip_bad;
          },
          opts.max_doc_mb * 1000000);
    } catch (const input_error& e) {
      // Already reported by the handler unless reading itself failed.
      if (e.line == 0) report(name + ": " + e.what());
      status = bad_input;
    }
  };
  // A bad record: reported; true when the reader is to go on past it.
  auto on_bad = [&](const std::string& name, const input_error& e) {
    report(where(name, e) + ": " + e.what());
    status = bad_input;
    return opts.skip_bad;
  };
  auto run_riksdag = [&](const std::string& name, std::istream& in) {
    bool stopped = false;  // by a bad record, which the handler has reported
    try {
      skipped += read_riksdag_json(
          read_stream(in, name), name, [&](document doc) { fn(std::move(doc)); },
          [&](const input_error& e) { return !(stopped = !on_bad(name, e)); },
          opts.max_doc_mb * 1000000);
    } catch (const input_error& e) {
      if (!stopped) report(where(name, e) + ": " + e.what());
      status = bad_input;
    }
  };
  // metadata.csv of a directory, read once: a bad row is reported, and the directory is left
  // out unless --skip-bad (as a bad JSONL record stops its file).
  std::map<fs::path, std::optional<metadata_table>> tables;
  auto table_of = [&](const fs::path& dir) -> const std::optional<metadata_table>* {
    auto it = tables.find(dir);
    if (it != tables.end()) return &it->second;
    std::optional<metadata_table> table;
    const fs::path csv = dir / "metadata.csv";
    bool ok = true, stopped = false;
    std::error_code ec;
    if (fs::is_regular_file(csv, ec)) {
      std::ifstream in(csv, std::ios::binary);
      try {
        if (!in) throw input_error("cannot open '" + csv.string() + "'", csv.string());
        table = read_metadata_csv(
            read_stream(in, csv.string()), csv.string(),
            [&](const input_error& e) { return !(stopped = !on_bad(csv.string(), e)); }, &skipped);
      } catch (const input_error& e) {
        if (!stopped) report(where(csv.string(), e) + ": " + e.what());
        status = bad_input;
        ok = false;
      }
    } else {
      table = metadata_table{};
    }
    if (!ok) table.reset();
    return &tables.emplace(dir, std::move(table)).first->second;
  };
  // Whether `p` comes from walking a directory (metadata.csv applies) or was named itself.
  auto run_file = [&](const fs::path& p, bool in_dir) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      report("cannot open '" + p.string() + "'");
      status = bad_input;
      return;
    }
    if (is_jsonl(p)) {
      run_jsonl(p.string(), in);
      return;
    }
    if (is_riksdag_json(p)) {
      run_riksdag(p.string(), in);
      return;
    }
    svpol::metadata meta;
    std::string id = p.stem().string();
    if (in_dir) {
      const auto* table = table_of(p.parent_path());
      if (!*table) return;  // its metadata.csv is bad: reported once
      if (const auto* m = find_metadata(**table, p.filename().string())) meta = *m;
      // An `id` column names the document.
      for (auto it = meta.begin(); it != meta.end(); ++it)
        if (it->first == "id") {
          id = it->second;
          meta.erase(it);
          break;
        }
    }
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (!ec && size > opts.max_doc_mb * 1000000) {
      report(p.string() + ": a document of " + std::to_string(size / 1000000) +
             " MB exceeds the limit of " + std::to_string(opts.max_doc_mb) + " MB (--max-doc-mb)");
      status = bad_input;
      return;
    }
    run_text(p.string(), in, std::move(id), std::move(meta));
  };
  if (inputs.empty()) run_text("<stdin>", std::cin, "stdin");
  for (const auto& name : inputs) {
    if (name == "-") {
      run_text("<stdin>", std::cin, "stdin");
      continue;
    }
    std::error_code ec;
    const fs::path p(name);
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && is_input_file(e.path())) files.push_back(e.path());
      if (ec) {
        report("cannot read directory '" + name + "': " + ec.message());
        status = bad_input;
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) run_file(f, true);
    } else if (fs::exists(p, ec)) {
      run_file(p, false);
    } else {
      report("no such file or directory '" + name + "'");
      status = bad_input;
    }
  }
  if (skipped > 0) report("skipped " + std::to_string(skipped) + " bad record(s)");
  return status;
}

namespace {

// Read by the signal handler, so a plain buffer: unlink() is async-signal-safe, std::string is
// not. The first byte is written last, so the handler sees either nothing or a whole path.
char pending_tmp[4096];

extern "C" void remove_pending_tmp(int sig) {
  if (pending_tmp[0] != '\0') ::unlink(pending_tmp);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

void track_temp_file(const fs::path& tmp) {
  static const bool installed = [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, remove_pending_tmp);
    return true;
  }();
  (void)installed;
  const std::string p = tmp.string();
  pending_tmp[0] = '\0';
  if (p.empty() || p.size() >= sizeof pending_tmp) return;
  std::memcpy(pending_tmp + 1, p.data() + 1, p.size() - 1);
  pending_tmp[p.size()] = '\0';
  pending_tmp[0] = p[0];
}

void untrack_temp_file() { pending_tmp[0] = '\0'; }

namespace {

[[noreturn]] void cannot_write(const fs::path& target, const std::string& why) {
  throw input_error("cannot write '" + target.string() + "': " + why, target.string());
}

}  // namespace

void write_through_temp(const fs::path& target, const fs::path& tmp,
                        const std::function<void(std::ostream&)>& write) {
  auto fail = [&](const std::string& why) { cannot_write(target, why); };
  {
    track_temp_file(tmp);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      const std::string why = std::strerror(errno);
      untrack_temp_file();
      fail(why);
    }
    try {
      write(out);
      out.flush();
      if (!out) fail(std::strerror(errno));
    } catch (...) {
      out.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      untrack_temp_file();
      throw;
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  untrack_temp_file();
  if (ec) {
    const std::string why = ec.message();  // before remove() reuses ec
    fs::remove(tmp, ec);
    fail(why);
  }
}

void with_output(const common_options& opts, const std::function<void(std::ostream&)>& write) {
  if (opts.output.empty() || opts.output == "-") {
    write(std::cout);
    std::cout.flush();
    return;
  }
  const fs::path target(opts.output);
  // A device or a pipe (`-o /dev/null`, a FIFO) is written to as it is: a temporary file
  // renamed over it would replace the device itself (as root) or fail (as anyone else), and
  // such an output holds nothing to keep from a failed run.
  std::error_code ec;
  const fs::file_status st = fs::status(target, ec);
  if (!ec && fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st)) {
    std::ofstream out(target, std::ios::binary);
    if (out) write(out);
    out.flush();
    if (!out) cannot_write(target, std::strerror(errno));
    return;
  }
  fs::path tmp = target;
  tmp += ".tmp." + std::to_string(::getpid());  // two runs into one directory do not collide
  write_through_temp(target, tmp, write);
}

std::string file_namer::operator()(const std::string& id) {
  std::string base;
  for (char c : id)
    base += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
             static_cast<unsigned char>(c) >= 0x80)
                ? c
                : '_';
  if (base.empty() || base[0] == '.') base.insert(0, "doc");
  if (base.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
    base.resize(cut);
  }
  std::string name = base;
  for (int n = 2; !used_.insert(name).second; ++n) name = base + "-" + std::to_string(n);
  return name;
}

}  // namespace svpol::cli
