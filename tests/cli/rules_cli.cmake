# CLI tests of `svpol rules check` and `svpol rules dump`: exit codes and messages.
# Self-contained (its own runner script and rule directories, written at configure time) so
# that it does not depend on the helpers of cli_tests.cmake.
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
file(WRITE ${RULES_CLI_DIR}/good/classes.txt "actor.speaker\n")
# Runs CMD (arguments joined by '@@'), checks the exit code against CODE and, when given,
# stdout+stderr against the regular expression MATCH.
file(WRITE ${RULES_CLI_DIR}/run.cmake [=[
string(REPLACE "@@" ";" cmd "${CMD}")
execute_process(COMMAND ${cmd} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL CODE)
  message(FATAL_ERROR "exit ${code}, expected ${CODE}\n${out}${err}")
endif()
if(DEFINED MATCH AND NOT "${out}${err}" MATCHES "${MATCH}")
  message(FATAL_ERROR "output does not match '${MATCH}':\n${out}${err}")
endif()
]=])

function(svpol_rules_cli_test name code match)
  string(JOIN "@@" cmd $<TARGET_FILE:svpol_cli> ${ARGN})
  add_test(NAME cli.rules.${name}
           COMMAND ${CMAKE_COMMAND} "-DCMD=${cmd}" -DCODE=${code} "-DMATCH=${match}"
                   -P ${RULES_CLI_DIR}/run.cmake)
  set_tests_properties(cli.rules.${name} PROPERTIES
                       ENVIRONMENT "SVPOL_LEXICONS=${PROJECT_SOURCE_DIR}/lexicons/sv")
endfunction()

svpol_rules_cli_test(check_installed 0 "^[0-9]+ rules ok" rules check)
svpol_rules_cli_test(check_good 0 "^1 rule ok" rules check ${RULES_CLI_DIR}/good)
svpol_rules_cli_test(check_bad 2
  "bad.svr:3:24: error: expected '\\]'\n    match \\[lemma=\"komma\" \\[word=\"att\"\\];\n +\\^\n.*bad.svr:6:25: error: bad quantifier {3,1}"
  rules check ${RULES_CLI_DIR}/bad)
svpol_rules_cli_test(check_missing_dir 2 "does not exist" rules check ${RULES_CLI_DIR}/nowhere)
svpol_rules_cli_test(dump_good 0
  "^rule good.one : Problem {\n  set Trend=rising;\n  match \\[word=\"klyftorna\"%c\\] \\[lemma=\"öka\"\\];\n}\n$"
  rules dump ${RULES_CLI_DIR}/good)
svpol_rules_cli_test(help 0 "check.*dump" rules --help)
