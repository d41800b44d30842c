# cmake -P script behind each tests/compile_fail/*.cpp test (registered by tests/CMakeLists.txt).
#
# Passes when SOURCE fails to compile AND the compiler's output matches every expectation
# written in SOURCE itself, one per line:
#
#   // expect-error: <regex>          for every compiler
#   // expect-error(GNU): <regex>     only when compiling with GCC
#   // expect-error(Clang): <regex>   only when compiling with Clang
#
# and the first error the compiler prints matches one of them.
# The regex is CMake's (string(REGEX MATCH)): . [] * + ? ^ $ | () and \ escapes; no \s, \d
# or {m,n}; `.` also matches a newline. Quotes in the compiler's output are plain ASCII
# (the compiler runs with LC_ALL=C), and Clang's \" inside a static_assert message is
# matched as a plain ". A file with no expectation, a file that compiles, an
# expectation that does not match, or a missing #include all fail the test.
#
# Inputs (-D): SOURCE, BUILD_DIR (the project's build tree), TARGET (the case's object target,
# tests/CMakeLists.txt), CONFIG, COMPILER_ID. The case is compiled as any target of the build
# is, by `cmake --build --target`, with the project's own flags.

cmake_minimum_required(VERSION 3.21)

foreach(input SOURCE BUILD_DIR TARGET COMPILER_ID)
    if(NOT DEFINED ${input})
        message(FATAL_ERROR "leibniz_compile_fail.cmake: -D${input}=... is required")
    endif()
endforeach()

# --- the expectations written in the source ---------------------------------------------

# A regex may hold ; [ or ], which CMake lists would take apart: carry them encoded.
function(encode text out)
    string(REPLACE ";" "<leibniz:semicolon>" text "${text}")
    string(REPLACE "[" "<leibniz:open>" text "${text}")
    string(REPLACE "]" "<leibniz:close>" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()
function(decode text out)
    string(REPLACE "<leibniz:semicolon>" ";" text "${text}")
    string(REPLACE "<leibniz:open>" "[" text "${text}")
    string(REPLACE "<leibniz:close>" "]" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

file(READ "${SOURCE}" text)
encode("${text}" text)
string(REPLACE "\n" ";" lines "${text}")
set(expectations)  # encoded
foreach(line IN LISTS lines)
    if(NOT line MATCHES "^[ \t]*//[ \t]*expect-error(\\(([A-Za-z]+)\\))?:[ \t]*(.*)$")
        continue()
    endif()
    set(only_for "${CMAKE_MATCH_2}")
    string(STRIP "${CMAKE_MATCH_3}" regex)
    if(regex STREQUAL "")
        message(FATAL_ERROR "FAIL: an empty expectation in ${SOURCE}: ${line}")
    endif()
    if(only_for STREQUAL "" OR only_for STREQUAL COMPILER_ID)
        list(APPEND expectations "${regex}")
    endif()
endforeach()
if(NOT expectations)
    message(FATAL_ERROR "FAIL: ${SOURCE} states no `// expect-error: <regex>` "
        "(for this compiler, ${COMPILER_ID}): a compile-fail test must say which error it expects.")
endif()

# --- the compile ------------------------------------------------------------------------

set(command "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}")
if(CONFIG)
    list(APPEND command --config "${CONFIG}")
endif()
set(ENV{LC_ALL} C)  # ASCII quotes in diagnostics
execute_process(COMMAND ${command}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)

list(JOIN command " " command_text)
list(JOIN expectations "\n    " expectations_text)
decode("${expectations_text}" expectations_text)

# message() reflows text: show the compiler's output verbatim instead.
function(fail why)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E echo
        "FAIL: ${SOURCE}\n  ${why}\n  command: ${command_text}\n--- compiler output ---\n${output}---\n")
    message(FATAL_ERROR "compile-fail test failed: see above")
endfunction()

if(result EQUAL 0)
    fail("it compiled, but it must not (expected errors matching: ${expectations_text})")
endif()
if(output MATCHES "fatal error: [^\n]*(No such file or directory|file not found)")
    fail("it failed for the wrong reason, a missing #include")
endif()

# Clang prints a static_assert message as a string literal, with each " escaped as \":
# match against that output with the escapes undone too, so one regex serves both compilers.
string(REPLACE "\\\"" "\"" unescaped_output "${output}")
set(unmatched)
foreach(encoded IN LISTS expectations)
    decode("${encoded}" regex)
    if(NOT output MATCHES "${regex}" AND NOT unescaped_output MATCHES "${regex}")
        list(APPEND unmatched "${encoded}")
    endif()
endforeach()
if(unmatched)
    list(JOIN unmatched "\n    " unmatched_text)
    decode("${unmatched_text}" unmatched_text)
    fail("it failed to compile, but not with the expected message. Not found in the output:\n    ${unmatched_text}")
endif()

# The sentence must come first: the first error the compiler prints is one of the expected ones
# (what a reader sees first says what went wrong and what to write instead).
string(REGEX MATCH "error: [^\n]*" first_error "${output}")
string(REPLACE "\\\"" "\"" unescaped_first_error "${first_error}")
set(first_is_expected FALSE)
foreach(encoded IN LISTS expectations)
    decode("${encoded}" regex)
    if(first_error MATCHES "${regex}" OR unescaped_first_error MATCHES "${regex}")
        set(first_is_expected TRUE)
    endif()
endforeach()
if(NOT first_is_expected)
    fail("it failed to compile with the expected message, but that is not the first error; the first is:\n    ${first_error}")
endif()

message(STATUS "PASS: ${SOURCE} is refused as expected, matching:\n    ${expectations_text}")
