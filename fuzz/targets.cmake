# The fuzz targets and what each links, shared by fuzz/CMakeLists.txt (libFuzzer builds,
# CLAIMLINE_FUZZ=ON with clang) and tests/reliability/CMakeLists.txt (the corpus replay
# that every build's test suite runs). Target NAME is fuzz/NAME_fuzzer.cc with its seed
# corpus in fuzz/corpus/NAME/.
set(CLAIMLINE_FUZZ_TARGETS extractor article_header manifest rules lexicon)
set(CLAIMLINE_FUZZ_LIBS_extractor claimline_extract)
set(CLAIMLINE_FUZZ_LIBS_article_header claimline_cli)
set(CLAIMLINE_FUZZ_LIBS_manifest claimline_cli)
set(CLAIMLINE_FUZZ_LIBS_rules claimline_projections)
set(CLAIMLINE_FUZZ_LIBS_lexicon claimline_extract)

# claimline_fuzz_available(NAME VAR): VAR is TRUE when every library NAME links exists.
function(claimline_fuzz_available name var)
  set(ok TRUE)
  foreach(lib IN LISTS CLAIMLINE_FUZZ_LIBS_${name})
    if(NOT TARGET ${lib})
      set(ok FALSE)
    endif()
  endforeach()
  set(${var} ${ok} PARENT_SCOPE)
endfunction()
