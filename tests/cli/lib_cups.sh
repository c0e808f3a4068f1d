# A private CUPS for the printing tests (tests/cli/test_cups.sh,
# tests/tui/test_print_screen.sh): its own cupsd, with its own ServerRoot,
# spool, cache, state and logs in a temporary directory, listening only on
# a socket there (CUPS_SERVER points lp, lpstat and lpadmin at it), so a
# system cupsd is never touched; and cups-pdf queues, whose PDFs land where
# /etc/cups/cups-pdf.conf says (Out, for root ~root/PDF). What cups-pdf
# itself creates outside (that directory, its spool and its log) is
# removed at the end when it was not there before: the machine is left as
# found. Source after tests/lib.sh; needs root.

CUPS_PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd

# cups_can_run: 0 when this machine can run the test, else says SKIP
# (the reason) and returns 1
cups_can_run() {
    if [ "$(id -u)" != 0 ]; then
        skip "not root: a private cupsd and a cups-pdf queue need root (the cups-pdf backend runs as root)"
        return 1
    fi
    for c in /usr/sbin/cupsd /usr/sbin/lpadmin lp lpstat pdftotext pdffonts pdfinfo; do
        if ! command -v "$c" >/dev/null 2>&1; then
            skip "no $c: make test installs cups, printer-driver-cups-pdf and poppler-utils (scripts/deps.sh)"
            return 1
        fi
    done
    if [ ! -x /usr/lib/cups/backend/cups-pdf ] || [ ! -f "$CUPS_PPD" ]; then
        skip "no cups-pdf backend or $CUPS_PPD (printer-driver-cups-pdf)"
        return 1
    fi
    return 0
}

# Where cups-pdf writes root's jobs: Out of its config, ${HOME} and
# ${USER} as cups-pdf expands them (from the password file).
cups_pdf_out() {
    _home=$(getent passwd root | cut -d: -f6)
    _out=$(sed -n 's/^[[:space:]]*Out[[:space:]]\{1,\}//p' /etc/cups/cups-pdf.conf 2>/dev/null | tail -n 1)
    [ -n "$_out" ] || _out='/var/spool/cups-pdf/${USER}'
    # shellcheck disable=SC2016
    printf '%s\n' "$_out" | sed -e 's|${HOME}|'"$_home"'|g' -e 's|${USER}|root|g'
}

# cups_stop: stops the private cupsd and removes what the test left;
# run by the EXIT trap
cups_stop() {
    if [ -n "${CUPS_PID:-}" ]; then
        kill "$CUPS_PID" 2>/dev/null
        _i=0
        while kill -0 "$CUPS_PID" 2>/dev/null && [ $_i -lt 50 ]; do
            sleep 0.1
            _i=$((_i + 1))
        done
        kill -9 "$CUPS_PID" 2>/dev/null
        CUPS_PID=
    fi
    if [ -n "${CUPS_OUT:-}" ] && [ -d "$CUPS_OUT" ]; then
        # our jobs' files only: those not listed before the test
        ls -A "$CUPS_OUT" 2>/dev/null | while IFS= read -r _f; do
            grep -qxF -- "$_f" "$CUPS_DIR/out.before" 2>/dev/null || rm -f -- "$CUPS_OUT/$_f"
        done
        [ "$CUPS_OUT_NEW" = 1 ] && rmdir "$CUPS_OUT" 2>/dev/null
    fi
    [ "${CUPS_SPOOL_NEW:-0}" = 1 ] && rm -rf /var/spool/cups-pdf/SPOOL
    for _q in ${CUPS_QUEUES:-}; do
        grep -qxF -- "cups-pdf-${_q}_log" "$CUPS_DIR/logs.before" 2>/dev/null || rm -f "/var/log/cups/cups-pdf-${_q}_log"
    done
    [ -n "${CUPS_DIR:-}" ] && rm -rf "$CUPS_DIR"
}

# cups_start: starts the private cupsd (no queue yet); sets CUPS_SERVER,
# CUPS_DIR, CUPS_OUT. 1 when it does not come up (after a not ok).
cups_start() {
    CUPS_DIR=$(mktemp -d /tmp/udcups.XXXXXX)
    CUPS_QUEUES=
    CUPS_PID=
    trap 'cups_stop; rm -rf "$TMP"' EXIT
    trap 'exit 1' INT TERM HUP
    chmod 755 "$CUPS_DIR" # the filters run as lp
    mkdir -p "$CUPS_DIR/etc" "$CUPS_DIR/spool/tmp" "$CUPS_DIR/cache" "$CUPS_DIR/state" "$CUPS_DIR/log" "$CUPS_DIR/home"
    CUPS_OUT=$(cups_pdf_out)
    CUPS_OUT_NEW=0
    [ -d "$CUPS_OUT" ] || CUPS_OUT_NEW=1
    ls -A "$CUPS_OUT" >"$CUPS_DIR/out.before" 2>/dev/null
    CUPS_SPOOL_NEW=0
    [ -d /var/spool/cups-pdf/SPOOL ] || CUPS_SPOOL_NEW=1
    ls -A /var/log/cups >"$CUPS_DIR/logs.before" 2>/dev/null
    cat >"$CUPS_DIR/etc/cups-files.conf" <<EOF
SystemGroup root lpadmin
User lp
Group lp
ServerRoot $CUPS_DIR/etc
RequestRoot $CUPS_DIR/spool
TempDir $CUPS_DIR/spool/tmp
CacheDir $CUPS_DIR/cache
StateDir $CUPS_DIR/state
AccessLog $CUPS_DIR/log/access_log
ErrorLog $CUPS_DIR/log/error_log
PageLog $CUPS_DIR/log/page_log
Printcap $CUPS_DIR/printcap
EOF
    cat >"$CUPS_DIR/etc/cupsd.conf" <<EOF
Listen $CUPS_DIR/cups.sock
LogLevel info
WebInterface No
Browsing Off
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
    /usr/sbin/cupsd -f -c "$CUPS_DIR/etc/cupsd.conf" -s "$CUPS_DIR/etc/cups-files.conf" \
        >"$CUPS_DIR/log/cupsd.out" 2>&1 &
    CUPS_PID=$!
    # the clients ask this cupsd only, with no lpoptions of the user's
    export CUPS_SERVER="$CUPS_DIR/cups.sock" HOME="$CUPS_DIR/home"
    unset LPDEST PRINTER
    _i=0
    while ! lpstat -r 2>/dev/null | grep -q "^scheduler is running" && [ $_i -lt 100 ]; do
        sleep 0.1
        _i=$((_i + 1))
    done
    if ! lpstat -r 2>/dev/null | grep -q "^scheduler is running"; then
        not_ok "the private cupsd starts"
        diag "$CUPS_DIR/log/cupsd.out"
        diag "$CUPS_DIR/log/error_log"
        return 1
    fi
    return 0
}

# cups_add_queue NAME: a cups-pdf queue. Its PDFs keep a text layer that
# pdftotext reads: the default PDF-to-PostScript step of cups-filters
# (poppler's pdftops) turns the CJK glyphs into fonts without a Unicode
# map — the page prints right but its text cannot be read back — so the
# test queue uses pdftocairo for that step. What uniondesk sends is the
# same either way.
cups_add_queue() {
    lpadmin -p "$1" -v cups-pdf:/ -E -P "$CUPS_PPD" -o pdftops-renderer-default=pdftocairo \
        >"$CUPS_DIR/lpadmin.out" 2>&1 || { diag "$CUPS_DIR/lpadmin.out"; return 1; }
    CUPS_QUEUES="$CUPS_QUEUES $1"
}

# cups_wait_pdf: waits (at most 60 s) for the queues to empty and a new
# PDF from cups-pdf; prints its path (the newest), or nothing.
cups_wait_pdf() {
    _i=0
    while [ $_i -lt 600 ]; do
        if [ -z "$(lpstat -o 2>/dev/null)" ]; then
            _new=$(ls -t "$CUPS_OUT" 2>/dev/null | while IFS= read -r _f; do
                cat "$CUPS_DIR/out.before" "$CUPS_DIR/out.seen" 2>/dev/null | grep -qxF -- "$_f" || { echo "$_f"; break; }
            done)
            if [ -n "$_new" ]; then
                # this one is ours now: the next wait looks for a newer one
                echo "$_new" >>"$CUPS_DIR/out.seen"
                printf '%s\n' "$CUPS_OUT/$_new"
                return 0
            fi
        fi
        sleep 0.1
        _i=$((_i + 1))
    done
    return 1
}
