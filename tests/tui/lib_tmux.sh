# Driving the real screens in tmux: a private tmux server per test file.
# Source after tests/lib.sh.
TMUX_SOCK=udtest$$
tm() { tmux -L "$TMUX_SOCK" "$@"; }
tm_cleanup() { tm kill-server 2>/dev/null; rm -rf "$TMP"; }
trap tm_cleanup EXIT

# tm_start SESSION COLS ROWS COMMAND...: starts a program in a new terminal
tm_start() {
    _s=$1 _c=$2 _r=$3
    shift 3
    tm new-session -d -s "$_s" -x "$_c" -y "$_r" -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=xterm-256color \
        -e UNIONDESK_TODAY="${UNIONDESK_TODAY:-}" "$@"
    tm set-option -t "$_s" remain-on-exit on >/dev/null
}
tm_keys() { _s=$1; shift; tm send-keys -t "$_s" "$@"; }
# tm_type SESSION TEXT: types text literally, as an input method commits it
tm_type() { tm send-keys -t "$1" -l "$2"; }
tm_screen() { tm capture-pane -p -t "$1"; }
# tm_wait SESSION TEXT [SECONDS]: waits until TEXT is on the screen
tm_wait() {
    _i=0
    _limit=$(( ${3:-5} * 20 ))
    while [ $_i -lt $_limit ]; do
        if tm capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; then return 0; fi
        sleep 0.05
        _i=$((_i + 1))
    done
    return 1
}
# tm_gone SESSION TEXT [SECONDS]: waits until TEXT is no longer on screen
tm_gone() {
    _i=0
    _limit=$(( ${3:-5} * 20 ))
    while [ $_i -lt $_limit ]; do
        if ! tm capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; then return 0; fi
        sleep 0.05
        _i=$((_i + 1))
    done
    return 1
}
# expect_screen SESSION TEXT DESC: waits for TEXT, passes or shows the screen
expect_screen() {
    if tm_wait "$1" "$2" "${4:-5}"; then ok "$3"; else not_ok "$3 (no '$2' on screen)"; tm_screen "$1" | sed 's/^/#   /'; fi
}
# tm_dead SESSION: the program in the session has exited
tm_dead() { [ "$(tm display-message -p -t "$1" '#{pane_dead}' 2>/dev/null)" = 1 ]; }
tm_wait_dead() {
    _i=0
    while [ $_i -lt 100 ]; do tm_dead "$1" && return 0; sleep 0.05; _i=$((_i + 1)); done
    return 1
}
