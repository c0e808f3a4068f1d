#!/bin/sh
# make bench: speed figures on generated data at realistic scale. Not
# timed tests: each script prints its medians and writes one JSON line per
# figure to build/bench/results.jsonl (bench/common.py: emit), each beside
# its anchor measured in the same run; bench/table.py ends with the one
# table of them all, also saved as build/bench/table.md.
# Databases are built once under build/bench/ (scale 1: ≈380,000 members).
# UD_BENCH_SCALES=1 make bench: scale 1 only, a quicker run.
set -u
BUILD=${UD_BUILD:-build}
UD_BIN=${UD_BIN:-$PWD/uniondesk}
SCALES=${UD_BENCH_SCALES:-1 3}
case " $SCALES " in *" 1 "*) ;; *) SCALES="1 $SCALES" ;; esac # the screens and the import read scale 1
export PYTHONDONTWRITEBYTECODE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 UD_BIN UD_BUILD=$BUILD UD_BENCH_SCALES="$SCALES"
dir=$BUILD/bench
mkdir -p "$dir"
: >"$dir/results.jsonl"
py=/usr/bin/python3
# shellcheck disable=SC2086 # the scales are words
$py bench/demo.py "$dir" $SCALES || exit 1
$py bench/tui.py "$dir/demo-1.db" || exit 1
$py bench/search_keys.py "$dir" $SCALES || exit 1
$py bench/org_tree.py "$dir" $SCALES || exit 1
$py bench/audit_share.py "$dir" $SCALES || exit 1
for script in bench/report_disputes.py bench/report_pdf.py bench/export_aid.py bench/import_members.py; do
    $py "$script" "$dir" || exit 1
done
$py bench/table.py "$dir/results.jsonl" "$dir/table.md" || exit 1
echo "(saved as $dir/table.md; the figures as $dir/results.jsonl)"
exit 0
