// svpol annotate: the whole annotated corpus, one file a document, for corpus tools.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
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

// The temporary file being written, for the signal handler: SIGINT or SIGTERM removes it so
// an interrupted run leaves only complete files. (SIGKILL cannot be caught; what it leaves is
// a hidden `.NAME.tmp.PID`, never a file under a final name.)
char g_tmp_path[4096];
volatile std::sig_atomic_t g_tmp_active = 0;

extern "C" void remove_tmp_and_exit(int sig) {
  if (g_tmp_active) ::unlink(g_tmp_path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Writes `content` to dir/name through `dir/.name.tmp.PID`, renamed into place once complete.
void write_atomically(const fs::path& dir, const std::string& name, const std::string& content) {
  const fs::path path = dir / name;
  const fs::path tmp = dir / ("." + name + ".tmp." + std::to_string(::getpid()));
  const std::string tmp_s = tmp.string();
  if (tmp_s.size() < sizeof g_tmp_path) {
    g_tmp_active = 0;
    std::memcpy(g_tmp_path, tmp_s.c_str(), tmp_s.size() + 1);
    g_tmp_active = 1;
  }
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw input_error("cannot write '" + tmp_s + "'", tmp_s);
    out << content;
    if (!out.flush()) {
      out.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      throw input_error("cannot write '" + tmp_s + "'", tmp_s);
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  g_tmp_active = 0;
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw input_error("cannot write '" + path.string() + "': " + ec.message(), path.string());
  }
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

// A file name for a document id: what is safe on every file system, never hidden.
std::string file_name_of(const std::string& id) {
  std::string out;
  for (char c : id)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
            static_cast<unsigned char>(c) >= 0x80)
               ? c
               : '_';
  if (out.empty() || out[0] == '.') out = "doc" + out;
  // File names are limited to 255 bytes, and the temporary name is longer; cut at a character
  // boundary (a repeated name gets a number).
  if (out.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
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
    std::signal(SIGINT, remove_tmp_and_exit);
    std::signal(SIGTERM, remove_tmp_and_exit);
    struct output {
      std::string main, ann;  // ann: brat's .ann, main its .txt
    };
    std::set<std::string> used;
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
          const std::string base = file_name_of(doc.id());
          std::string name = base;
          for (int n = 2; !used.insert(name).second; ++n) name = base + "-" + std::to_string(n);
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
