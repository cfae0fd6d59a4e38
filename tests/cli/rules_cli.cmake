# CLI tests of `svpol rules check` and `svpol rules dump`: exit codes and messages. The rule
# directories are written at configure time; svpol_cli_test comes from cli_tests.cmake.
set(RULES_CLI_DIR ${CMAKE_CURRENT_BINARY_DIR}/rules_cli)
file(WRITE ${RULES_CLI_DIR}/bad/bad.svr
"# two broken rules and a good one
rule bad.one : Commitment {
  match [lemma=\"komma\" [word=\"att\"];
}
rule bad.two : Commitment {
  match [lemma=\"ska\"] []{3,1};
}
rule good.three : Problem { match [lemma=\"öka\"]; }
")
file(WRITE ${RULES_CLI_DIR}/good/good.svr
"rule good.one : Problem {   set Trend=rising;  match [word=\"klyftorna\"%c] [lemma=\"öka\"]; }
")
svpol_cli_test(rules.check_installed CODE 0 MATCH "^[0-9]+ rules ok"
  ARGS rules check)
svpol_cli_test(rules.check_good CODE 0 MATCH "^1 rule ok"
  ARGS rules check ${RULES_CLI_DIR}/good)
svpol_cli_test(rules.check_bad CODE 2 MATCH "bad.svr:3:24: error: expected '\\]'\n    match \\[lemma=\"komma\" \\[word=\"att\"\\];\n +\\^\n.*bad.svr:6:25: error: bad quantifier {3,1}"
  ARGS rules check ${RULES_CLI_DIR}/bad)
svpol_cli_test(rules.check_missing_dir CODE 2 MATCH "does not exist"
  ARGS rules check ${RULES_CLI_DIR}/nowhere)
svpol_cli_test(rules.dump_good CODE 0 MATCH "^rule good.one : Problem {\n  set Trend=rising;\n  match \\[word=\"klyftorna\"%c\\] \\[lemma=\"öka\"\\];\n}\n$"
  ARGS rules dump ${RULES_CLI_DIR}/good)
svpol_cli_test(rules.help CODE 0 MATCH "check.*dump"
  ARGS rules --help)