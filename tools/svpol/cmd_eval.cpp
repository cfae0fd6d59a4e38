// svpol eval: scores svpol against gold annotations.
//   svpol eval ud GOLD.conllu [--json] [--errors]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "svpol/error.hpp"
#include "svpol/eval.hpp"
#include "svpol/pipeline.hpp"

namespace svpol::cli {

namespace {

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error("cannot open '" + path + "'", path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

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
                  pct(p.precision()).c_str(), pct(p.recall()).c_str(), pct(p.f1()).c_str(),
                  p.gold, p.system);
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
    return nlohmann::ordered_json{{"precision", x.precision()}, {"recall", x.recall()},
                                  {"f1", x.f1()},       {"gold", x.gold},
                                  {"system", x.system}, {"correct", x.correct}};
  };
  nlohmann::ordered_json j;
  j["tokens"] = p(r.tokens);
  j["sentences"] = p(r.sentences);
  j["aligned"] = r.aligned;
  j["lemma_accuracy"] = r.has_lemmas ? nlohmann::ordered_json(r.lemma_accuracy()) : nullptr;
  j["upos_accuracy"] = r.has_upos ? nlohmann::ordered_json(r.upos_accuracy()) : nullptr;
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
    const ud_result r = evaluate_ud(read_whole(ud->gold), ud->gold, pipe, ud->errors);
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
}

}  // namespace svpol::cli
