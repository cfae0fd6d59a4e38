// svpol eval: scores svpol against gold annotations.
//   svpol eval ud GOLD.conllu [--json] [--errors]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "commands.hpp"
#include "common.hpp"
#include "svpol/brat.hpp"
#include "svpol/error.hpp"
#include "svpol/eval.hpp"
#include "svpol/pipeline.hpp"

namespace svpol::cli {

namespace {

std::string pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%6.2f", 100.0 * x);
  return buf;
}

void print_ud(std::ostream& out, const ud_result& r) {
  out << "metric     precision  recall      F1   gold  system\n";
  auto row = [&](const char* name, const prf& p) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%-9s     %s  %s  %s  %5zu  %6zu\n", name,
                  pct(p.precision()).c_str(), pct(p.recall()).c_str(), pct(p.f1()).c_str(), p.gold,
                  p.system);
    out << buf;
  };
  row("tokens", r.tokens);
  row("sentences", r.sentences);
  auto acc = [&](const char* name, bool has, double a) {
    out << name << (has ? pct(a) : std::string("   n/a")) << "  (aligned accuracy over "
        << r.aligned << " tokens)\n";
  };
  acc("lemmas   ", r.has_lemmas, r.lemma_accuracy());
  acc("upos     ", r.has_upos, r.upos_accuracy());
}

nlohmann::ordered_json ud_json(const ud_result& r) {
  auto p = [](const prf& x) {
    return nlohmann::ordered_json{
        {"precision", x.precision()}, {"recall", x.recall()}, {"f1", x.f1()}, {"gold", x.gold},
        {"system", x.system},         {"correct", x.correct}};
  };
  nlohmann::ordered_json j;
  j["tokens"] = p(r.tokens);
  j["sentences"] = p(r.sentences);
  j["aligned"] = r.aligned;
  j["lemma_accuracy"] = r.has_lemmas ? nlohmann::ordered_json(r.lemma_accuracy()) : nullptr;
  j["upos_accuracy"] = r.has_upos ? nlohmann::ordered_json(r.upos_accuracy()) : nullptr;
  return j;
}

std::string f3(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.3f", x);
  return buf;
}

void print_brat(std::ostream& out, const brat_scores& r) {
  out << "label                  precision  recall     F1   gold  system\n";
  auto row = [&](const char* name, const prf& p) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%-22s     %s   %s  %s  %5zu  %6zu\n", name,
                  f3(p.precision()).c_str(), f3(p.recall()).c_str(), f3(p.f1()).c_str(), p.gold,
                  p.system);
    out << buf;
  };
  row("Commitment", r.commitment);
  row("Problem", r.problem);
  row("Stakeholder (lenient)", r.stakeholder_lenient);
  row("Stakeholder (strict)", r.stakeholder_strict);
  out << "attribute accuracy over matched spans:\n";
  for (const auto& [key, cell] : r.attributes)
    out << "  " << key << ' ' << f3(r.accuracy(key)) << " (" << cell.first << " of " << cell.second
        << ")\n";
  out << r.documents << " documents\n";
}

nlohmann::ordered_json brat_json(const brat_scores& r) {
  auto p = [](const prf& x) {
    return nlohmann::ordered_json{
        {"precision", x.precision()}, {"recall", x.recall()}, {"f1", x.f1()}, {"gold", x.gold},
        {"system", x.system},         {"correct", x.correct}};
  };
  nlohmann::ordered_json j;
  j["documents"] = r.documents;
  j["Commitment"] = p(r.commitment);
  j["Problem"] = p(r.problem);
  j["Stakeholder"] = {{"lenient", p(r.stakeholder_lenient)}, {"strict", p(r.stakeholder_strict)}};
  nlohmann::ordered_json attrs = nlohmann::ordered_json::object();
  for (const auto& [key, cell] : r.attributes)
    attrs[key] = {{"accuracy", r.accuracy(key)}, {"correct", cell.first}, {"total", cell.second}};
  j["attributes"] = std::move(attrs);
  return j;
}

}  // namespace

void add_eval(CLI::App& app, int& status) {
  CLI::App* eval = app.add_subcommand("eval", "Score svpol against gold annotations");
  eval->require_subcommand(1);

  struct ud_options {
    common_options common;
    std::string gold;
    bool json = false, errors = false;
    double min_token_f1 = -1, min_sentence_f1 = -1;
  };
  auto ud = std::make_shared<ud_options>();
  CLI::App* cmd = eval->add_subcommand(
      "ud",
      "Tokens and sentences (and lemmas and UPOS when svpol fills them) against a UD CoNLL-U\n"
      "file, scored as in the CoNLL 2018 shared task. Exit 1 when a --min-* bar is missed.");
  cmd->add_option("gold", ud->gold, "Gold CoNLL-U file")->required()->type_name("GOLD.conllu");
  cmd->add_flag("--json", ud->json, "Print the scores as JSON");
  cmd->add_flag("--errors", ud->errors, "List every disagreement with its context (stderr)");
  cmd->add_option("--min-token-f1", ud->min_token_f1, "Fail (exit 1) below this token F1 (0-100)");
  cmd->add_option("--min-sentence-f1", ud->min_sentence_f1,
                  "Fail (exit 1) below this sentence F1 (0-100)");
  add_lexicon_option(*cmd, ud->common);
  cmd->callback([ud, &status] {
    const svpol::pipeline pipe(load_lexicon(ud->common));
    const ud_result r = evaluate_ud(read_file(ud->gold), ud->gold, pipe, ud->errors);
    if (ud->json)
      std::cout << ud_json(r).dump(2) << '\n';
    else
      print_ud(std::cout, r);
    for (const auto& e : r.errors)
      std::cerr << e.kind << '\t' << e.gold << '\t' << e.system << '\t' << e.context << '\n';
    status = ok;
    if (ud->min_token_f1 >= 0 && 100 * r.tokens.f1() < ud->min_token_f1) {
      report("token F1 " + pct(r.tokens.f1()) + " is below " + std::to_string(ud->min_token_f1));
      status = check_failed;
    }
    if (ud->min_sentence_f1 >= 0 && 100 * r.sentences.f1() < ud->min_sentence_f1) {
      report("sentence F1 " + pct(r.sentences.f1()) + " is below " +
             std::to_string(ud->min_sentence_f1));
      status = check_failed;
    }
  });

  struct brat_options {
    common_options common;
    std::string gold, system;
    bool json = false, errors = false;
    double min_f1 = -1;
  };
  auto br = std::make_shared<brat_options>();
  CLI::App* bcmd = eval->add_subcommand(
      "brat",
      "Commitments, problems and stakeholders against brat gold (GOLD_DIR/NAME.txt + NAME.ann),\n"
      "scored as ANNOTATION.md says: overlap for Commitment and Problem, strict and lenient\n"
      "for Stakeholder, attribute accuracy over matched spans. With --system DIR, compares\n"
      "DIR/NAME.ann with the gold instead of running svpol (inter-annotator agreement).\n"
      "Exit 1 when an F1 (Commitment, Problem, Stakeholder lenient) is below --min-f1.");
  bcmd->add_option("gold", br->gold, "Gold directory")->required()->type_name("GOLD_DIR");
  bcmd->add_option("--system", br->system, "Compare this directory's .ann files instead");
  bcmd->add_flag("--json", br->json, "Print the scores as JSON");
  bcmd->add_flag("--errors", br->errors,
                 "Also list missed and spurious spans with their context and rule (TSV)");
  bcmd->add_option("--min-f1", br->min_f1, "Fail (exit 1) when an F1 is below this (0-1)");
  add_lexicon_option(*bcmd, br->common);
  add_rules_option(*bcmd, br->common);
  bcmd->callback([br, &status] {
    std::optional<engine> eng;
    if (br->system.empty()) eng = load_engine(br->common);
    const brat_scores r = evaluate_brat_dir(
        br->gold, eng ? extractor_system(*eng->pipe, *eng->ext) : directory_system(br->system),
        br->errors);
    if (br->json)
      std::cout << brat_json(r).dump(2) << '\n';
    else
      print_brat(std::cout, r);
    if (br->errors) {
      std::cout << "\nkind\tlabel\tdocument\tstart\tend\trule\tcontext\n";
      for (const auto& e : r.errors)
        std::cout << e.kind << '\t' << e.label << '\t' << e.document << '\t' << e.begin << '\t'
                  << e.end << '\t' << e.rule << '\t' << e.context << '\n';
    }
    status = ok;
    if (br->min_f1 >= 0) {
      for (const auto& [name, p] : {std::pair<const char*, const prf*>{"Commitment", &r.commitment},
                                    {"Problem", &r.problem},
                                    {"Stakeholder (lenient)", &r.stakeholder_lenient}}) {
        if (p->f1() < br->min_f1) {
          report(std::string(name) + " F1 " + f3(p->f1()) + " is below " + f3(br->min_f1));
          status = check_failed;
        }
      }
    }
  });
}

}  // namespace svpol::cli
