# The libFuzzer targets (tests/fuzz/) under ASan and UBSan, each for a
# bounded number of inputs from its seed corpus: the CSV reader, the
# encoding detection, the parsers and the whole import. `make fuzz` runs
# them for longer (FUZZ_SECONDS).
. tests/lib.sh
if [ ! -x "$UD_ROOT/build-fuzz/fuzz/fuzz_csv" ]; then
    skip "the fuzz targets are not built (make fuzz-build; needs clang and libclang-rt-14-dev)"
    exit 0
fi
FUZZ_SCRATCH=$TMP/corpus UD_ROOT=$UD_ROOT sh "$UD_ROOT/tests/fuzz/run.sh" runs "${FUZZ_RUNS:-20000}"
