// svpol extract: commitments, problem statements and stakeholder mentions.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
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

// Writes `content` to `path` through a temporary file renamed into place.
void write_atomically(const fs::path& path, const std::string& content) {
  fs::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());  // two runs into one directory do not collide
  std::error_code ec;
  {
    track_temp_file(tmp);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      untrack_temp_file();
      throw input_error("cannot write '" + path.string() + "'", path.string());
    }
    out << content;
    if (!out.flush()) {
      out.close();
      fs::remove(tmp, ec);
      untrack_temp_file();
      throw input_error("cannot write '" + path.string() + "'", path.string());
    }
  }
  fs::rename(tmp, path, ec);
  untrack_temp_file();
  if (ec) {
    const std::string why = ec.message();
    fs::remove(tmp, ec);
    throw input_error("cannot write '" + path.string() + "': " + why, path.string());
  }
}

// A file name for a document id: what is safe on every file system.
std::string file_name_of(const std::string& id) {
  std::string out;
  for (char c : id)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
            static_cast<unsigned char>(c) >= 0x80)
               ? c
               : '_';
  if (out.empty() || out[0] == '.') out = "doc" + out;
  return out;
}

}  // namespace

void add_extract(CLI::App& app, int& status) {
  struct options {
    common_options common;
    std::vector<std::string> inputs;
    std::string format = "jsonl";
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Find commitments, problem statements and stakeholder mentions.\n"
      "Formats: jsonl (default; one finding a line: doc, label, start, end, text, rule,\n"
      "attributes, lexicon, sentence, meta), tsv (the same as columns, with a header), brat\n"
      "(with -o DIR: NAME.txt and NAME.ann for brat and INCEpTION), conllu (tokens with the\n"
      "findings in MISC as Finding=B-Label,I-Label). Offsets are Unicode code points into the\n"
      "original input, end exclusive. Every finding names its rule and lexicon entries.");
  cmd->add_option("inputs", opts->inputs,
                  "Text or Markdown files, JSONL corpora, Riksdag speech JSON, directories of "
                  "these (with an optional metadata.csv), or - for stdin")
      ->type_name("FILE...");
  cmd->add_option("-f,--format", opts->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "tsv", "brat", "conllu"}))
      ->capture_default_str();
  add_input_options(*cmd, opts->common);
  add_lexicon_option(*cmd, opts->common);
  add_rules_option(*cmd, opts->common);
  cmd->add_option("-o,--output", opts->common.output,
                  "Write to FILE (brat: to directory DIR) instead of standard output");
  add_jobs_option(*cmd, opts->common);
  cmd->callback([opts, &status] {
    const engine eng = load_engine(opts->common);
    const unsigned jobs = opts->common.jobs ? opts->common.jobs : default_jobs();
    if (opts->format == "brat") {
      if (opts->common.output.empty() || opts->common.output == "-")
        throw input_error("--format brat needs -o DIR for its .txt and .ann files");
      const fs::path dir(opts->common.output);
      std::error_code ec;
      fs::create_directories(dir, ec);
      if (ec) throw input_error("cannot create directory '" + dir.string() + "': " + ec.message());
      status = process_in_order<std::string>(
          opts->inputs, opts->common, jobs,
          [&](const document& doc) {
            std::ostringstream ann;
            write_brat(ann, doc, eng.ext->extract(doc, eng.pipe->run(doc)));
            return ann.str();
          },
          [&](const document& doc, std::string& ann) {
            const std::string name = file_name_of(doc.id());
            write_atomically(dir / (name + ".txt"), doc.text());
            write_atomically(dir / (name + ".ann"), ann);
          });
      return;
    }
    with_output(opts->common, [&](std::ostream& out) {
      if (opts->format == "tsv") write_findings_tsv_header(out);
      status = process_in_order<std::string>(
          opts->inputs, opts->common, jobs,
          [&](const document& doc) {
            const analysis a = eng.pipe->run(doc);
            const auto found = eng.ext->extract(doc, a);
            std::ostringstream chunk;
            if (opts->format == "tsv")
              write_findings_tsv(chunk, doc, found);
            else if (opts->format == "conllu")
              write_findings_conllu(chunk, doc, a, found);
            else
              write_findings_jsonl(chunk, doc, found);
            return chunk.str();
          },
          [&](const document&, std::string& chunk) { out << chunk; });
    });
  });
}

}  // namespace svpol::cli
