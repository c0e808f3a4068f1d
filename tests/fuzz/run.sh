#!/bin/sh
# Runs every libFuzzer target of build-fuzz/fuzz/ from its seed corpus
# (tests/fuzz/corpus/<target>/), under ASan and UBSan, and says in TAP per
# target whether it found a crash, a leak or undefined behaviour, and how
# many inputs it ran.
#   tests/fuzz/run.sh runs N      each target for N inputs (make test)
#   tests/fuzz/run.sh time SECS   each target for SECS seconds (make fuzz)
# New inputs go to a scratch corpus (build-fuzz/corpus/ for make fuzz), never
# into tests/fuzz/corpus/; a crash leaves its input in build-fuzz/crashes/:
# fix the bug, then copy the input into tests/fuzz/corpus/<target>/ as a
# regression input.
set -u
mode=${1:-runs}
amount=${2:-20000}
root=${UD_ROOT:-$PWD}
bin=$root/build-fuzz/fuzz
scratch=${FUZZ_SCRATCH:-$root/build-fuzz/corpus}
crashes=$root/build-fuzz/crashes
mkdir -p "$crashes"
case $mode in
runs) limit="-runs=$amount -max_total_time=15" ;; # a loaded machine: 15 s at most each
time) limit="-max_total_time=$amount" ;;
*) echo "usage: $0 runs N | time SECONDS" >&2; exit 64 ;;
esac
n=0
total=0
failed=0
for t in "$bin"/fuzz_*; do
    case $t in *.d) continue ;; esac
    [ -x "$t" ] || continue
    name=$(basename "$t")
    n=$((n + 1))
    mkdir -p "$scratch/$name"
    log=$scratch/$name.log
    # -use_value_profile: finds the compare-heavy paths of the parsers sooner
    # shellcheck disable=SC2086
    dict=
    [ -f "$root/tests/fuzz/$name.dict" ] && dict=-dict=$root/tests/fuzz/$name.dict
    "$t" "$scratch/$name" "$root/tests/fuzz/corpus/$name" $limit $dict -use_value_profile=1 \
        -print_final_stats=1 -artifact_prefix="$crashes/$name-" -close_fd_mask=3 >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    runs=${runs:-0}
    total=$((total + runs))
    if [ "$rc" -eq 0 ] && [ "$runs" -gt 0 ]; then
        echo "ok $n - $name: $runs inputs, no crash, leak or undefined behaviour"
    else
        failed=$((failed + 1))
        echo "not ok $n - $name: exit $rc after $runs inputs (log $log)"
        grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -8 | sed 's/^/#   /'
    fi
done
if [ "$n" -eq 0 ]; then
    echo "not ok 1 - no fuzz targets in $bin (make fuzz-build)"
    exit 1
fi
echo "# fuzzed $total inputs in $n targets, $failed with a crash, leak or undefined behaviour"
[ "$failed" -eq 0 ]
