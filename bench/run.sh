#!/bin/sh
# make bench: speed figures on generated data at realistic scale. Not
# timed tests: they print medians of several runs, side by side with the
# table sizes, so a change that slows things down shows.
# Databases are built once under build/bench/ (scale 1: ≈380,000 members).
set -u
BUILD=${UD_BUILD:-build}
UD_BIN=${UD_BIN:-$PWD/uniondesk}
export LANG=C.UTF-8 LC_ALL=C.UTF-8 UD_BIN UD_BUILD=$BUILD
dir=$BUILD/bench
mkdir -p "$dir"
for scale in ${UD_BENCH_SCALES:-1 3}; do
    db=$dir/demo-$scale.db
    if [ ! -f "$db" ]; then
        echo "building the scale-$scale demo database ($db)…"
        "$UD_BIN" --db "$db.tmp" init --demo --scale "$scale" --seed 1 --as-of 2026-11-26 || exit 1
        mv "$db.tmp" "$db"
        rm -f "$db.tmp-wal" "$db.tmp-shm"
    fi
done
/usr/bin/python3 bench/tui.py "$dir/demo-1.db" || exit 1
for scale in ${UD_BENCH_SCALES:-1 3}; do
    echo
    echo "== fragment search per keystroke, scale $scale (bench/search_keys.c) =="
    "$BUILD/bench/search_keys" "$dir/demo-$scale.db" 20 || exit 1
done
for script in bench/report_disputes.py bench/report_pdf.py bench/export_aid.py bench/import_members.py; do
    /usr/bin/python3 "$script" "$dir" || exit 1
done
exit 0
