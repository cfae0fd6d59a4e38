// svpol query: concordances (KWIC) of a CQP query, or of the findings of one label.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "parallel.hpp"
#include "svpol/query.hpp"

namespace svpol::cli {

namespace {

std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

void add_query(CLI::App& app, int& status) {
  struct options {
    common_options common;
    std::string cqp, label, format = "tsv";
    std::vector<std::string> inputs;
    std::size_t width = 40;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "query",
      "Concordance (KWIC) of a CQP query over a corpus: [lemma=\"öka\"] [pos=\"NOUN\"],\n"
      "[lex=\"actor.authority\"], with the rule language's token conditions (see\n"
      "lexicons/sv/rules/README.md). With --label, the findings of that label instead:\n"
      "svpol query --label Commitment CORPUS...\n"
      "Formats: tsv (doc, start, end, left, match, right, meta; a header line) and jsonl.");
  cmd->add_option("query", opts->cqp, "The CQP query (none with --label)")->required();
  cmd->add_option("inputs", opts->inputs, "JSONL corpora, text files or directories")
      ->type_name("CORPUS...");
  cmd->add_option("--label", opts->label, "List findings of this label in context")
      ->check(CLI::IsMember({"Commitment", "Problem", "Stakeholder"}));
  cmd->add_option("-w,--width", opts->width, "Characters of context on each side")
      ->capture_default_str();
  cmd->add_option("-f,--format", opts->format, "Output format")
      ->check(CLI::IsMember({"tsv", "jsonl"}))
      ->capture_default_str();
  add_input_options(*cmd, opts->common);
  add_lexicon_option(*cmd, opts->common);
  add_rules_option(*cmd, opts->common);
  add_output_option(*cmd, opts->common);
  add_jobs_option(*cmd, opts->common);
  cmd->callback([opts, &status] {
    const engine eng = load_engine(opts->common);
    const lexicon& lex = eng.pipe->lexicons();
    std::optional<svpol::query> q;
    if (opts->label.empty())
      q = svpol::query::parse(opts->cqp, lex);
    else  // with --label there is no query: the first argument is a corpus
      opts->inputs.insert(opts->inputs.begin(), opts->cqp);
    with_output(opts->common, [&](std::ostream& out) {
      if (opts->format == "tsv") out << "doc\tstart\tend\tleft\tmatch\tright\tmeta\n";
      status = process_in_order<std::string>(
          opts->inputs, opts->common, opts->common.jobs ? opts->common.jobs : default_jobs(),
          [&](const document& doc) {
            const analysis a = eng.pipe->run(doc);
            std::vector<std::pair<std::size_t, std::size_t>> ranges;
            if (q) {
              ranges = q->find(a, lex);
            } else {
              for (const finding& f : eng.ext->extract(doc, a))
                if (rules::to_string(f.kind) == opts->label)
                  ranges.emplace_back(f.first_token, f.end_token);
            }
            std::string meta;
            for (const auto& [k, v] : doc.meta()) meta += (meta.empty() ? "" : ";") + k + "=" + v;
            std::ostringstream chunk;
            for (const auto& [b, e] : ranges) {
              const kwic_line k = make_kwic(doc, a, b, e, opts->width);
              if (opts->format == "jsonl") {
                nlohmann::ordered_json j = {{"doc", doc.id()},  {"start", k.start},
                                            {"end", k.end},     {"left", k.left},
                                            {"match", k.match}, {"right", k.right}};
                nlohmann::ordered_json m = nlohmann::ordered_json::object();
                for (const auto& [key, v] : doc.meta()) m[key] = v;
                j["meta"] = std::move(m);
                chunk << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
              } else {
                chunk << tsv_field(doc.id()) << '\t' << k.start << '\t' << k.end << '\t' << k.left
                      << '\t' << k.match << '\t' << k.right << '\t' << tsv_field(meta) << '\n';
              }
            }
            return chunk.str();
          },
          [&](const document&, std::string& chunk) { out << chunk; });
    });
  });
}

}  // namespace svpol::cli
