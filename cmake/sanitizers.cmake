# SMSDOC_SANITIZE builds everything (smsdoc, smsdoc_tests, the fuzz
# targets) with AddressSanitizer and UndefinedBehaviorSanitizer; any report
# aborts the program, so ctest fails on it. SMSDOC_FUZZ (clang only) adds
# libFuzzer's coverage instrumentation and makes the fuzz targets libFuzzer
# binaries; it implies SMSDOC_SANITIZE, since fuzzing without sanitizers
# finds only crashes. One build serves both (./dev test uses build-asan).
option(SMSDOC_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SMSDOC_FUZZ "Build the fuzz targets with libFuzzer (clang; implies SMSDOC_SANITIZE)" OFF)

if(SMSDOC_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SMSDOC_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
  set(SMSDOC_SANITIZE ON)
endif()

if(SMSDOC_SANITIZE)
  set(sanitizers -fsanitize=address,undefined -fno-sanitize-recover=all)
  add_compile_options(${sanitizers} -fno-omit-frame-pointer)
  add_link_options(${sanitizers})
endif()
