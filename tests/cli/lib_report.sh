# Shared by the report and export tests: the fixture district of
# tests/fixtures/reports (see its README for the figures) and Python checks.
FX=$UD_ROOT/tests/fixtures/reports
export UNIONDESK_TODAY=2026-11-26
export PYTHONPATH="$UD_ROOT/tests/cli${PYTHONPATH:+:$PYTHONPATH}"

# report_db: the fixture database, made once per test file
report_db() {
    if [ ! -f "$TMP/fx.db" ]; then
        ud --db "$TMP/fx.db" init >/dev/null 2>"$TMP/fx.err" || diag "$TMP/fx.err"
        for k in orgs members cases aid courses enrolments; do
            ud --db "$TMP/fx.db" import "$k" "$FX/$k.csv" >/dev/null 2>"$TMP/fx.err" || { echo "# import $k failed"; diag "$TMP/fx.err"; }
        done
    fi
    echo "$TMP/fx.db"
}

# pycheck ARGS…: runs /usr/bin/python3 ARGS (usually "- FILE…" with the
# script on stdin); its PASS/FAIL lines become ok/not ok.
pycheck() {
    "$PY" "$@" >"$TMP/py.out" 2>&1
    _rc=$?
    while IFS= read -r _line; do
        case $_line in
        "PASS "*) ok "${_line#PASS }" ;;
        "FAIL "*) not_ok "${_line#FAIL }" ;;
        *) echo "# $_line" ;;
        esac
    done <"$TMP/py.out"
    [ "$_rc" -eq 0 ] || not_ok "python check exited with status $_rc"
}
