# CLI tests: the binary as scripts see it (exit codes, messages, golden output).
set(SVPOL $<TARGET_FILE:svpol_cli>)
set(CHECK ${CMAKE_CURRENT_SOURCE_DIR}/cli/check.cmake)
set(DATA ${CMAKE_CURRENT_SOURCE_DIR}/cli/data)
set(GOLD ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(SHARED ${PROJECT_SOURCE_DIR}/../shared)

# svpol_cli_test(NAME CODE <n> [MATCH <regex>] [NOMATCH <regex>] [INPUT <file>]
#                [GOLDEN <file>] ARGS <args...>)
function(svpol_cli_test name)
  cmake_parse_arguments(T "" "CODE;MATCH;NOMATCH;INPUT;GOLDEN" "ARGS" ${ARGN})
  # Arguments travel as one string joined by '@@' (a ';' would split the -D definition).
  string(JOIN "@@" joined ${T_ARGS})
  set(defs "-DCMD=${SVPOL}@@${joined}" -DCODE=${T_CODE})
  foreach(opt MATCH NOMATCH INPUT GOLDEN)
    if(DEFINED T_${opt})
      list(APPEND defs "-D${opt}=${T_${opt}}")
    endif()
  endforeach()
  add_test(NAME cli.${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${CHECK})
  set_tests_properties(cli.${name} PROPERTIES ENVIRONMENT "SVPOL_LEXICONS=${PROJECT_SOURCE_DIR}/lexicons/sv")
endfunction()

svpol_cli_test(help CODE 0 MATCH "tokenize.*eval" ARGS --help)
svpol_cli_test(version CODE 0 MATCH "svpol [0-9]+\\.[0-9]+" ARGS --version)
svpol_cli_test(no_subcommand CODE 2 MATCH "subcommand" ARGS)
svpol_cli_test(tokenize_help CODE 0 MATCH "code points" ARGS tokenize --help)
svpol_cli_test(unknown_format CODE 2 MATCH "xml" ARGS tokenize --format xml ${DATA}/polisen.txt)
svpol_cli_test(invalid_utf8 CODE 2
  MATCH "latin1.txt:1:9: invalid UTF-8 at byte offset 8 \\(byte 0xE4; Latin-1\\? try iconv"
  ARGS tokenize ${DATA}/latin1.txt)
svpol_cli_test(missing_file CODE 2 MATCH "no such file or directory '.*nonexistent.txt'"
  ARGS tokenize ${DATA}/nonexistent.txt)
# A bad file is reported and skipped; the good one is still tokenized.
svpol_cli_test(bad_file_skipped CODE 2 MATCH "Polisen.*invalid UTF-8|invalid UTF-8.*Polisen"
  ARGS tokenize ${DATA}/polisen.txt ${DATA}/latin1.txt)
svpol_cli_test(stdin CODE 0 MATCH "^Vi ska t\\.ex\\. läsa \\.\n$" INPUT ${DATA}/short.txt
  ARGS tokenize)
svpol_cli_test(stdin_dash CODE 0 MATCH "TokenRange=0:2" INPUT ${DATA}/short.txt
  ARGS tokenize --format conllu -)
svpol_cli_test(bad_lexicon_dir CODE 2 MATCH "lexicon directory '/nonexistent' does not exist"
  ARGS tokenize --lexicons /nonexistent ${DATA}/short.txt)

foreach(format text conllu jsonl)
  foreach(name polisen layout)
    svpol_cli_test(golden_tokenize_${name}_${format} CODE 0
      GOLDEN ${GOLD}/tokenize/${name}.${format}.expect
      ARGS tokenize --format ${format} ${GOLD}/tokenize/${name}.txt)
  endforeach()
endforeach()

svpol_cli_test(eval_ud_talbanken CODE 0 MATCH "tokens.*sentences"
  ARGS eval ud ${SHARED}/ud/sv_talbanken-ud-dev.conllu --min-token-f1 99.8 --min-sentence-f1 97.0)
svpol_cli_test(eval_ud_lines CODE 0 MATCH "tokens.*sentences"
  ARGS eval ud ${SHARED}/ud/sv_lines-ud-dev.conllu --min-token-f1 99.7 --min-sentence-f1 88.5)
svpol_cli_test(eval_ud_json CODE 0 MATCH "\"sentences\": {"
  ARGS eval ud ${SHARED}/ud/sv_talbanken-ud-dev.conllu --json)
svpol_cli_test(eval_ud_below_bar CODE 1 MATCH "token F1 .* is below"
  ARGS eval ud ${SHARED}/ud/sv_talbanken-ud-dev.conllu --min-token-f1 100.1)
svpol_cli_test(eval_ud_bad_conllu CODE 2 MATCH "bad.conllu:2:1: expected 10 tab-separated"
  ARGS eval ud ${DATA}/bad.conllu)

# JSONL corpora: a bad record stops the file, unless --skip-bad; the exit code is 2 either way.
svpol_cli_test(jsonl_bad_record CODE 2 MATCH "corpus-bad.jsonl:2:[0-9]+: not a JSON object"
  NOMATCH "Polisen" ARGS tokenize ${DATA}/corpus-bad.jsonl)
svpol_cli_test(jsonl_skip_bad CODE 2 MATCH "Polisen kommer att .*skipped 1 bad record"
  ARGS tokenize --skip-bad ${DATA}/corpus-bad.jsonl)
svpol_cli_test(jsonl_summary CODE 0 MATCH "total \\(33 documents\\)"
  ARGS tokenize --summary ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl
       ${PROJECT_SOURCE_DIR}/corpora/stockholm-2016-interpellation-28.txt)

# svpol extract and svpol eval brat
svpol_cli_test(extract_jsonl CODE 0 MATCH "\"doc\":\"polisen\",\"label\":\"Stakeholder\",\"start\":0,\"end\":7"
  ARGS extract ${DATA}/polisen.txt)
svpol_cli_test(extract_tsv CODE 0 MATCH "^doc\tlabel\tstart\tend\ttext\trule\tattributes\tlexicon\tmeta\n"
  ARGS extract --format tsv ${DATA}/polisen.txt)
svpol_cli_test(extract_conllu CODE 0 MATCH "Finding=([A-Z]-[A-Za-z]+,)*B-Stakeholder"
  ARGS extract --format conllu ${DATA}/polisen.txt)
svpol_cli_test(extract_brat_needs_dir CODE 2 MATCH "--format brat needs -o DIR"
  ARGS extract --format brat ${DATA}/polisen.txt)
svpol_cli_test(extract_bad_rules CODE 2 MATCH "bad.svr:3:[0-9]+: error"
  ARGS extract --rules ${CMAKE_CURRENT_BINARY_DIR}/rules_cli/bad ${DATA}/polisen.txt)
svpol_cli_test(eval_brat_agreement CODE 0 MATCH "Commitment +1.000 +1.000 +1.000"
  ARGS eval brat ${SHARED}/gold/dev --system ${SHARED}/gold/dev --min-f1 1.0)
svpol_cli_test(eval_brat_missing CODE 2 MATCH "gold directory '/nonexistent' does not exist"
  ARGS eval brat /nonexistent)
svpol_cli_test(eval_brat_bad_gold CODE 2 MATCH "bad.ann:1:1: span 20-40 lies outside the text"
  ARGS eval brat ${DATA}/brat-bad)

# svpol compare
svpol_cli_test(compare_md CODE 0 MATCH "\\| year \\| documents \\| tokens \\|.*\n\\| 1994 \\| 1 \\|"
  ARGS compare --by year ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)
svpol_cli_test(compare_csv CODE 0 MATCH "^group,measure,value\nC,documents,1\n.*\nS,documents,"
  ARGS compare --by party --format csv ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)

# svpol query
svpol_cli_test(query_kwic CODE 0 MATCH "\tDärmed \tökar kraven\t på besparingar"
  ARGS query "[lemma=\"öka\"] [pos=\"NOUN\"]?" ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)
svpol_cli_test(query_error CODE 2 MATCH "query:1:27: error: bad quantifier {3,1}"
  ARGS query "[lemma=\"öka\"] [pos=\"NOUN\"]{3,1}" ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)
svpol_cli_test(query_label CODE 0 MATCH "\"match\":\"Polisens\""
  ARGS query --label Stakeholder --format jsonl ${PROJECT_SOURCE_DIR}/corpora/stockholm-2016-interpellation-28.txt)

# -j N keeps the input order: the output is the same as with -j 1.
foreach(verb extract tokenize)
  string(JOIN "@@" one ${SVPOL} ${verb} -j 1 ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)
  string(JOIN "@@" many ${SVPOL} ${verb} -j 4 ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)
  add_test(NAME cli.jobs_same_output_${verb}
           COMMAND ${CMAKE_COMMAND} "-DCMD1=${one}" "-DCMD2=${many}"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/same_output.cmake)
  set_tests_properties(cli.jobs_same_output_${verb} PROPERTIES
                       ENVIRONMENT "SVPOL_LEXICONS=${PROJECT_SOURCE_DIR}/lexicons/sv")
endforeach()
svpol_cli_test(compare_keyness CODE 0 MATCH "Keyness: A = 1994-2005 .*\\| lemma \\| freq A \\| freq B"
  ARGS compare --by year --between 1994-2005 2015-2024 ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)
svpol_cli_test(compare_keyness_csv CODE 0 MATCH "^lemma,freq_a,freq_b,words_a,words_b,g2,p,log_ratio\n"
  ARGS compare --by party --between party=S party=M --format csv ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)
svpol_cli_test(compare_html CODE 0 MATCH "<svg class=\"chart\".*<table>.*Findings in context"
  ARGS compare --by year --format html ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)
svpol_cli_test(compare_bad_side CODE 2 MATCH "a side is FROM-TO, KEY=VALUE or a value, not 'party='"
  ARGS compare --between party= 2016 ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl)

# The HTML report's chart is drawn: headless Chromium renders it, and the screenshot has the
# series' colours in the plot.
add_test(NAME cli.compare_html_chart_drawn
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/cli/chart_drawn.py $<TARGET_FILE:svpol_cli>
                 ${PROJECT_SOURCE_DIR}/corpora/sample.jsonl ${CMAKE_CURRENT_BINARY_DIR}/chart)
set_tests_properties(cli.compare_html_chart_drawn PROPERTIES
                     ENVIRONMENT "SVPOL_LEXICONS=${PROJECT_SOURCE_DIR}/lexicons/sv" TIMEOUT 180)

# On the whole riksdag development corpus, compare's counts agree with extract's findings
# summed by hand, by year and by party.
add_test(NAME cli.compare_agrees_with_extract
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/cli/compare_agrees.py
                 $<TARGET_FILE:svpol_cli> ${SHARED}/corpora/riksdag-dev.jsonl year party)
set_tests_properties(cli.compare_agrees_with_extract PROPERTIES
                     ENVIRONMENT "SVPOL_LEXICONS=${PROJECT_SOURCE_DIR}/lexicons/sv" TIMEOUT 900)
