# svpol annotate and the corpus readers (metadata.csv directories, Riksdag speech JSON).
svpol_cli_test(annotate_help CODE 0 MATCH "cwb-encode -x" ARGS annotate --help)
svpol_cli_test(annotate_needs_output CODE 2 MATCH "--output is required"
  ARGS annotate ${DATA}/polisen.txt)
foreach(format vrt conllu brat jsonl)
  add_test(NAME cli.annotate_${format}
    COMMAND ${CMAKE_COMMAND} -DSVPOL=${SVPOL} -DFORMAT=${format}
            -DOUT=${CMAKE_CURRENT_BINARY_DIR}/annotate_${format} -DDATA=${DATA}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/annotate_check.cmake)
  set_tests_properties(cli.annotate_${format} PROPERTIES
    ENVIRONMENT "SVPOL_LEXICONS=${PROJECT_SOURCE_DIR}/lexicons/sv")
endforeach()
# Killed mid-run: only complete files under final names (SIGKILL), no temporary file at all
# (SIGTERM, SIGINT).
foreach(sig KILL TERM INT)
  add_test(NAME cli.annotate_killed_${sig}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/annotate_kill.sh ${SVPOL}
            ${CMAKE_CURRENT_BINARY_DIR}/annotate_kill_${sig} ${sig}
            ${SHARED}/corpora/riksdag-dev.jsonl ${SHARED}/corpora/government-dev.jsonl)
  set_tests_properties(cli.annotate_killed_${sig} PROPERTIES
    ENVIRONMENT "SVPOL_LEXICONS=${PROJECT_SOURCE_DIR}/lexicons/sv" TIMEOUT 300)
endforeach()

# Riksdag JSON: a bad record stops its file unless --skip-bad; exit 2 either way.
svpol_cli_test(riksdag_bad_record CODE 2
  MATCH "list.json:4:21: \"anforandetext\" must be a string, not null" NOMATCH "åtgärda"
  ARGS tokenize ${DATA}/riksdag/list.json)
svpol_cli_test(riksdag_skip_bad CODE 2 MATCH "Herr talman.*åtgärda.*skipped 1 bad record"
  ARGS tokenize --skip-bad ${DATA}/riksdag/list.json)
svpol_cli_test(riksdag_metadata CODE 0
  MATCH "\"doc\":\"0d3a4c1b-1\".*\"meta\":{\"speaker\":\"Justitie- och inrikesminister Anders Ygeman \\(S\\)\",\"party\":\"S\",\"date\":\"2016-03-02\",\"year\":\"2016\""
  ARGS extract ${DATA}/riksdag/one.json)
svpol_cli_test(riksdag_array CODE 0 MATCH "^Vi vill se över lagen \\.\n$"
  ARGS tokenize ${DATA}/riksdag/array.json)

# Text directories with metadata.csv.
svpol_cli_test(textdir_metadata CODE 0
  MATCH "\"doc\":\"tal-1\".*\"meta\":{\"year\":\"2016\",\"speaker\":\"Löfven, Stefan\",\"party\":\"S\"}.*\"doc\":\"tal-2\".*\"speaker\":\"Anna \\\\\"Kicki\\\\\" Berg\""
  ARGS extract ${DATA}/textdir)
svpol_cli_test(textdir_bad_metadata CODE 2
  MATCH "textdir-bad/metadata.csv:2:1: a row of 2 fields where the header has 3" NOMATCH "Regeringen"
  ARGS tokenize ${DATA}/textdir-bad)
svpol_cli_test(textdir_bad_metadata_skipped CODE 2 MATCH "Regeringen.*reglerna.*skipped 1 bad record"
  ARGS tokenize --skip-bad ${DATA}/textdir-bad)
# An `id` column names the document.
svpol_cli_test(textdir_id_column CODE 0
  MATCH "\"doc\":\"riksdagen-2016-42\".*\"meta\":{\"year\":\"2016\"}" NOMATCH "\"doc\":\"tal\""
  ARGS extract ${DATA}/textdir-id)
