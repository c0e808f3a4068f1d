# init, users, backup, check, help, version, languages and exit codes.
. tests/lib.sh
DB=$TMP/b.db
expect_rc 0 "init creates a database" ud --db "$DB" init
contains "$TMP/out" "已创建" "init says it created the database"
me=$(id -un)
equals "$(sql "$DB" "select role from users where login='$me'")" admin "the OS user who ran init is the admin"
expect_rc 0 "init again is harmless" ud --db "$DB" init
equals "$(sql "$DB" "select count(*) from users")" 1 "…and adds no second user"

expect_rc 0 "user add" ud --db "$DB" user add wangfang --role clerk --name 王芳
expect_rc 0 "user list" ud --db "$DB" user list
contains "$TMP/out" "王芳" "the list shows the new user"
contains "$TMP/out" "办事员" "…with the role in Chinese"
expect_rc 65 "a bad role is refused" ud --db "$DB" user add li --role boss
contains "$TMP/err" "角色" "the message names the field"
expect_rc 65 "a duplicate login is refused" ud --db "$DB" user add wangfang --role clerk
expect_rc 77 "a clerk cannot add users" ud --db "$DB" --user wangfang user add li --role clerk
contains "$TMP/err" "权限不足" "the refusal says why"
expect_rc 77 "someone without an account cannot either" ud --db "$DB" --user nobody user add li --role clerk
expect_rc 0 "user set changes a role" ud --db "$DB" user set wangfang --role officer
equals "$(sql "$DB" "select role from users where login='wangfang'")" officer "role changed"
expect_rc 65 "the admin cannot demote themselves" ud --db "$DB" user set "$me" --role clerk
equals "$(sql "$DB" "select count(*) from audit_log where tbl='users'")" 3 "user changes are audited (2 inserts, 1 update)"

expect_rc 0 "backup" ud --db "$DB" backup "$TMP/copy.db"
equals "$(sql "$TMP/copy.db" "select count(*) from users")" 2 "the backup holds the users"
equals "$(sql "$TMP/copy.db" "pragma integrity_check")" ok "the backup is a sound database"
expect_rc 73 "backup refuses to overwrite" ud --db "$DB" backup "$TMP/copy.db"
expect_rc 73 "backup into a missing directory fails cleanly" ud --db "$DB" backup "$TMP/no/such/dir.db"
expect_rc 0 "check on a sound database" ud --db "$DB" check
contains "$TMP/out" "integrity_check" "check reports integrity_check"
contains "$TMP/out" "foreign_key_check" "check reports foreign_key_check"
# a dangling reference the foreign key check must find (written at schema
# version 1, before the audit triggers, since the sqlite3 shell has no ud_user())
BROKEN=$TMP/broken.db
ud --db "$BROKEN" migrate up --to 1 >/dev/null
sqlite3 "$BROKEN" "pragma foreign_keys=off; insert into orgs(id, code, name, kind) values (1, 'BL', '北仑区总工会', 'district_federation'); insert into orgs(code, name, kind, parent_id) values ('X', '孤儿工会', 'enterprise_union', 999);" 2>"$TMP/sqlerr" || diag "$TMP/sqlerr"
expect_rc 65 "check finds a broken foreign key" ud --db "$BROKEN" check
contains "$TMP/out" "orgs" "…and names the table"

expect_rc 0 "--version" ud --version
contains "$TMP/out" "uniondesk $(cat "$UD_ROOT/VERSION")" "--version prints the version"
expect_rc 0 "--help" ud --help
for c in init migrate import backup check user; do
    contains "$TMP/out" "$c" "--help lists $c"
done
for c in init migrate import backup check user; do
    expect_rc 0 "$c --help" ud "$c" --help
    contains "$TMP/out" "uniondesk" "$c --help has a usage line"
done
expect_rc 0 "--lang en --help" ud --lang en --help
contains "$TMP/out" "subcommands" "English help in English"
expect_rc 64 "an unknown subcommand exits 64" ud frobnicate
expect_rc 64 "an unknown option exits 64" ud --db "$DB" check --frob
expect_rc 64 "--lang needs zh or en" ud --lang fr --help
UNIONDESK_DB=$DB ud user list >"$TMP/out" 2>&1
contains "$TMP/out" "wangfang" "\$UNIONDESK_DB names the database"
UNIONDESK_LANG=en ud --db "$DB" user list >"$TMP/out" 2>&1
contains "$TMP/out" "login" "UNIONDESK_LANG=en switches to English"

# --user is for admins: acting as someone else must not be open to anyone
U=$TMP/u.db
expect_rc 0 "init --user names the first admin" ud --db "$U" --user boss init
equals "$(sql "$U" "select login || '/' || role from users")" "boss/admin" "the first account is boss, an admin"
expect_rc 77 "a login without admin rights cannot act as boss" ud --db "$U" --user boss user list
contains "$TMP/err" "只有管理员可以用 --user" "the refusal says why"
