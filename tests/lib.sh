# Shared by the shell tests: TAP output, a scratch directory, helpers.
# Source it: . tests/lib.sh
set -u
: "${UD_BIN:?UD_BIN must name the uniondesk binary (run through make test)}"
UD_ROOT=${UD_ROOT:-$PWD}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset UNIONDESK_DB UNIONDESK_LANG
TESTS_N=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/udtest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# The python that has Debian's openpyxl, whatever else is on PATH.
PY=/usr/bin/python3

ok() { TESTS_N=$((TESTS_N + 1)); echo "ok $TESTS_N - $*"; }
# skip WHY: a test that cannot run here; counted as skipped, never as passed
skip() { TESTS_N=$((TESTS_N + 1)); echo "ok $TESTS_N # SKIP $*"; }
not_ok() { TESTS_N=$((TESTS_N + 1)); echo "not ok $TESTS_N - $*"; }
# diag FILE: show a file's lines as TAP comments
diag() { [ -f "$1" ] && sed 's/^/#   /' "$1" | head -40; }

ud() { "$UD_BIN" "$@"; }

# check DESC COMMAND...: passes when the command succeeds
check() {
    desc=$1
    shift
    if "$@" >"$TMP/check.out" 2>&1; then ok "$desc"; else not_ok "$desc"; diag "$TMP/check.out"; fi
}

# expect_rc RC DESC COMMAND...: runs the command, output in $TMP/out and
# $TMP/err, and passes when it exits with RC.
expect_rc() {
    want=$1
    desc=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    if [ "$got" -eq "$want" ]; then
        ok "$desc"
    else
        not_ok "$desc (exit $got, expected $want)"
        diag "$TMP/out"
        diag "$TMP/err"
    fi
}

# contains FILE TEXT DESC: passes when FILE contains TEXT (fixed string)
contains() {
    if grep -qF -- "$2" "$1"; then ok "$3"; else not_ok "$3 (no '$2' in $(basename "$1"))"; diag "$1"; fi
}
lacks() {
    if grep -qF -- "$2" "$1"; then not_ok "$3 ('$2' found in $(basename "$1"))"; diag "$1"; else ok "$3"; fi
}
# equals GOT WANT DESC
equals() {
    if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3 (got '$1', expected '$2')"; fi
}
# others_bin: the program copied where another user of the host can run
# it (a checkout may sit in a directory only its owner can enter, such as
# one from mktemp -d); the scratch directory is opened to others with it
others_bin() {
    if [ ! -x "$TMP/others/uniondesk" ]; then
        mkdir -p "$TMP/others"
        cp "$UD_BIN" "$TMP/others/uniondesk"
        chmod 755 "$TMP" "$TMP/others" "$TMP/others/uniondesk"
    fi
    echo "$TMP/others/uniondesk"
}
# small_tmpfs DIR SIZE [MODE]: a real small file system at DIR (root only),
# unmounted when the test ends; 1 (after saying SKIP) when it cannot be had
small_tmpfs() {
    if [ "$(id -u)" != 0 ]; then
        skip "a small tmpfs needs root (mount -t tmpfs)"
        return 1
    fi
    mkdir -p "$1"
    if ! mount -t tmpfs -o "size=$2,mode=${3:-0755}" tmpfs "$1" 2>"$TMP/mount.err"; then
        skip "cannot mount a tmpfs here: $(cat "$TMP/mount.err")"
        return 1
    fi
    trap 'umount "'"$1"'" 2>/dev/null; rm -rf "$TMP"' EXIT
}
# sql DB QUERY: one value from the database, read with the sqlite3 shell
sql() { sqlite3 -batch -noheader "$1" "$2"; }

# A fresh small demo database, made once per test file.
demo_db() {
    if [ ! -f "$TMP/demo.db" ]; then
        UNIONDESK_TODAY=${UNIONDESK_TODAY:-2026-11-26} ud --db "$TMP/demo.db" init --demo --scale 0.01 --seed 7 --as-of 2026-11-26 >/dev/null 2>"$TMP/demo.err" || diag "$TMP/demo.err"
    fi
    echo "$TMP/demo.db"
}
