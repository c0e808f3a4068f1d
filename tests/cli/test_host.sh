# Several users on one host (issue 7, row 5; "What must hold" 4): setup-host
# makes the group, the directory, the database and a setgid binary; staff
# outside the group cannot open the file, work through uniondesk as their
# role allows, and get files that are theirs alone. Root only: the test
# makes OS users (and the group, when missing) and removes them after.
. tests/lib.sh
. tests/cli/lib_idnum.sh
. tests/tui/lib_tmux.sh

skip() {
    echo "# SKIP test_host: $*"
    echo "1..0 # SKIP $*"
    exit 0
}
[ "$(id -u)" -eq 0 ] || skip "needs root (it creates OS users and the uniondesk group)"
for t in useradd userdel groupdel runuser setpriv stat sqlite3; do
    command -v "$t" >/dev/null 2>&1 || skip "needs $t"
done

# The group and /etc/uniondesk.conf are the host's: one run at a time
# (make test and make asan side by side would share them).
if command -v flock >/dev/null 2>&1; then
    exec 9>/tmp/uniondesk-test-host.lock
    flock 9
fi

# A place every user can reach, on a file system that honours setgid.
HOST=$(mktemp -d /tmp/udhost.XXXXXX)
chmod 755 "$HOST"
p=$HOST
while [ "$p" != / ]; do
    p=$(dirname "$p")
    [ $(( $(stat -c '%a' "$p") & 1 )) -eq 1 ] || { rm -rf "$HOST"; skip "$p is not traversable by other users"; }
done
if findmnt -no OPTIONS -T "$HOST" 2>/dev/null | grep -q nosuid; then
    rm -rf "$HOST"
    skip "$HOST is on a nosuid file system"
fi

P=udh$$
A=${P}a   # admin
C=${P}c   # clerk
O=${P}o   # officer
X=${P}x   # no account
made_group=0
getent group uniondesk >/dev/null || made_group=1
CONF=/etc/uniondesk.conf
had_conf=0
if [ -e "$CONF" ]; then had_conf=1; cp -p "$CONF" "$HOST/conf.saved"; fi
cleanup() {
    tm kill-server 2>/dev/null
    rm -f "/tmp/uniondesk-$(id -u $C 2>/dev/null).log"
    for u in $A $C $O $X; do userdel "$u" >/dev/null 2>&1; done
    [ "$made_group" -eq 1 ] && groupdel uniondesk >/dev/null 2>&1
    if [ "$had_conf" -eq 1 ]; then cp -p "$HOST/conf.saved" "$CONF"; else rm -f "$CONF"; fi
    rm -rf "$HOST" "$TMP"
}
trap cleanup EXIT
trap 'exit 1' HUP INT PIPE TERM

for u in $A $C $O $X; do
    useradd -M -N -s /bin/sh "$u" || skip "useradd $u failed"
    mkdir -p "$HOST/home/$u"
    chown "$u" "$HOST/home/$u"
    chmod 700 "$HOST/home/$u"
done
HA=$HOST/home/$A HC=$HOST/home/$C HO=$HOST/home/$O HX=$HOST/home/$X
mkdir "$HOST/bin"
cp "$UD_BIN" "$HOST/bin/uniondesk"
chmod 755 "$HOST/bin/uniondesk"
B=$HOST/bin/uniondesk
DIR=$HOST/data
DB=$DIR/uniondesk.db
as() { u=$1; shift; (cd "$HOST/home/$u" && runuser -u "$u" -- env -u UNIONDESK_DB LANG=C.UTF-8 "$@"); }
mode() { stat -c '%U:%G %a' "$1"; }

# --- setup-host ------------------------------------------------------------
expect_rc 77 "setup-host is for root" as $C "$B" setup-host --dir "$HC/d"
mkdir "$HOST/real"
ln -s "$HOST/real" "$HOST/link"
expect_rc 73 "setup-host refuses a directory given as a symbolic link" "$B" setup-host --dir "$HOST/link"
equals "$(mode "$HOST/real")" "root:root 755" "…and leaves what it points to alone"
: >"$HOST/plain"
expect_rc 73 "setup-host refuses a DIR that is not a directory" "$B" setup-host --dir "$HOST/plain"

expect_rc 0 "setup-host sets the host up" "$B" setup-host --dir "$DIR" --admin "$A"
getent group uniondesk >/dev/null && ok "the group uniondesk exists" || not_ok "the group uniondesk exists"
equals "$(mode "$DIR")" "root:uniondesk 2770" "the directory is root:uniondesk 2770"
equals "$(mode "$DB")" "root:uniondesk 660" "the database is root:uniondesk 0660"
equals "$(mode "$B")" "root:uniondesk 2755" "the binary is setgid uniondesk"
equals "$(sql "$DB" "select role from users where login='$A'")" admin "the first admin is --admin"
contains "$CONF" "db = $DB" "/etc/uniondesk.conf names the database"
contains "$TMP/out" "user add" "it tells the admin how staff get accounts"
cp -p "$DB" "$TMP/db.before"
expect_rc 0 "setup-host a second time" "$B" setup-host --dir "$DIR" --admin "$A"
contains "$TMP/out" "没有改动" "…changes nothing and says so"
equals "$(mode "$DIR") $(mode "$DB") $(mode "$B")" "root:uniondesk 2770 root:uniondesk 660 root:uniondesk 2755" "…modes as they were"
cmp -s "$DB" "$TMP/db.before" && ok "…and the database untouched" || not_ok "…and the database untouched"

chmod 755 "$DIR"
chmod 644 "$DB"
expect_rc 0 "setup-host again after someone loosened the modes" "$B" setup-host --dir "$DIR" --admin "$A"
contains "$TMP/out" "chmod 2770" "…says what it put back"
equals "$(mode "$DIR") $(mode "$DB")" "root:uniondesk 2770 root:uniondesk 660" "…and puts it back"
mkdir "$HOST/data3"
echo "not a database" >"$HOST/target"
ln -s "$HOST/target" "$HOST/data3/uniondesk.db"
expect_rc 73 "setup-host refuses a database file that is a symbolic link" "$B" setup-host --dir "$HOST/data3" --admin "$A"
equals "$(mode "$HOST/target") $(cat "$HOST/target")" "root:root 644 not a database" "…and leaves its target alone"
contains "$CONF" "db = $DB" "…and the conf still names the first database"

# --- accounts, through the setgid binary and the database named in the conf
expect_rc 0 "the admin adds a clerk (no --db: the conf names the database)" as $A "$B" user add $C --role clerk --name 办事员甲
expect_rc 0 "…and an officer" as $A "$B" user add $O --role officer
printf 'code,name,kind,parent\nT,测试区总工会,district_federation,\nT-E1,测试企业工会,enterprise_union,T\n' >"$HA/orgs.csv"
chown $A "$HA/orgs.csv"
expect_rc 0 "the admin imports organizations" as $A "$B" import orgs "$HA/orgs.csv"

# --- staff cannot reach the file -------------------------------------------
expect_rc 1 "a clerk cannot open the database with sqlite3" as $C sqlite3 "$DB" "select count(*) from users"
as $C cp "$DB" "$HC/stolen.db" >/dev/null 2>&1
[ -s "$HC/stolen.db" ] && not_ok "a clerk cannot copy the database" || ok "a clerk cannot copy the database"
as $C cat "$DB-wal" >/dev/null 2>&1 && not_ok "a clerk cannot read the -wal file" || ok "a clerk cannot read the -wal file"

# --- …but works through uniondesk as the role allows ------------------------
{
    echo "name,id_number,org,phone"
    echo "张一,$(idnum 19800101 11),T-E1,13800000001"
    echo "李二,$(idnum 19810202 12),T-E1,13800000002"
    echo "王三,$(idnum 19820303 13),T-E1,13800000003"
} >"$HC/members.csv"
printf 'id_number,program,amount,granted_on\n%s,send_warmth,500,2026-01-10\n' "$(idnum 19800101 11)" >"$HC/aid.csv"
chown $C "$HC/members.csv" "$HC/aid.csv"
chmod 600 "$HC/members.csv" "$HC/aid.csv"
expect_rc 0 "a clerk imports members from a file only they can read" as $C "$B" import members "$HC/members.csv"
equals "$(sql "$DB" "select count(*) from members")" 3 "the members are in the database"
equals "$(sql "$DB" "select count(distinct login) || ':' || min(login) from audit_log where tbl='members'")" "1:$C" "…audited as the clerk"
expect_rc 0 "a clerk imports an aid application" as $C "$B" import aid "$HC/aid.csv"
expect_rc 77 "a clerk cannot add users" as $C "$B" user add ${P}z --role admin
expect_rc 0 "someone without an account may read" as $X "$B" report members --format csv
expect_rc 77 "…but not write" as $X "$B" user add ${P}z --role clerk

# --- outputs are the user's -------------------------------------------------
file_is_theirs() { # FILE USER DESC
    if [ ! -f "$1" ]; then not_ok "$3 (no file)"; return; fi
    g=$(stat -c '%G' "$1")
    equals "$(stat -c '%U %a' "$1")" "$2 600" "$3: owned by the user, 0600"
    [ "$g" != uniondesk ] && ok "$3: not group uniondesk" || not_ok "$3: not group uniondesk (group $g)"
}
as $C sh -c "umask 022; exec $B report members -o $HC/members-report.csv" >"$TMP/out" 2>"$TMP/err"
file_is_theirs "$HC/members-report.csv" $C "report members -o"
as $C sh -c "umask 022; exec $B export aid -o $HC/aid.xlsx" >"$TMP/out" 2>"$TMP/err"
file_is_theirs "$HC/aid.xlsx" $C "export aid -o"
as $A sh -c "umask 022; exec $B backup $HA/backup.db" >"$TMP/out" 2>"$TMP/err"
file_is_theirs "$HA/backup.db" $A "the admin's backup"
equals "$(sql "$HA/backup.db" "select count(*) from members")" 3 "the admin's backup holds the members"

# --- the screens, for a clerk: writable through the group, log the user's --
if command -v tmux >/dev/null 2>&1; then
    CU=$(id -u $C)
    rm -f "/tmp/uniondesk-$CU.log"
    tm new-session -d -s host -x 120 -y 30 -c "$HC" runuser -u $C -- env -u TMPDIR LANG=C.UTF-8 TERM=xterm-256color "$B"
    tm set-option -t host remain-on-exit on >/dev/null
    expect_screen host "办事员" "the screens open the office's database for a clerk"
    if tm_screen host | head -1 | grep -qF "只读"; then not_ok "…writable, not read-only"; else ok "…writable, not read-only"; fi
    tm_keys host 2
    expect_screen host "张一" "…and show the members"
    pid=$(pgrep -u $C -x uniondesk | head -1)
    if [ -n "$pid" ]; then
        n=$(as $C ls "/proc/$pid/fd" 2>/dev/null | wc -l)
        equals "$n" 0 "the clerk cannot reach the open database through /proc/$pid/fd"
    else
        not_ok "the clerk's uniondesk process is found"
    fi
    tm_keys host q
    tm_wait_dead host
    if [ -f "/tmp/uniondesk-$CU.log" ]; then
        equals "$(stat -c '%U' "/tmp/uniondesk-$CU.log")" "$C" "the screens' log is the clerk's"
        [ "$(stat -c '%G' "/tmp/uniondesk-$CU.log")" != uniondesk ] && ok "…not group uniondesk" || not_ok "…not group uniondesk"
    else
        not_ok "the screens' log is the clerk's (no /tmp/uniondesk-$CU.log)"
    fi
    rm -f "/tmp/uniondesk-$CU.log"
else
    skip "tmux missing, the screens are not tried"
fi

# --- the group's rights never reach a user's file ---------------------------
as $C "$B" import members "$DB" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -ne 0 ] && ok "a clerk cannot import the database file as CSV (exit $rc)" || not_ok "a clerk cannot import the database file as CSV"
lacks "$TMP/err" "SQLite format" "…and its bytes appear in no message"
cp -p "$DB" "$TMP/db.now"
expect_rc 73 "a clerk cannot write a report into the office's directory" as $C "$B" report members -o "$DIR/r.csv"
expect_rc 73 "…nor export onto the database itself" as $C "$B" export aid -o "$DB"
cmp -s "$DB" "$TMP/db.now" && ok "…which is left as it was" || not_ok "…which is left as it was"
expect_rc 73 "an admin's backup into the office's directory is refused too (files are the user's)" as $A "$B" backup "$DIR/b.db"
[ -e "$DIR/r.csv" ] || [ -e "$DIR/b.db" ] && not_ok "no file appeared in the office's directory" || ok "no file appeared in the office's directory"

# Every file a run opens, and with which group: the office's files only
# with the group, the user's only without it.
if command -v strace >/dev/null 2>&1; then
    G=$(getent group uniondesk | cut -d: -f3)
    printf 'name,id_number,org\n孙五,%s,T-E1\n' "$(idnum 19840505 15)" >"$HC/more.csv"
    chown $C "$HC/more.csv"
    : >"$TMP/opens"
    for cmd in "import members $HC/more.csv" "report members --format xlsx -o $HC/st.xlsx" "export aid -o $HC/st-aid.xlsx"; do
        (cd "$HC" && strace -f -u $C -o "$TMP/strace" -e trace=openat,open,creat,setresgid,setregid,setgid,setfsgid \
            env LANG=C.UTF-8 "$B" $cmd >/dev/null 2>&1)
        awk -v g="$G" -v dir="$DIR/" -v home="$HOST/home/" '
            BEGIN { eg = g }
            /setresgid\(-1, [0-9]+, -1\) += 0/ { sub(/.*setresgid\(-1, /, ""); sub(/,.*/, ""); eg = $0; next }
            /open(at)?\(/ {
                path = $0; sub(/^[^"]*"/, "", path); sub(/".*/, "", path)
                if (eg == g && index(path, home) == 1) print "with the group: " path
                if (eg != g && index(path, dir) == 1) print "without the group: " path
            }' "$TMP/strace" >>"$TMP/opens"
    done
    equals "$(head -5 "$TMP/opens")" "" "user files are opened without the group, the office's files only with it"
    grep -q 'setresgid' "$TMP/strace" && ok "…(the runs did change groups)" || not_ok "…(the runs did change groups)"
else
    skip "strace missing, the opens are not traced"
fi

# --- a planted symbolic link is not followed -------------------------------
mkdir "$HOST/shared"
chmod 777 "$HOST/shared" # shared, without the sticky bit that protects links
echo "# officer's own" >"$HO/.bashrc"
chown $O "$HO/.bashrc"
as $C ln -s "$HO/.bashrc" "$HOST/shared/aid.xlsx"
as $O "$B" export aid --full-id -o "$HOST/shared/aid.xlsx" >"$TMP/out" 2>"$TMP/err"
if [ "$(head -c 15 "$HO/.bashrc" | tr -cd '[:print:]')" = "# officer's own" ]; then
    ok "an export does not write through a planted symlink"
else
    not_ok "an export does not write through a planted symlink (the officer's .bashrc was overwritten)"
fi

# --- the environment of a setgid run ---------------------------------------
# A fake lp (report --print) shows what a child of uniondesk inherits, and
# a preloaded library leaves a mark if anything loads it.
mkdir "$HC/bin" "$HC/sqltmp"
cat >"$HC/bin/lp" <<EOF
#!/bin/sh
env >"$HC/lp.env"
cat >/dev/null
EOF
chmod 755 "$HC/bin/lp"
if command -v cc >/dev/null 2>&1; then
    printf '#include <stdio.h>\n__attribute__((constructor)) static void mark(void) { FILE *f = fopen("%s/preloaded", "a"); if (f) fclose(f); }\n' "$HC" >"$HOST/evil.c"
    cc -shared -fPIC -o "$HC/evil.so" "$HOST/evil.c" 2>/dev/null
fi
chown -R $C "$HC"
expect_rc 0 "report --print with SQLITE_TMPDIR, LD_PRELOAD, TMPDIR and UNIONDESK_TRACE_SQL set" \
    as $C env PATH="$HC/bin:/usr/bin:/bin" SQLITE_TMPDIR="$HC/sqltmp" LD_PRELOAD="$HC/evil.so" TMPDIR=relative \
    UNIONDESK_TRACE_SQL="$HC/trace.log" "$B" report members --print
if [ -f "$HC/lp.env" ]; then
    lacks "$HC/lp.env" "SQLITE_TMPDIR" "SQLITE_TMPDIR is not passed on"
    lacks "$HC/lp.env" "LD_PRELOAD" "LD_PRELOAD is not passed on"
    lacks "$HC/lp.env" "TMPDIR=relative" "a relative TMPDIR is not passed on"
else
    not_ok "the fake lp ran"
fi
[ -e "$HC/preloaded" ] && not_ok "the preloaded library was never loaded" || ok "the preloaded library was never loaded"
[ -e "$HC/trace.log" ] && not_ok "UNIONDESK_TRACE_SQL opens no file" || ok "UNIONDESK_TRACE_SQL opens no file"

# --- a database the user made is not opened with the group's rights --------
sqlite3 "$HC/own.db" "create table users(login text, role text); insert into users values('$C','admin');"
chown $C "$HC/own.db"
expect_rc 77 "--db naming the user's own database is refused when setgid" as $C "$B" --db "$HC/own.db" user list
contains "$TMP/err" "$HC/own.db" "…naming the file"
expect_rc 77 "…and through \$UNIONDESK_DB" as $C env UNIONDESK_DB="$HC/own.db" "$B" user list
as $C ln -s "$DB" "$HC/office.db"
expect_rc 0 "a link to the office's database is followed to the real file" as $C "$B" --db "$HC/office.db" user list

# --- admins only ------------------------------------------------------------
expect_rc 77 "a clerk's backup is refused" as $C "$B" backup "$HC/b.db"
[ -e "$HC/b.db" ] && not_ok "…and leaves no file" || ok "…and leaves no file"
expect_rc 77 "a clerk cannot run init on the office database" as $C "$B" init
expect_rc 77 "…nor migrate up" as $C "$B" migrate up
expect_rc 0 "the admin may run init (nothing to do)" as $A "$B" init

# --- a binary that is not setgid (a checkout) works as before -------------
cp "$UD_BIN" "$HC/uniondesk-dev"
chown $C "$HC/uniondesk-dev"
expect_rc 66 "a checkout's binary does not take the office's database from the conf" as $C "$HC/uniondesk-dev" user list
contains "$TMP/err" "db/uniondesk.db" "…it looks for db/uniondesk.db as before"
expect_rc 0 "…and makes the user's own database" as $C "$HC/uniondesk-dev" --db "$HC/mine.db" init
equals "$(stat -c '%U' "$HC/mine.db")" "$C" "…which is theirs"

# --- /etc/uniondesk.conf counts only when it is root's ---------------------
chown $C "$CONF"
expect_rc 66 "a conf file the clerk owns is ignored" as $C "$B" user list
contains "$TMP/err" "$CONF" "…and the message says so"
chown root "$CONF"
expect_rc 0 "…and counts again once it is root's" as $C "$B" user list

# --- an older office database is upgraded by an admin only ----------------
DIR2=$HOST/data2
mkdir "$DIR2"
"$UD_BIN" --db "$DIR2/uniondesk.db" migrate up --to 1 >/dev/null 2>&1
sql "$DIR2/uniondesk.db" "insert into users(login, role) values ('$A', 'admin'), ('$C', 'clerk');"
chown -R root:uniondesk "$DIR2"
chmod 2770 "$DIR2"
chmod 660 "$DIR2/uniondesk.db"
expect_rc 77 "a clerk's run does not upgrade an older office database" as $C "$B" --db "$DIR2/uniondesk.db" user list
contains "$TMP/err" "migrate up" "…and says an admin runs migrate up"
expect_rc 77 "a clerk's migrate up is refused" as $C "$B" --db "$DIR2/uniondesk.db" migrate up
equals "$(sql "$DIR2/uniondesk.db" "pragma user_version")" 1 "…the database is still at version 1"
expect_rc 0 "the admin's migrate up upgrades it" as $A "$B" --db "$DIR2/uniondesk.db" migrate up
[ "$(sql "$DIR2/uniondesk.db" "pragma user_version")" -gt 1 ] && ok "…to the latest version" || not_ok "…to the latest version"
bak=$(ls "$DIR2"/uniondesk.db.v1-*.bak 2>/dev/null | head -1)
if [ -n "$bak" ]; then
    equals "$(stat -c '%G' "$bak")" uniondesk "…with its backup beside it, the group's"
    as $A cat "$bak" >/dev/null 2>&1 && not_ok "…which no user can read directly" || ok "…which no user can read directly"
else
    not_ok "…with its backup beside it"
fi

# --- identity ---------------------------------------------------------------
expect_rc 77 "USER=<admin> in the environment does not make a clerk an admin" as $C env USER=$A LOGNAME=$A "$B" user add ${P}z --role admin
expect_rc 77 "a user id without a passwd entry is refused" \
    setpriv --reuid=54321 --regid=54321 --clear-groups "$B" report members
printf 'name,id_number,org\n赵四,%s,T-E1\n' "$(idnum 19830404 14)" >"$HA/one.csv"
chown $A "$HA/one.csv"
as $A "$B" --user $C import members "$HA/one.csv" >"$TMP/out" 2>"$TMP/err"
equals "$(sql "$DB" "select login || '/' || coalesce(os_login, '?') from audit_log where tbl='members' order by id desc limit 1" 2>&1)" \
    "$C/$A" "--user is audited with both accounts"

# --- the office's files stay the group's -----------------------------------
equals "$(sql "$DB" "pragma integrity_check")" ok "the database is sound"
equals "$(mode "$DB")" "root:uniondesk 660" "the database is still root:uniondesk 0660"
stray=$(find "$DIR" -mindepth 1 ! -group uniondesk | head -3)
equals "$stray" "" "every file in the directory is the group's"
wide=$(find "$DIR" -mindepth 1 -perm /007 | head -3)
equals "$wide" "" "no file in the directory is open to others"

# --- setup-host gives the group's rights only to what root alone made --------
cp "$UD_BIN" "$HC/uniondesk"
chown $C "$HC/uniondesk"
expect_rc 73 "setup-host refuses a program a staff member owns" "$B" setup-host --dir "$HOST/data-refused" --bin "$HC/uniondesk"
contains "$TMP/err" "$HC/uniondesk" "…naming it"
check "…and its setgid bit was never set" test ! -g "$HC/uniondesk"
check "…nor the directory made" test ! -e "$HOST/data-refused"
mkdir "$HOST/planted"
chown $C "$HOST/planted"
expect_rc 73 "setup-host refuses a directory a staff member made first" "$B" setup-host --dir "$HOST/planted" --bin "$B"
check "…and did not hand it to the group" test "$(stat -c %U "$HOST/planted")" = "$C" -a "$(stat -c %G "$HOST/planted")" != uniondesk
rm -rf "$HOST/planted" "$HC/uniondesk"

echo "1..$TESTS_N"
