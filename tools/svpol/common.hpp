// Shared plumbing of the svpol subcommands: inputs, outputs, lexicons. Thin by design: the
// work is in the library.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <set>
#include <string>
#include <vector>

#include "svpol/document.hpp"
#include "svpol/extract.hpp"
#include "svpol/lexicon.hpp"
#include "svpol/pipeline.hpp"

namespace svpol::cli {

// Exit codes scripts can trust.
enum exit_code : int { ok = 0, check_failed = 1, bad_input = 2 };

// Options every subcommand that reads text shares.
struct common_options {
  std::string lexicons;         // --lexicons DIR; empty: the default
  std::string output;           // -o FILE; empty or "-": stdout
  bool skip_bad = false;        // --skip-bad: go on past bad JSONL records
  std::string rules;            // --rules DIR; empty: LEXICONS/rules
  unsigned jobs = 0;            // -j N; 0: every core
  std::size_t max_doc_mb = 64;  // --max-doc-mb: larger documents are reported and skipped
};

// -j N: documents processed in parallel, output in input order.
void add_jobs_option(CLI::App& cmd, common_options& opts);

// The pipeline and the extractor, built once from the options (lexicons, rules).
struct engine {
  std::unique_ptr<svpol::pipeline> pipe;
  std::unique_ptr<svpol::extractor> ext;  // refers to pipe's lexicon
};
engine load_engine(const common_options& opts);
void add_rules_option(CLI::App& cmd, common_options& opts);

void add_lexicon_option(CLI::App& cmd, common_options& opts);
void add_output_option(CLI::App& cmd, common_options& opts);
void add_input_options(CLI::App& cmd, common_options& opts);
// The bytes of the file `path`; input_error when it cannot be opened or read, or is a directory.
std::string read_file(const std::string& path);

svpol::lexicon load_lexicon(const common_options& opts);

// Calls `fn` for each document in `inputs`: .txt/.md files (one document each, id = file
// name without extension), .jsonl corpora (one document a line), .json Riksdag speeches (see
// read_riksdag_json), directories of these, or "-" for standard input (text; none means
// stdin); `fn` may keep the document it is given. In a directory, a `metadata.csv` gives its text
// files metadata (an `id` column their id); a bad row of it is reported and leaves the directory's
// text files out unless opts.skip_bad. A file that cannot be read or is not UTF-8 is reported on
// stderr and skipped. A bad JSONL or JSON record is reported with file:line:col; it stops that file
// unless opts.skip_bad. Returns bad_input if anything was reported, else ok.
int for_each_document(const std::vector<std::string>& inputs, const common_options& opts,
                      const std::function<void(document&&)>& fn);

// Runs `write` against the output named in opts: stdout, or a temporary file renamed into
// place only when `write` succeeded, so a failed run never leaves a half-written file. A device
// or a pipe (`-o /dev/null`, a FIFO) is written to directly.
void with_output(const common_options& opts, const std::function<void(std::ostream&)>& write);

// Runs `write` against `tmp`, then renames it to `target`. On an error (an input_error naming
// `target`) or SIGINT, SIGTERM, SIGHUP, `tmp` is removed and `target` is left as it was.
void write_through_temp(const std::filesystem::path& target, const std::filesystem::path& tmp,
                        const std::function<void(std::ostream&)>& write);

// File names for document ids in one output directory: characters other than letters, digits,
// - _ . become _; never hidden; cut to 200 bytes at a character boundary (file names are
// limited to 255 bytes and the temporary name is longer); a repeated name gets -2, -3, ...
class file_namer {
 public:
  std::string operator()(const std::string& id);

 private:
  std::set<std::string> used_;
};

// The temporary file being written (one at a time): SIGINT, SIGTERM and SIGHUP remove it
// before the process ends, so an interrupted run leaves no `FILE.tmp.PID` behind.
void track_temp_file(const std::filesystem::path& tmp);
void untrack_temp_file();

// Prints "svpol: message" on stderr.
void report(const std::string& message);

}  // namespace svpol::cli
