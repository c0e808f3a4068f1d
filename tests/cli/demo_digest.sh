#!/bin/sh
# Digest of a demo database's contents, one line per table: what
# `init --demo` generated, without what depends on the time of the run
# (created_at/updated_at, the events' `at`) or on who ran it (`login`:
# tests run as root, a user may not), the audit log (its times and
# its shape belong to the audit design) and schema_migrations (the
# migrations, not the data). Used by test_demo_digest.sh; run by hand as
#   tests/cli/demo_digest.sh file.db
db=$1
tables="orgs members case_numbers cases case_events aid_recipients aid_grants courses enrolments users
search_pos member_subs member_grams case_grams cases_fts cases_fts_data cases_fts_idx cases_fts_docsize cases_fts_config"
for t in $tables; do
    cols=$(sqlite3 "$db" "select group_concat('\"' || name || '\"', ',') from pragma_table_info('$t')
        where name not in ('created_at', 'updated_at', 'login') and not ('$t' = 'case_events' and name = 'at')")
    [ "$t" = cases_fts ] && cols="rowid,$cols"
    n=$(echo "$cols" | tr ',' '\n' | wc -l)
    order=$(seq -s, 1 "$n")
    printf '%s %s\n' "$t" "$(sqlite3 -cmd '.mode quote' "$db" "select $cols from \"$t\" order by $order" | md5sum | cut -c1-32)"
done
