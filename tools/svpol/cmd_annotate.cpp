// svpol annotate: the whole annotated corpus, one file a document, for corpus tools.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "parallel.hpp"
#include "svpol/brat.hpp"
#include "svpol/error.hpp"
#include "svpol/writers.hpp"

namespace svpol::cli {

namespace fs = std::filesystem;

namespace {

// Writes `content` to dir/name through a hidden `dir/.name.tmp.PID`, renamed into place once
// complete. (SIGKILL cannot be caught: what it leaves is that hidden file, never a file under
// a final name, and the next run into the directory removes it.)
void write_atomically(const fs::path& dir, const std::string& name, const std::string& content) {
  write_through_temp(dir / name, dir / ("." + name + ".tmp." + std::to_string(::getpid())),
                     [&](std::ostream& out) { out << content; });
}

// Removes the temporary files that runs killed by SIGKILL left in `dir`: `.NAME.tmp.PID` of a
// process that no longer exists.
void remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const std::size_t tmp = name.rfind(".tmp.");
    if (name.size() < 2 || name[0] != '.' || tmp == std::string::npos || tmp == 0) continue;
    const std::string digits = name.substr(tmp + 5);
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or unsure
    std::error_code ignored;
    fs::remove(entry.path(), ignored);
  }
}

}  // namespace

void add_annotate(CLI::App& app, int& status) {
  struct options {
    common_options common;
    std::vector<std::string> inputs;
    std::string format = "vrt";
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "annotate",
      "Write the whole annotated corpus (tokens, lemmas, word classes, findings) for other\n"
      "tools: one file a document in -o DIR, named after the document id (characters other than\n"
      "letters, digits, - _ . become _; cut to 200 bytes; a repeated name gets -2, -3, "
      "...).\nFormats:\n"
      "  vrt     NAME.vrt, CWB/Korp vertical: <text id=... META...>, <paragraph id>, <sentence "
      "id>,\n"
      "          word<TAB>lemma<TAB>pos a line, findings as regions "
      "<commitment|problem|stakeholder\n"
      "          rule=... attributes=|k=v| lexicon=|...|>, XML-escaped. Encode with\n"
      "          cwb-encode -x -c utf8 -P lemma -P pos -S text:0+id+<meta keys> -S paragraph:0+id\n"
      "          -S sentence:0+id -S commitment:0+rule+attributes+lexicon (and problem, "
      "stakeholder)\n"
      "  conllu  NAME.conllu, UD CoNLL-U with the findings in MISC (Finding=B-Commitment,...)\n"
      "  brat    NAME.ann and NAME.txt for brat and INCEpTION (.ann written first)\n"
      "  jsonl   NAME.jsonl, one token a line: doc, sentence, token, start, end, form, lemma,\n"
      "          upos, feats, commitment, problem, stakeholder (\"\" or B-/I- and the rule), meta\n"
      "Offsets are code points of the original text. Each file is written to a hidden\n"
      "temporary .NAME.tmp.PID and renamed when complete, so an interrupted run never leaves a\n"
      "partial file under a final name; the next run in DIR removes what a killed one left.");
  cmd->add_option("inputs", opts->inputs,
                  "Text or Markdown files, JSONL corpora, Riksdag speech JSON, directories "
                  "of these (with an optional metadata.csv)")
      ->type_name("CORPUS...");
  cmd->add_option("-f,--format", opts->format, "Output format")
      ->check(CLI::IsMember({"vrt", "conllu", "brat", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->common.output, "Output directory (created if missing)")
      ->required();
  add_input_options(*cmd, opts->common);
  add_lexicon_option(*cmd, opts->common);
  add_rules_option(*cmd, opts->common);
  add_jobs_option(*cmd, opts->common);
  cmd->callback([opts, &status] {
    const fs::path dir(opts->common.output);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw input_error("cannot create directory '" + dir.string() + "': " + ec.message());
    remove_stale_temporaries(dir);
    const engine eng = load_engine(opts->common);
    const unsigned jobs = opts->common.jobs ? opts->common.jobs : default_jobs();
    const std::string& format = opts->format;
    struct output {
      std::string main, ann;  // ann: brat's .ann, main its .txt
    };
    file_namer namer;
    status = process_in_order<output>(
        opts->inputs, opts->common, jobs,
        [&](const document& doc) {
          const analysis a = eng.pipe->run(doc);
          const auto found = eng.ext->extract(doc, a);
          std::ostringstream chunk;
          output o;
          if (format == "vrt") {
            write_vrt(chunk, doc, a, found);
          } else if (format == "conllu") {
            write_findings_conllu(chunk, doc, a, found);
          } else if (format == "jsonl") {
            write_tokens_findings_jsonl(chunk, doc, a, found);
          } else {
            write_brat(chunk, doc, found);
            o.ann = chunk.str();
            o.main = doc.text();
            return o;
          }
          o.main = chunk.str();
          return o;
        },
        [&](const document& doc, output& o) {
          const std::string name = namer(doc.id());
          if (format == "brat") {
            write_atomically(dir, name + ".ann", o.ann);
            write_atomically(dir, name + ".txt", o.main);
          } else {
            write_atomically(dir, name + "." + format, o.main);
          }
        });
  });
}

}  // namespace svpol::cli
