# Bad input, untrusted rules, inert corpus text and output that is never half written
# (issue 7). Every bad input exits 2 with a message naming the place. The data is written at
# configure time; svpol_cli_test comes from cli_tests.cmake.
set(R ${CMAKE_CURRENT_BINARY_DIR}/robust_cli)
file(REMOVE_RECURSE ${R})

# A UTF-8 byte-order mark is accepted and kept: offsets count it as one code point (U+FEFF),
# so they still point into the file as it is.
string(ASCII 239 187 191 bom)
file(WRITE ${R}/bom.txt "${bom}Polisen kommer att öka insatserna.\n")
file(WRITE ${R}/no-text.jsonl "{\"id\": \"a\", \"text\": \"Polisen.\"}\n{\"id\": \"b\", \"body\": \"x\"}\n")
file(WRITE ${R}/id-type.jsonl "{\"id\": \"a\", \"text\": \"Polisen.\"}\n\n{\"id\": [1], \"text\": \"x\"}\n")
file(WRITE ${R}/text-type.jsonl "{\"id\": \"a\", \"text\": {\"p\": 1}}\n")

# A lexicon whose exception table is a directory (a bad unpack, say).
file(COPY ${PROJECT_SOURCE_DIR}/lexicons/sv/ DESTINATION ${R}/dir-lexicon)
file(REMOVE ${R}/dir-lexicon/lemma-exceptions.tsv)
file(MAKE_DIRECTORY ${R}/dir-lexicon/lemma-exceptions.tsv)

# Lexicon and rule files with syntax errors.
file(WRITE ${R}/bad-lexicon/abbreviations.txt "t.ex.\nosv.\tfinal\nö.k.\tfinnal\n")
file(MAKE_DIRECTORY ${R}/bad-lexicon/terms)
file(WRITE ${R}/bad-rules/r.svr "rule a.b : Commitment {\n  match [word=\"x\"] [lemma=];\n}\n")

# A brat .ann whose text does not match its .txt.
file(WRITE ${R}/brat-mismatch/x.txt "Polisen kommer att öka insatserna.\n")
file(WRITE ${R}/brat-mismatch/x.ann "T1\tStakeholder 0 7\tPolisen\nT2\tCommitment 8 18\tkommer ut\n")

# Untrusted rules: a catastrophic regular expression on a long run of `a`.
file(WRITE ${R}/redos-rules/redos.svr "rule redos.nested : Problem {\n  match [word=\"(a+)+$\"];\n}\n")
string(REPEAT "a" 40 run)
file(WRITE ${R}/redos.txt "Polisen ${run}b kommer.\n")

svpol_cli_test(robust.invalid_utf8_extract CODE 2
  MATCH "latin1.txt:1:9: invalid UTF-8 at byte offset 8 \\(byte 0xE4; Latin-1\\? try iconv -f latin1"
  ARGS extract ${DATA}/latin1.txt)
svpol_cli_test(robust.bom_offsets CODE 0
  MATCH "\"label\":\"Stakeholder\",\"start\":1,\"end\":8,\"text\":\"Polisen\""
  ARGS extract ${R}/bom.txt)
svpol_cli_test(robust.jsonl_not_json CODE 2 MATCH "corpus-bad.jsonl:2:[0-9]+: not a JSON"
  ARGS extract ${DATA}/corpus-bad.jsonl)
svpol_cli_test(robust.jsonl_no_text CODE 2 MATCH "no-text.jsonl:2:1: the record has no \"text\""
  ARGS extract ${R}/no-text.jsonl)
svpol_cli_test(robust.jsonl_id_type CODE 2
  MATCH "id-type.jsonl:3:1: \"id\" must be a string or an integer, not array"
  ARGS extract ${R}/id-type.jsonl)
svpol_cli_test(robust.jsonl_text_type CODE 2
  MATCH "text-type.jsonl:1:1: \"text\" must be a string, not object"
  ARGS tokenize ${R}/text-type.jsonl)
# A path that opens but cannot be read (EIO even for root): reported, not taken as empty.
svpol_cli_test(robust.unreadable_proc CODE 2 MATCH "cannot read '/proc/self/mem'"
  ARGS tokenize /proc/self/mem)
# A directory where a file is expected: named, not an internal error from the stream library.
svpol_cli_test(robust.eval_ud_directory CODE 2 MATCH "cannot read '.*robust_cli': it is a directory"
  ARGS eval ud ${R})
svpol_cli_test(robust.lexicon_file_directory CODE 2
  MATCH "cannot read lexicon '.*dir-lexicon/lemma-exceptions.tsv': it is a directory"
  ARGS extract --lexicons ${R}/dir-lexicon ${DATA}/polisen.txt)
svpol_cli_test(robust.missing_dir CODE 2 MATCH "no such file or directory '.*no-such-dir'"
  ARGS extract ${R}/no-such-dir)
svpol_cli_test(robust.missing_rules_dir CODE 2 MATCH "rule directory '.*no-such-rules' does not exist"
  ARGS extract --rules ${R}/no-such-rules ${DATA}/polisen.txt)
# CMake regexes have no {n}: the caret lines' indentation is spelled out.
string(REPEAT " " 28 sp28)
string(REPEAT " " 6 sp6)
svpol_cli_test(robust.bad_rule_caret CODE 2
  MATCH "r.svr:2:27: error: [^\n]*\n    match \\[word=\"x\"\\] \\[lemma=\\];\n${sp28}\\^"
  ARGS extract --rules ${R}/bad-rules ${DATA}/polisen.txt)
svpol_cli_test(robust.bad_lexicon_caret CODE 2
  MATCH "abbreviations.txt:3:6: error: expected 'final' or nothing after the tab, got 'finnal'\n  ö\\.k\\.\tfinnal\n${sp6}\t\\^"
  ARGS extract --lexicons ${R}/bad-lexicon ${DATA}/polisen.txt)
svpol_cli_test(robust.unknown_format_extract CODE 2 MATCH "--format: xml not in"
  ARGS extract --format xml ${DATA}/polisen.txt)
svpol_cli_test(robust.unknown_format_compare CODE 2 MATCH "--format: tsv not in"
  ARGS compare --format tsv ${DATA}/polisen.txt)
svpol_cli_test(robust.brat_outside CODE 2 MATCH "bad.ann:1:1: span 20-40 lies outside the text"
  ARGS eval brat ${DATA}/brat-bad --system ${DATA}/brat-bad)
svpol_cli_test(robust.bad_conllu CODE 2
  MATCH "svpol: [^\n]*bad.conllu:2:1: expected 10 tab-separated columns" NOMATCH "conllu:2:.*conllu:2:"
  ARGS eval ud ${DATA}/bad.conllu)
svpol_cli_test(robust.brat_mismatch CODE 2 MATCH "x.ann:2:1: [^\n]*kommer ut"
  ARGS eval brat ${R}/brat-mismatch)
svpol_cli_test(robust.redos CODE 2
  MATCH "redos.svr:2:[0-9]+: error: regular expression in rule 'redos.nested' took too long"
  ARGS extract --rules ${R}/redos-rules ${R}/redos.txt)
set_tests_properties(cli.robust.redos PROPERTIES TIMEOUT 20)

# Tests that need a shell-like script: NUL bytes, chmod, -o atomicity, inert output.
set(ROBUST_SCRIPT ${CMAKE_CURRENT_SOURCE_DIR}/cli/robust.cmake)
foreach(case nul unreadable output_kept output_special inert brat_names)
  add_test(NAME cli.robust.${case}
           COMMAND ${CMAKE_COMMAND} -DSVPOL=$<TARGET_FILE:svpol_cli> -DDATA=${DATA} -DR=${R}
                   -DCASE=${case} -P ${ROBUST_SCRIPT})
  set_tests_properties(cli.robust.${case} PROPERTIES
    ENVIRONMENT "SVPOL_LEXICONS=${PROJECT_SOURCE_DIR}/lexicons/sv"
    SKIP_REGULAR_EXPRESSION "SKIPPED:")
endforeach()
