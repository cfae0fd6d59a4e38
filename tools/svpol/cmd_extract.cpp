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
      "(with -o DIR: NAME.txt and NAME.ann for brat and INCEpTION; NAME is the document id\n"
      "with characters other than letters, digits, - _ . as _, cut to 200 bytes, a repeated\n"
      "one with -2, -3, ...), conllu (tokens with the findings in MISC as\n"
      "Finding=B-Label,I-Label). Offsets are Unicode code points into the original input, end\n"
      "exclusive. Every finding names its rule and lexicon entries.");
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
          [&, namer = file_namer()](const document& doc, std::string& ann) mutable {
            const std::string name = namer(doc.id());
            for (const auto& [ext, content] : {std::pair{".txt", &doc.text()}, {".ann", &ann}}) {
              const fs::path target = dir / (name + ext);
              fs::path tmp = target;
              tmp += ".tmp." + std::to_string(::getpid());
              write_through_temp(target, tmp, [&](std::ostream& o) { o << *content; });
            }
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
