// svpol compare: findings per group of documents (year, party, speaker, any metadata key).
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "common.hpp"
#include "parallel.hpp"
#include "svpol/compare.hpp"

namespace svpol::cli {

void add_compare(CLI::App& app, int& status) {
  struct options {
    common_options common;
    std::vector<std::string> inputs;
    std::string by = "year", format = "md";
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Counts and rates (per 10,000 word tokens) of commitments, problems and stakeholder\n"
      "mentions per group of documents, grouped by a metadata key of the corpus. Formats: md\n"
      "(a Markdown table) and csv (tidy: group,measure,value, for R and pandas).");
  cmd->add_option("inputs", opts->inputs, "JSONL corpora, text files or directories")
      ->type_name("CORPUS...");
  cmd->add_option("--by", opts->by, "Metadata key to group by (year, party, speaker, ...)")
      ->capture_default_str();
  cmd->add_option("-f,--format", opts->format, "Output format")
      ->check(CLI::IsMember({"md", "csv"}))
      ->capture_default_str();
  add_input_options(*cmd, opts->common);
  add_lexicon_option(*cmd, opts->common);
  add_rules_option(*cmd, opts->common);
  add_output_option(*cmd, opts->common);
  add_jobs_option(*cmd, opts->common);
  cmd->callback([opts, &status] {
    const engine eng = load_engine(opts->common);
    comparison cmp(opts->by);
    using result = std::pair<analysis, std::vector<finding>>;
    status = process_in_order<result>(
        opts->inputs, opts->common, opts->common.jobs ? opts->common.jobs : default_jobs(),
        [&](const document& doc) {
          analysis a = eng.pipe->run(doc);
          auto found = eng.ext->extract(doc, a);
          return result(std::move(a), std::move(found));
        },
        [&](const document& doc, result& r) { cmp.add(doc, r.first, r.second); });
    with_output(opts->common, [&](std::ostream& out) {
      if (opts->format == "csv")
        write_comparison_csv(out, cmp);
      else
        write_comparison_md(out, cmp);
    });
  });
}

}  // namespace svpol::cli
