#!/bin/sh
# Runs the whole suite — unit tests (cmocka), command-line tests, screen
# tests (tmux) — and ends with one line: "N passed, N failed".
# Every test speaks TAP ("ok N - …" / "not ok N - …"); a test program that
# dies without reporting counts as a failure.
# Usage: tests/run.sh [PATTERN]   (only tests whose path contains PATTERN)
set -u
BUILD=${UD_BUILD:-build}
UD_BIN=${UD_BIN:-$PWD/uniondesk}
export UD_BIN UD_BUILD=$BUILD LANG=C.UTF-8 LC_ALL=C.UTF-8 CMOCKA_MESSAGE_OUTPUT=TAP
export UD_ROOT=$PWD
pattern=${1:-${T:-}}
logdir=$BUILD/test-logs
mkdir -p "$logdir"
pass=0
fail=0
skipped=0
failures=""

run_one() { # name command...
    name=$1
    shift
    log=$logdir/$(echo "$name" | tr '/' '_').log
    start=$(date +%s)
    "$@" >"$log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    # "ok N # SKIP why" (TAP) is a test that did not run: not a pass
    p=$(grep '^ok ' "$log" | grep -vc '# SKIP')
    s=$(grep '^ok ' "$log" | grep -c '# SKIP')
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "not ok - $name exited with status $rc without reporting a failure" >>"$log"
    fi
    pass=$((pass + p))
    fail=$((fail + f))
    skipped=$((skipped + s))
    if [ "$f" -gt 0 ]; then
        failures="$failures $log"
        printf '  %-40s %4d passed %4d FAILED  (%ds)\n' "$name" "$p" "$f" "$secs"
    else
        printf '  %-40s %4d passed  (%ds)%s\n' "$name" "$p" "$secs" "$([ "$s" -gt 0 ] && echo "  $s SKIPPED")"
    fi
}

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=unit/$(basename "$t")
    case $name in *"$pattern"*) ;; *) continue ;; esac
    run_one "$name" "$t"
done
for t in tests/cli/test_*.sh tests/tui/test_*.sh; do
    [ -f "$t" ] || continue
    name=${t#tests/}
    case $name in *"$pattern"*) ;; *) continue ;; esac
    run_one "$name" sh "$t"
done

if [ -n "$failures" ]; then
    echo
    echo "Failures:"
    for log in $failures; do
        echo "--- $log"
        grep -A12 '^not ok' "$log" | head -60
    done
fi
echo
if [ "$skipped" -gt 0 ]; then
    echo "$pass passed, $fail failed, $skipped skipped"
else
    echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
