// svpol compare: findings per group of documents (year, party, speaker, any metadata key),
// keyness between two sides, and a self-contained HTML report.
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "common.hpp"
#include "parallel.hpp"
#include "svpol/compare.hpp"
#include "svpol/query.hpp"

namespace svpol::cli {

void add_compare(CLI::App& app, int& status) {
  struct options {
    common_options common;
    std::vector<std::string> inputs, between;
    std::string by = "year", format = "md";
    std::size_t keywords = 30, examples = 5;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Counts and rates (per 10,000 words) of commitments, problems and stakeholder mentions\n"
      "per group of documents, grouped by a metadata key of the corpus, with the most mentioned\n"
      "stakeholders. With --between A B, also keyness: the lemmas side A uses more than side B\n"
      "and the other way round (log-likelihood G2 with p-values, Log Ratio as effect size, raw\n"
      "frequencies beside them). A side is FROM-TO of the --by key (1994-2005), KEY=VALUE\n"
      "(party=S) or one value. Formats: md (Markdown tables), csv (tidy group,measure,value;\n"
      "with --between, the keyness table), html (one self-contained report: trend chart,\n"
      "tables, and the findings in context, linked from every number).");
  cmd->add_option("inputs", opts->inputs, "JSONL corpora, text files or directories")
      ->type_name("CORPUS...");
  cmd->add_option("--by", opts->by, "Metadata key to group by (year, party, speaker, ...)")
      ->capture_default_str();
  cmd->add_option("--between", opts->between, "Two sides for keyness: A B")
      ->expected(2)
      ->multi_option_policy(CLI::MultiOptionPolicy::Throw)
      ->allow_extra_args(false)
      ->type_name("A B");
  cmd->add_option("--keywords", opts->keywords, "Keywords shown for each side")
      ->capture_default_str();
  cmd->add_option("--examples", opts->examples,
                  "Findings in context per group and label in the HTML report")
      ->capture_default_str();
  cmd->add_option("-f,--format", opts->format, "Output format")
      ->check(CLI::IsMember({"md", "csv", "html"}))
      ->capture_default_str();
  add_input_options(*cmd, opts->common);
  add_lexicon_option(*cmd, opts->common);
  add_rules_option(*cmd, opts->common);
  add_output_option(*cmd, opts->common);
  add_jobs_option(*cmd, opts->common);
  cmd->callback([opts, &status] {
    const engine eng = load_engine(opts->common);
    comparison cmp(opts->by);
    std::optional<keyness> keys;
    if (opts->between.size() == 2)
      keys.emplace(side_filter::parse(opts->between[0], opts->by),
                   side_filter::parse(opts->between[1], opts->by));
    const bool html = opts->format == "html";
    std::vector<report_example> examples;
    std::map<std::pair<std::string, std::string>, std::size_t> shown;  // group, label -> n
    struct result {
      analysis a;
      std::vector<finding> found;
    };
    status = process_in_order<result>(
        opts->inputs, opts->common, opts->common.jobs ? opts->common.jobs : default_jobs(),
        [&](const document& doc) {
          result r;
          r.a = eng.pipe->run(doc);
          r.found = eng.ext->extract(doc, r.a);
          return r;
        },
        [&](const document& doc, result& r) {
          cmp.add(doc, r.a, r.found);
          if (keys) keys->add(doc, r.a);
          if (!html) return;
          std::string group(doc.meta_value(opts->by));
          if (group.empty()) group = "(none)";
          for (const finding& f : r.found) {
            const std::string label(rules::to_string(f.kind));
            auto& n = shown[{group, label}];
            if (n >= opts->examples) continue;
            ++n;
            const kwic_line k = make_kwic(doc, r.a, f.first_token, f.end_token, 50);
            examples.push_back({group, label, doc.id(), k.left, k.match, k.right});
          }
        });
    with_output(opts->common, [&](std::ostream& out) {
      if (html) {
        write_comparison_html(out, cmp, examples, keys ? &*keys : nullptr, opts->keywords);
      } else if (opts->format == "csv") {
        if (keys)
          write_keyness_csv(out, *keys, opts->keywords);
        else
          write_comparison_csv(out, cmp);
      } else {
        write_comparison_md(out, cmp);
        if (keys) {
          out << '\n';
          write_keyness_md(out, *keys, opts->keywords);
        }
      }
    });
  });
}

}  // namespace svpol::cli
