// svpol rules: checks and prints rule sets.
//   svpol rules check [DIR] [--terms DIR | --classes FILE]   exit 0 when all rules are valid, else
//   2 svpol rules dump  [DIR] [--terms DIR | --classes FILE]   the rules in canonical form, on
//   stdout
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "common.hpp"
#include "svpol/lexicon.hpp"
#include "svpol/rules.hpp"

namespace svpol::cli {

namespace {

namespace fs = std::filesystem;

struct rules_options {
  std::string dir;
  std::string classes;
  std::string terms;
  bool any_class = false;
};

// Loads the rule set named by the options; errors (rule_error, input_error) go to main().
svpol::rules::rule_set load(const rules_options& o) {
  const fs::path dir = o.dir.empty() ? default_lexicon_dir() / "rules" : fs::path(o.dir);
  // The classes rules may name are those of the term lexicon (DIR/../terms by default), or a
  // plain list given with --classes.
  if (o.any_class) return svpol::rules::load_dir(dir, nullptr);
  if (!o.classes.empty()) {
    const auto classes = svpol::rules::class_list::load(o.classes);
    return svpol::rules::load_dir(dir, &classes);
  }
  const fs::path terms_dir = o.terms.empty() ? dir.parent_path() / "terms" : fs::path(o.terms);
  const auto terms = svpol::term_lexicon::load_dir(terms_dir);
  return svpol::rules::load_dir(dir, &terms);
}

void add_common(CLI::App& cmd, rules_options& o) {
  cmd.add_option("dir", o.dir, "Rule directory (*.svr; default: the installed lexicons/sv/rules)")
      ->type_name("DIR");
  cmd.add_option("--terms", o.terms,
                 "Term lexicon directory whose classes [lex=\"...\"] may name (default: "
                 "DIR/../terms)");
  cmd.add_option("--classes", o.classes,
                 "Instead of a term lexicon: the class names allowed, one a line");
  cmd.add_flag("--any-class", o.any_class, "Accept any lexicon class name");
}

}  // namespace

void add_rules(CLI::App& app, int& status) {
  CLI::App* rules = app.add_subcommand("rules", "Check and print rule sets (lexicons/sv/rules)");
  rules->require_subcommand(1);

  auto check_opts = std::make_shared<rules_options>();
  CLI::App* check = rules->add_subcommand(
      "check", "Parse and check every rule file; errors are printed as file:line:col (exit 2)");
  add_common(*check, *check_opts);
  check->callback([check_opts, &status] {
    const auto set = load(*check_opts);
    std::cout << set.size() << (set.size() == 1 ? " rule" : " rules") << " ok\n";
    status = ok;
  });

  auto dump_opts = std::make_shared<rules_options>();
  CLI::App* dump = rules->add_subcommand("dump", "Print the rules in canonical form");
  add_common(*dump, *dump_opts);
  dump->callback([dump_opts, &status] {
    std::cout << svpol::rules::dump(load(*dump_opts));
    status = ok;
  });
}

}  // namespace svpol::cli
