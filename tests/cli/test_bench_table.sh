# bench/table.py, the table `make bench` ends with: from a hand-written
# results.jsonl, each row's ratio, goal and holds (a ratio goal, an
# absolute goal, both, none, a figure or an anchor not measured), the
# count of goals holding, the saved copy, and a broken line refused.
. tests/lib.sh
TABLE="$UD_ROOT/bench/table.py"
R=$TMP/results.jsonl
cat >"$R" <<'EOF'
{"work": "ratio at its goal", "scale": 1, "ours": 3.0, "unit": "s", "anchor": 2.0, "anchor_name": "shell", "goal_ratio": 1.5}
{"work": "ratio over its goal", "scale": 1, "ours": 3.1, "unit": "s", "anchor": 2.0, "anchor_name": "shell", "goal_ratio": 1.5}
{"work": "ratio rounding to its goal", "scale": 3, "ours": 1.204, "unit": "s", "anchor": 1.0, "anchor_name": "shell", "goal_ratio": 1.2}
{"work": "absolute under", "scale": "3", "ours": 45.0, "unit": "ms", "goal_abs": 50}
{"work": "absolute over", "scale": "3", "ours": 55.04, "unit": "ms", "goal_abs": 50}
{"work": "share", "scale": "1", "ours": 17.73, "unit": "%", "goal_abs": 25.0, "note": "71 MB of 402 MB"}
{"work": "not built yet", "scale": "3", "ours": null, "unit": "ms", "goal_abs": 50, "na": "bench/org_tree.c is not there yet"}
{"work": "anchor missing", "scale": "1", "ours": 2.0, "unit": "s", "anchor": null, "anchor_name": "openpyxl write_only", "goal_ratio": 1.0, "na": "openpyxl is not installed"}
{"work": "for information", "scale": "1", "ours": 4.0, "unit": "s", "anchor": 2.0, "anchor_name": "shell, table only"}
{"work": "both goals, memory over", "scale": "1", "ours": 17.0, "unit": "MiB", "anchor": 16.0, "anchor_name": "minimal", "goal_ratio": 1.2, "goal_abs": 16}
EOF

expect_rc 0 "table.py prints the table from results.jsonl" "$PY" "$TABLE" "$R" "$TMP/table.md"
OUT=$TMP/out
# field ROW COLUMN: one cell of the row whose work is ROW
# (2 work, 3 scale, 4 uniondesk, 5 anchor, 6 ratio, 7 goal, 8 holds)
field() { awk -F'|' -v w="$1" -v c="$2" '{ x = $2; gsub(/^ +| +$/, "", x) } x == w { y = $c; gsub(/^ +| +$/, "", y); print y }' "$OUT"; }

contains "$OUT" "| work | scale | uniondesk | anchor | ratio | goal | holds |" "the header names the seven columns"
equals "$(grep -c "^| " "$OUT")" 11 "one line per figure, and the header"
equals "$(field 'ratio at its goal' 6)|$(field 'ratio at its goal' 7)|$(field 'ratio at its goal' 8)" \
    "1.50×|≤ 1.5×|yes" "a ratio equal to its goal holds"
equals "$(field 'ratio over its goal' 6)|$(field 'ratio over its goal' 8)" "1.55×|no" "a ratio over its goal does not"
equals "$(field 'ratio rounding to its goal' 6)|$(field 'ratio rounding to its goal' 8)" "1.20×|yes" \
    "the verdict follows the ratio as shown (1.204 → 1.20×, ≤ 1.2×: yes)"
equals "$(field 'ratio at its goal' 4)|$(field 'ratio at its goal' 5)" "3.00 s|shell: 2.00 s" \
    "uniondesk and the named anchor, with their unit"
equals "$(field 'absolute under' 7)|$(field 'absolute under' 8)" "≤ 50 ms|yes" "an absolute goal met holds"
equals "$(field 'absolute over' 4)|$(field 'absolute over' 8)" "55.0 ms|no" "an absolute goal missed does not"
equals "$(field 'absolute over' 6)|$(field 'absolute over' 5)" "—|—" "…and without an anchor it has no ratio (—, not n/a)"
equals "$(field 'share' 4)|$(field 'share' 7)|$(field 'share' 8)" "17.7 %|≤ 25 %|yes" "a share against its percentage"
equals "$(field 'not built yet' 4)|$(field 'not built yet' 8)" "n/a|n/a" \
    "a figure not measured is n/a, and so is its verdict (never yes)"
equals "$(field 'anchor missing' 6)|$(field 'anchor missing' 8)" "n/a|n/a" \
    "an anchor not measured leaves the ratio and the verdict n/a"
equals "$(field 'anchor missing' 5)" "openpyxl write_only: n/a" "…and says which anchor is missing"
equals "$(field 'for information' 6)|$(field 'for information' 7)|$(field 'for information' 8)" "2.00×|info|—" \
    "a row without a goal shows its ratio, goal info, no verdict"
equals "$(field 'both goals, memory over' 6)|$(field 'both goals, memory over' 8)" "1.06×|no" \
    "with two goals both must hold (ratio 1.06× ≤ 1.2× but 17 MiB > 16 MiB)"
contains "$OUT" "goals holding: 4 of 9 (3 not holding, 2 not measured)" "the count of goals holding, not holding, n/a"
contains "$OUT" "not built yet (scale 3): bench/org_tree.c is not there yet" "the reason for an n/a is given"
contains "$OUT" "share (scale 1): 71 MB of 402 MB" "a row's note is printed under the table"
sed -n '/^| work/,$p' "$OUT" >"$TMP/shown.md"
if cmp -s "$TMP/shown.md" "$TMP/table.md"; then ok "the saved table.md is the table printed"; else
    not_ok "the saved table.md is the table printed"; diag "$TMP/table.md"; fi

printf '{"work": "fine", "ours": 1, "unit": "s"}\n{"work": broken\n' >"$TMP/bad.jsonl"
expect_rc 1 "a broken results line is refused" "$PY" "$TABLE" "$TMP/bad.jsonl"
contains "$TMP/err" "bad.jsonl:2:" "…naming its file and line"
echo "1..$TESTS_N"
