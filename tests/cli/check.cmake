# Runs one svpol command and checks what a script would rely on.
#   cmake -DCMD=<program@@arg@@arg...> [-DINPUT=file] [-DCODE=n] [-DMATCH=regex] [-DNOMATCH=regex]
#         [-DGOLDEN=file] -P check.cmake
# CODE: the expected exit code (default 0). MATCH: a regex stdout+stderr must contain.
# GOLDEN: stdout must equal this file; with SVPOL_UPDATE_GOLDEN=1 in the environment the file
# is rewritten instead.
string(REPLACE "@@" ";" CMD "${CMD}")
if(NOT DEFINED CODE)
  set(CODE 0)
endif()
set(extra)
if(DEFINED INPUT)
  set(extra INPUT_FILE ${INPUT})
endif()
execute_process(COMMAND ${CMD} ${extra} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc STREQUAL CODE)
  message(FATAL_ERROR "exit code ${rc}, expected ${CODE}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED MATCH AND NOT "${out}${err}" MATCHES "${MATCH}")
  message(FATAL_ERROR "output does not match '${MATCH}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED NOMATCH AND "${out}${err}" MATCHES "${NOMATCH}")
  message(FATAL_ERROR "output matches '${NOMATCH}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED GOLDEN)
  if("$ENV{SVPOL_UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE ${GOLDEN} "${out}")
    message(STATUS "rewrote ${GOLDEN}")
  else()
    file(READ ${GOLDEN} expected)
    if(NOT out STREQUAL expected)
      file(WRITE ${GOLDEN}.actual "${out}")
      message(FATAL_ERROR "stdout differs from ${GOLDEN}; see ${GOLDEN}.actual "
                          "(SVPOL_UPDATE_GOLDEN=1 rewrites the golden file)")
    endif()
  endif()
endif()
