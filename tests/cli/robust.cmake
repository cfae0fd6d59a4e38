# Robustness checks that need more than one command (issue 7).
#   cmake -DSVPOL=<svpol> -DDATA=<tests/cli/data> -DR=<scratch dir> -DCASE=<case> -P robust.cmake
# A case that cannot run here prints "SKIPPED: why" (the test's SKIP_REGULAR_EXPRESSION).
set(W ${R}/${CASE})
file(REMOVE_RECURSE ${W})
file(MAKE_DIRECTORY ${W})

# run(<expected code> <out var> args...): runs svpol, fails unless it exits with the code.
function(run code var)
  execute_process(COMMAND ${SVPOL} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc STREQUAL code)
    message(FATAL_ERROR "svpol ${ARGN}: exit ${rc}, expected ${code}\n${out}\n${err}")
  endif()
  set(${var} "${out}${err}" PARENT_SCOPE)
endfunction()

function(expect text regex)
  if(NOT "${text}" MATCHES "${regex}")
    message(FATAL_ERROR "does not match '${regex}':\n${text}")
  endif()
endfunction()

if(CASE STREQUAL "nul")
  # file(WRITE) cannot hold a NUL byte; printf can.
  execute_process(COMMAND printf "Polisen\\nkommer att \\000\\000 nu\\n" OUTPUT_FILE ${W}/nul.txt)
  run(2 out tokenize ${W}/nul.txt)
  expect("${out}" "nul.txt:2:12: NUL byte at byte offset 19 \\(a binary file, or UTF-16\\?")
  # Inside a JSONL record (\u0000 in the text): the record's line is named.
  file(WRITE ${W}/nul.jsonl "{\"text\": \"ok\"}\n{\"id\": \"x\", \"text\": \"a\\u0000b\"}\n")
  run(2 out extract ${W}/nul.jsonl)
  expect("${out}" "nul.jsonl:2:1: NUL byte at byte offset 1 [^\n]* of \"text\"")

elseif(CASE STREQUAL "brat_names")
  # extract --format brat names files as annotate does: a repeated id is not overwritten, and an
  # id too long for a file name is cut (both were lost or failed before).
  string(REPEAT "x" 300 long)
  file(WRITE ${W}/c.jsonl "{\"id\": \"a/b\", \"text\": \"Polisen ska agera.\"}\n"
                          "{\"id\": \"a/b\", \"text\": \"Regeringen ska agera.\"}\n"
                          "{\"id\": \"${long}\", \"text\": \"Vi ska agera.\"}\n")
  run(0 out extract --format brat -o ${W}/out ${W}/c.jsonl)
  file(READ ${W}/out/a_b.txt first)
  file(READ ${W}/out/a_b-2.txt second)
  expect("${first}" "^Polisen ska agera")
  expect("${second}" "^Regeringen ska agera")
  string(REPEAT "x" 200 cut)
  if(NOT EXISTS ${W}/out/${cut}.ann OR NOT EXISTS ${W}/out/${cut}.txt)
    message(FATAL_ERROR "no ${cut}.ann and .txt for the long id")
  endif()
  file(GLOB all RELATIVE ${W}/out ${W}/out/*)
  list(LENGTH all n)
  if(NOT n EQUAL 6)
    message(FATAL_ERROR "expected 6 files, found: ${all}")
  endif()

elseif(CASE STREQUAL "unreadable")
  file(WRITE ${W}/locked.txt "Polisen kommer att öka insatserna.\n")
  execute_process(COMMAND chmod 000 ${W}/locked.txt)
  execute_process(COMMAND ${CMAKE_COMMAND} -E cat ${W}/locked.txt RESULT_VARIABLE readable
                  OUTPUT_QUIET ERROR_QUIET)
  if(readable EQUAL 0)
    file(CHMOD ${W}/locked.txt PERMISSIONS OWNER_READ OWNER_WRITE)
    message("SKIPPED: chmod 000 does not stop this user (root); cli.robust.unreadable_proc "
            "covers a file that opens but cannot be read")
    return()
  endif()
  run(2 out extract ${DATA}/polisen.txt ${W}/locked.txt)
  expect("${out}" "cannot open '[^']*locked.txt'")
  expect("${out}" "\"doc\":\"polisen\"")  # the readable file is still done
  file(CHMOD ${W}/locked.txt PERMISSIONS OWNER_READ OWNER_WRITE)

elseif(CASE STREQUAL "output_special")
  # -o to a pipe or a device writes to it: the output went through a temporary file renamed
  # over the target, which replaced a FIFO with a plain file (and, as root, /dev/null itself).
  find_program(MKFIFO mkfifo)
  if(NOT MKFIFO)
    message("SKIPPED: no mkfifo")
    return()
  endif()
  execute_process(COMMAND ${MKFIFO} ${W}/fifo)
  execute_process(
    COMMAND sh -c [[cat "$1" > "$2" & reader=$!; "$3" tokenize -o "$1" "$4"; rc=$?
if [ ! -p "$1" ]; then kill $reader; echo "replaced"; elif [ $rc -ne 0 ]; then echo x > "$1"; fi
wait $reader; echo "rc=$rc"; [ -p "$1" ] && echo "still a fifo"]]
            sh ${W}/fifo ${W}/got.txt ${SVPOL} ${DATA}/polisen.txt
    OUTPUT_VARIABLE shell ERROR_VARIABLE err TIMEOUT 60)
  expect("${shell}" "rc=0\nstill a fifo")
  file(READ ${W}/got.txt got)
  expect("${got}" "^Polisen ska")
  run(0 out extract -o /dev/null ${DATA}/polisen.txt)
  execute_process(COMMAND sh -c "[ -c /dev/null ] && echo device" OUTPUT_VARIABLE dev)
  expect("${dev}" "device")
  file(GLOB left ${W}/*tmp* /dev/null.tmp*)
  if(left)
    message(FATAL_ERROR "temporary files left behind: ${left}")
  endif()
elseif(CASE STREQUAL "output_kept")
  # A run that fails after its output started leaves an earlier output as it was, and no
  # temporary file. Here the rule's regular expression runs out of time on the second file.
  file(WRITE ${W}/out.jsonl "earlier output\n")
  run(2 out extract --rules ${R}/redos-rules -j 1 -o ${W}/out.jsonl ${DATA}/polisen.txt
      ${R}/redos.txt)
  expect("${out}" "took too long")
  file(READ ${W}/out.jsonl kept)
  if(NOT kept STREQUAL "earlier output\n")
    message(FATAL_ERROR "out.jsonl changed by a failed run:\n${kept}")
  endif()
  # A bad rule file: nothing is written at all.
  run(2 out compare --rules ${R}/bad-rules -o ${W}/out.jsonl ${DATA}/polisen.txt)
  file(READ ${W}/out.jsonl kept)
  if(NOT kept STREQUAL "earlier output\n")
    message(FATAL_ERROR "out.jsonl changed by a failed run:\n${kept}")
  endif()
  # A write error (the target is a directory): reported naming the target, nothing left.
  file(MAKE_DIRECTORY ${W}/a-dir)
  run(2 out tokenize -o ${W}/a-dir ${DATA}/polisen.txt)
  expect("${out}" "cannot write '[^']*a-dir'")
  # brat output into a directory that is a file.
  file(WRITE ${W}/not-a-dir "x")
  run(2 out extract --format brat -o ${W}/not-a-dir ${DATA}/polisen.txt)
  expect("${out}" "not-a-dir")
  file(GLOB left ${W}/*tmp* ${W}/a-dir/*)
  if(left)
    message(FATAL_ERROR "temporary files left behind: ${left}")
  endif()
  # A write error part way (a file size limit: EFBIG once SIGXFSZ is ignored) leaves the
  # earlier file and no temporary one.
  execute_process(COMMAND sh -c "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\""
                          ${SVPOL} tokenize -o ${W}/out.jsonl ${DATA}/../../../corpora/sample.jsonl
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot write '[^']*out.jsonl': File too large")
    message(FATAL_ERROR "write error: exit ${rc}\n${err}")
  endif()
  file(READ ${W}/out.jsonl kept)
  if(NOT kept STREQUAL "earlier output\n")
    message(FATAL_ERROR "out.jsonl changed by a failed write:\n${kept}")
  endif()
  file(GLOB left ${W}/*tmp*)
  if(left)
    message(FATAL_ERROR "temporary files left behind: ${left}")
  endif()
  # Standard output that cannot be written is an error too, not a silent success.
  execute_process(COMMAND ${SVPOL} tokenize ${DATA}/polisen.txt OUTPUT_FILE /dev/full
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot write to standard output: No space left")
    message(FATAL_ERROR "writing to /dev/full: exit ${rc}\n${err}")
  endif()
  # Interrupted (SIGTERM) while its temporary file is open: the earlier file stays and the
  # temporary file goes.
  set(many)
  foreach(i RANGE 30)
    list(APPEND many ${DATA}/../../../corpora/sample.jsonl)
  endforeach()
  execute_process(COMMAND sh -c [[
svpol="$1"; out="$2"; shift 2
"$svpol" extract -j 1 -o "$out" "$@" & pid=$!
for i in $(seq 300); do ls "$out".tmp.* >/dev/null 2>&1 && break; sleep 0.05; done
kill -TERM $pid; wait $pid; echo "rc=$?"]] sh ${SVPOL} ${W}/out.jsonl ${many}
    OUTPUT_VARIABLE killed ERROR_VARIABLE err)
  if(NOT killed MATCHES "rc=143")
    message(FATAL_ERROR "the run was not ended by SIGTERM: ${killed}\n${err}")
  endif()
  file(READ ${W}/out.jsonl kept)
  if(NOT kept STREQUAL "earlier output\n")
    message(FATAL_ERROR "out.jsonl changed by an interrupted run")
  endif()
  file(GLOB left ${W}/*tmp*)
  if(left)
    message(FATAL_ERROR "an interrupted run left its temporary file: ${left}")
  endif()
  # A good run replaces the file.
  run(0 out extract -o ${W}/out.jsonl ${DATA}/polisen.txt)
  file(READ ${W}/out.jsonl now)
  expect("${now}" "^\\{\"doc\":\"polisen\"")

elseif(CASE STREQUAL "inert")
  # Corpus text, ids and metadata holding markup and JSON fragments stay data in every format.
  set(p "\\\"},{ <script>alert(1)</script>")
  file(WRITE ${W}/inj.jsonl
    "{\"id\": \"<script>alert(1)</script>\\\"},{\\n#x\", \"party\": \"${p},|x\\n# y\\tz\", "
    "\"text\": \"Polisen kommer att införa ${p} regler.\\n\\\"},{\\t<script>alert(1)</script> "
    "Regeringen ska öka stödet ${p}.\"}\n")
  # JSONL: every line is one JSON object whose doc is the id as given.
  run(0 out extract ${W}/inj.jsonl)
  string(REGEX REPLACE "\n$" "" out "${out}")
  string(REPLACE ";" "\\;" out "${out}")
  string(REPLACE "\n" ";" lines "${out}")
  list(LENGTH lines n)
  if(n LESS 2)
    message(FATAL_ERROR "expected findings, got:\n${out}")
  endif()
  foreach(line IN LISTS lines)
    string(JSON doc ERROR_VARIABLE jerr GET "${line}" doc)
    if(jerr)
      message(FATAL_ERROR "not one JSON object: ${jerr}\n${line}")
    endif()
    if(NOT doc STREQUAL "<script>alert(1)</script>\"},{\n#x")
      message(FATAL_ERROR "doc changed: ${doc}")
    endif()
  endforeach()
  # TSV: every line has the header's columns.
  run(0 out extract --format tsv ${W}/inj.jsonl)
  string(REGEX REPLACE "\n$" "" out "${out}")
  string(REPLACE ";" "\\;" out "${out}")
  string(REPLACE "\n" ";" lines "${out}")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "[^\t]" "" tabs "${line}")
    string(LENGTH "${tabs}" t)
    if(NOT t EQUAL 8)
      message(FATAL_ERROR "a TSV line with ${t} tabs, not 8:\n${line}")
    endif()
  endforeach()
  # CoNLL-U: comments, blank lines and 10-column lines only.
  run(0 out extract --format conllu ${W}/inj.jsonl)
  string(REPLACE ";" "\\;" out "${out}")
  string(REPLACE "\n" ";" lines "${out}")
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^# [a-z_ ]+( = |$)")
      continue()
    endif()
    if(NOT line MATCHES "^[0-9]+\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*$")
      message(FATAL_ERROR "not a CoNLL-U line:\n${line}")
    endif()
  endforeach()
  # brat: a safe file name, and .ann lines brat can read.
  run(0 out extract --format brat -o ${W}/brat ${W}/inj.jsonl)
  file(GLOB anns ${W}/brat/*.ann)
  list(LENGTH anns n)
  if(NOT n EQUAL 1 OR anns MATCHES "[<>\"{},\n]")
    message(FATAL_ERROR "unsafe brat file names: ${anns}")
  endif()
  file(READ ${anns} ann)
  string(REGEX REPLACE "\n$" "" ann "${ann}")
  string(REPLACE ";" "\\;" ann "${ann}")
  string(REPLACE "\n" ";" lines "${ann}")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^(T[0-9]+\t[A-Za-z]+ [0-9]+ [0-9]+(;[0-9]+ [0-9]+)*\t[^\t]*|A[0-9]+\t[A-Za-z]+ T[0-9]+( [^\t ]+)?|N[0-9]+\tReference T[0-9]+ [^\t ]+\t[^\t]*|#[0-9]+\tAnnotatorNotes T[0-9]+\t[^\t]*)$")
      message(FATAL_ERROR "not a brat line:\n${line}")
    endif()
  endforeach()
  # compare: CSV fields quoted, Markdown cells escaped.
  run(0 out compare --by party --format csv ${W}/inj.jsonl)
  string(REGEX REPLACE "\n$" "" out "${out}")
  string(REGEX REPLACE "\"([^\"]|\"\")*\"" "Q" flat "${out}")  # quoted fields
  string(REPLACE "\n" ";" lines "${flat}")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^(group|Q|[^,\"]*),[a-z_0-9]+,[0-9.]+$" AND NOT line STREQUAL "group,measure,value")
      message(FATAL_ERROR "not a CSV row:\n${line}\nin:\n${out}")
    endif()
  endforeach()
  run(0 out compare --by party ${W}/inj.jsonl)
  if(out MATCHES "<script>")
    message(FATAL_ERROR "markup passed into the Markdown table:\n${out}")
  endif()
  string(REGEX REPLACE "\n$" "" out "${out}")
  string(REPLACE "\\|" "" flat "${out}")  # escaped pipes
  string(REPLACE ";" "\\;" flat "${flat}")
  string(REPLACE "\n" ";" lines "${flat}")
  set(cells)
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "[^|]" "" bars "${line}")
    string(LENGTH "${bars}" b)
    if(NOT line MATCHES "^\\|")
      message(FATAL_ERROR "a Markdown table line that is no row:\n${line}\nin:\n${out}")
    endif()
    if(cells AND NOT b EQUAL cells)
      message(FATAL_ERROR "a Markdown row with ${b} bars, not ${cells}:\n${line}")
    endif()
    set(cells ${b})
  endforeach()
else()
  message(FATAL_ERROR "unknown CASE ${CASE}")
endif()
