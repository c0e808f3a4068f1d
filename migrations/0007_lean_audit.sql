-- A lean audit log (issue 10): the log keeps the same facts — every
-- write, by the triggers, with who (ud_user(), ud_os_login()) and when —
-- without a JSON copy of every row written.
--
--   insert  no values: the row itself is the state after the insert
--           until it changes (before_json and after_json NULL)
--   update  before_json = the OLD values of the columns that changed,
--           and always the old version: {"status":"filed","version":2};
--           after_json NULL. The new values are the next entry's old
--           values, or the row as it is now. An UPDATE that changes
--           nothing is still logged, as {"version":N}.
--   delete  the whole row in before_json, as before: the only copy left
--   read, print (ud_audit_note): unchanged, {"detail": …} in after_json
--
-- An insert or update whose after_json is not NULL carries the whole
-- state after it (a checkpoint). Only this migration writes them: where
-- an old full after-image cannot be derived from what follows it.
--
-- The state of a row as of any entry is rebuilt by ud_audit_state
-- (src/modules/audit.c): from the entry, walk forward to the first
-- checkpoint — a later delete's row, an insert (the row did not exist
-- before it), an after_json checkpoint, or the row as it is now (the
-- view audit_current below) — and apply the update diffs backwards.
--
-- audit_current names, per table, the columns the triggers record, in
-- their order, as one JSON object per live row. A migration that adds a
-- column to an audited table remakes that table's triggers AND this view.
--
-- The old log is converted in this transaction, copied into a new table
-- with the same ids (as 0003 did; the triggers that name it are dropped
-- first and made again last):
--   * an update's before_json becomes the diff of its before and after
--     images (the keys whose value or JSON type differ, and the version);
--     where the two images do not have the same keys (never written by
--     the triggers) the before image is kept whole;
--   * an insert's or update's after image is dropped only where the chain
--     reproduces it exactly: it is the same text as the next write
--     entry's before_json (an update's or a delete's, read/print entries
--     skipped), or, for the last entry of a row, as the row's
--     audit_current JSON now. Otherwise — a write made with the triggers
--     dropped, a row deleted unlogged and its id reused, the five case
--     columns added by 0006 (absent from older images) — the after image
--     stays as a checkpoint. Nothing that was logged is lost.
-- The file does not shrink by itself: the pages freed stay in the file
-- for the next writes; `uniondesk check --vacuum` (or the VACUUM the
-- upgrade notice suggests) gives them back to the file system.


CREATE VIEW audit_current(tbl, row_id, row_json) AS
    SELECT 'orgs', id, json_object('id', id, 'code', code, 'name', name, 'kind', kind, 'parent_id', parent_id, 'credit_code', credit_code, 'chair', chair, 'phone', phone, 'address', address, 'established_on', established_on, 'units_covered', units_covered, 'staff_count', staff_count, 'status', status, 'version', version) FROM orgs
UNION ALL
    SELECT 'members', id, json_object('id', id, 'name', name, 'gender', gender, 'id_number', id_number, 'birth_date', birth_date, 'ethnicity', ethnicity, 'education', education, 'political_status', political_status, 'hukou_type', hukou_type, 'phone', phone, 'org_id', org_id, 'join_date', join_date, 'status', status, 'is_migrant', is_migrant, 'job_title', job_title, 'card_no', card_no, 'version', version) FROM members
UNION ALL
    SELECT 'cases', id, json_object('id', id, 'case_no', case_no, 'mediation_org_id', mediation_org_id, 'received_on', received_on, 'filed_on', filed_on, 'workers_count', workers_count, 'applicant_name', applicant_name, 'applicant_id_number', applicant_id_number, 'applicant_phone', applicant_phone, 'member_id', member_id, 'employer_name', employer_name, 'employer_credit_code', employer_credit_code, 'employer_org_id', employer_org_id, 'dispute_type', dispute_type, 'claim_fen', claim_fen, 'agreed_fen', agreed_fen, 'mediator', mediator, 'status', status, 'closed_on', closed_on, 'outcome', outcome, 'referred_to_arbitration', referred_to_arbitration, 'claims', claims, 'facts', facts, 'respondent_rep', respondent_rep, 'agreement_terms', agreement_terms, 'payment_due_on', payment_due_on, 'version', version) FROM cases
UNION ALL
    SELECT 'case_events', id, json_object('id', id, 'case_id', case_id, 'at', at, 'login', login, 'kind', kind, 'from_status', from_status, 'to_status', to_status, 'body', body, 'version', version) FROM case_events
UNION ALL
    SELECT 'aid_recipients', id, json_object('id', id, 'member_id', member_id, 'hardship_level', hardship_level, 'hardship_category', hardship_category, 'household_size', household_size, 'income_fen', income_fen, 'address', address, 'registered_on', registered_on, 'status', status, 'version', version) FROM aid_recipients
UNION ALL
    SELECT 'aid_grants', id, json_object('id', id, 'recipient_id', recipient_id, 'program', program, 'amount_fen', amount_fen, 'granted_on', granted_on, 'fund_source', fund_source, 'status', status, 'approved_by', approved_by, 'approved_on', approved_on, 'paid_on', paid_on, 'child_name', child_name, 'school', school, 'double_confirmed_by', double_confirmed_by, 'version', version) FROM aid_grants
UNION ALL
    SELECT 'courses', id, json_object('id', id, 'code', code, 'title', title, 'category', category, 'organizer_org_id', organizer_org_id, 'starts_on', starts_on, 'ends_on', ends_on, 'hours', hours, 'location', location, 'capacity', capacity, 'fee_fen', fee_fen, 'member_discount_fen', member_discount_fen, 'version', version) FROM courses
UNION ALL
    SELECT 'enrolments', id, json_object('id', id, 'course_id', course_id, 'member_id', member_id, 'enrolled_on', enrolled_on, 'attended', attended, 'completed', completed, 'score', score, 'certificate_no', certificate_no, 'fee_paid_fen', fee_paid_fen, 'version', version) FROM enrolments
UNION ALL
    SELECT 'users', id, json_object('id', id, 'login', login, 'display_name', display_name, 'role', role, 'active', active, 'version', version) FROM users;

-- The old triggers go first: they name audit_log, which is rebuilt.
DROP TRIGGER orgs_audit_insert;
DROP TRIGGER orgs_audit_update;
DROP TRIGGER orgs_audit_delete;
DROP TRIGGER members_audit_insert;
DROP TRIGGER members_audit_update;
DROP TRIGGER members_audit_delete;
DROP TRIGGER cases_audit_insert;
DROP TRIGGER cases_audit_update;
DROP TRIGGER cases_audit_delete;
DROP TRIGGER case_events_audit_insert;
DROP TRIGGER case_events_audit_update;
DROP TRIGGER case_events_audit_delete;
DROP TRIGGER aid_recipients_audit_insert;
DROP TRIGGER aid_recipients_audit_update;
DROP TRIGGER aid_recipients_audit_delete;
DROP TRIGGER aid_grants_audit_insert;
DROP TRIGGER aid_grants_audit_update;
DROP TRIGGER aid_grants_audit_delete;
DROP TRIGGER courses_audit_insert;
DROP TRIGGER courses_audit_update;
DROP TRIGGER courses_audit_delete;
DROP TRIGGER enrolments_audit_insert;
DROP TRIGGER enrolments_audit_update;
DROP TRIGGER enrolments_audit_delete;
DROP TRIGGER users_audit_insert;
DROP TRIGGER users_audit_update;
DROP TRIGGER users_audit_delete;
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;

-- Each write entry and the next write entry of the same row (reads and
-- prints skipped): ids only, so that the sort stays small.
CREATE TEMP TABLE audit7_chain AS
    SELECT id, tbl, row_id, action, lead(id) OVER w AS next_id
    FROM audit_log WHERE action IN ('insert', 'update', 'delete')
    WINDOW w AS (PARTITION BY tbl, row_id ORDER BY id);
-- The new before_json and after_json of every insert and update. The
-- values are compared with json_type/json_extract on the other image
-- (its parse is cached), with their JSON type: 1 and "1" differ.
CREATE TEMP TABLE audit7(id INTEGER PRIMARY KEY, before_json TEXT, after_json TEXT);
INSERT INTO temp.audit7(id, before_json, after_json)
SELECT x.id,
       CASE WHEN x.action <> 'update' OR a.before_json IS NULL OR a.after_json IS NULL THEN a.before_json
            WHEN EXISTS (SELECT 1 FROM json_each(a.after_json) k
                         WHERE json_type(a.before_json, '$."' || k.key || '"') IS NULL) THEN a.before_json
            ELSE (SELECT '{' || group_concat(json_quote(o.key) || ':' ||
                                             CASE WHEN o.type IN ('object', 'array') THEN o.value
                                                  ELSE json_quote(o.value) END, ',') || '}'
                  FROM json_each(a.before_json) o
                  WHERE o.key = 'version' OR json_type(a.after_json, '$."' || o.key || '"') IS NOT o.type
                     OR json_extract(a.after_json, '$."' || o.key || '"') IS NOT o.value)
       END,
       CASE WHEN a.after_json IS NULL THEN NULL
            WHEN n.action IN ('update', 'delete') AND a.after_json IS n.before_json THEN NULL
            WHEN x.next_id IS NULL AND a.after_json IS
                 (SELECT c.row_json FROM audit_current c WHERE c.tbl = x.tbl AND c.row_id = x.row_id) THEN NULL
            ELSE a.after_json
       END
FROM temp.audit7_chain x JOIN audit_log a ON a.id = x.id LEFT JOIN audit_log n ON n.id = x.next_id
WHERE x.action IN ('insert', 'update');
DROP TABLE temp.audit7_chain;

CREATE TABLE audit_log_v7 (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')),
    login       TEXT NOT NULL,
    os_login    TEXT,
    tbl         TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    -- an OR chain, not IN (...): SQLite evaluates an IN list of more than
    -- two values in a CHECK through an ephemeral table built anew for
    -- every row, and every trigger write comes through here
    action      TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete'
                                     OR action = 'read' OR action = 'print'),
    before_json TEXT,
    after_json  TEXT
);
INSERT INTO audit_log_v7(id, at, login, os_login, tbl, row_id, action, before_json, after_json)
    SELECT a.id, a.at, a.login, a.os_login, a.tbl, a.row_id, a.action,
           CASE WHEN n.id IS NULL THEN a.before_json ELSE n.before_json END,
           CASE WHEN n.id IS NULL THEN a.after_json ELSE n.after_json END
    FROM audit_log a LEFT JOIN temp.audit7 n ON n.id = a.id ORDER BY a.id;
DROP TABLE temp.audit7;
DROP TABLE audit_log;
ALTER TABLE audit_log_v7 RENAME TO audit_log;
CREATE INDEX audit_log_row ON audit_log(tbl, row_id);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The triggers, table by table, as 0003 (and 0005, 0006) named their columns.

CREATE TRIGGER orgs_audit_insert AFTER INSERT ON orgs
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'orgs', NEW.id, 'insert');
END;
CREATE TRIGGER orgs_audit_update AFTER UPDATE ON orgs
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'orgs', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.code IS NOT NEW.code THEN '"code":' || json_quote(OLD.code) || ',' ELSE '' END ||
        CASE WHEN OLD.name IS NOT NEW.name THEN '"name":' || json_quote(OLD.name) || ',' ELSE '' END ||
        CASE WHEN OLD.kind IS NOT NEW.kind THEN '"kind":' || json_quote(OLD.kind) || ',' ELSE '' END ||
        CASE WHEN OLD.parent_id IS NOT NEW.parent_id THEN '"parent_id":' || json_quote(OLD.parent_id) || ',' ELSE '' END ||
        CASE WHEN OLD.credit_code IS NOT NEW.credit_code THEN '"credit_code":' || json_quote(OLD.credit_code) || ',' ELSE '' END ||
        CASE WHEN OLD.chair IS NOT NEW.chair THEN '"chair":' || json_quote(OLD.chair) || ',' ELSE '' END ||
        CASE WHEN OLD.phone IS NOT NEW.phone THEN '"phone":' || json_quote(OLD.phone) || ',' ELSE '' END ||
        CASE WHEN OLD.address IS NOT NEW.address THEN '"address":' || json_quote(OLD.address) || ',' ELSE '' END ||
        CASE WHEN OLD.established_on IS NOT NEW.established_on THEN '"established_on":' || json_quote(OLD.established_on) || ',' ELSE '' END ||
        CASE WHEN OLD.units_covered IS NOT NEW.units_covered THEN '"units_covered":' || json_quote(OLD.units_covered) || ',' ELSE '' END ||
        CASE WHEN OLD.staff_count IS NOT NEW.staff_count THEN '"staff_count":' || json_quote(OLD.staff_count) || ',' ELSE '' END ||
        CASE WHEN OLD.status IS NOT NEW.status THEN '"status":' || json_quote(OLD.status) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER orgs_audit_delete AFTER DELETE ON orgs
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'orgs', OLD.id, 'delete', json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind, 'parent_id', OLD.parent_id, 'credit_code', OLD.credit_code, 'chair', OLD.chair, 'phone', OLD.phone, 'address', OLD.address, 'established_on', OLD.established_on, 'units_covered', OLD.units_covered, 'staff_count', OLD.staff_count, 'status', OLD.status, 'version', OLD.version));
END;

CREATE TRIGGER members_audit_insert AFTER INSERT ON members
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'members', NEW.id, 'insert');
END;
CREATE TRIGGER members_audit_update AFTER UPDATE ON members
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'members', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.name IS NOT NEW.name THEN '"name":' || json_quote(OLD.name) || ',' ELSE '' END ||
        CASE WHEN OLD.gender IS NOT NEW.gender THEN '"gender":' || json_quote(OLD.gender) || ',' ELSE '' END ||
        CASE WHEN OLD.id_number IS NOT NEW.id_number THEN '"id_number":' || json_quote(OLD.id_number) || ',' ELSE '' END ||
        CASE WHEN OLD.birth_date IS NOT NEW.birth_date THEN '"birth_date":' || json_quote(OLD.birth_date) || ',' ELSE '' END ||
        CASE WHEN OLD.ethnicity IS NOT NEW.ethnicity THEN '"ethnicity":' || json_quote(OLD.ethnicity) || ',' ELSE '' END ||
        CASE WHEN OLD.education IS NOT NEW.education THEN '"education":' || json_quote(OLD.education) || ',' ELSE '' END ||
        CASE WHEN OLD.political_status IS NOT NEW.political_status THEN '"political_status":' || json_quote(OLD.political_status) || ',' ELSE '' END ||
        CASE WHEN OLD.hukou_type IS NOT NEW.hukou_type THEN '"hukou_type":' || json_quote(OLD.hukou_type) || ',' ELSE '' END ||
        CASE WHEN OLD.phone IS NOT NEW.phone THEN '"phone":' || json_quote(OLD.phone) || ',' ELSE '' END ||
        CASE WHEN OLD.org_id IS NOT NEW.org_id THEN '"org_id":' || json_quote(OLD.org_id) || ',' ELSE '' END ||
        CASE WHEN OLD.join_date IS NOT NEW.join_date THEN '"join_date":' || json_quote(OLD.join_date) || ',' ELSE '' END ||
        CASE WHEN OLD.status IS NOT NEW.status THEN '"status":' || json_quote(OLD.status) || ',' ELSE '' END ||
        CASE WHEN OLD.is_migrant IS NOT NEW.is_migrant THEN '"is_migrant":' || json_quote(OLD.is_migrant) || ',' ELSE '' END ||
        CASE WHEN OLD.job_title IS NOT NEW.job_title THEN '"job_title":' || json_quote(OLD.job_title) || ',' ELSE '' END ||
        CASE WHEN OLD.card_no IS NOT NEW.card_no THEN '"card_no":' || json_quote(OLD.card_no) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER members_audit_delete AFTER DELETE ON members
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'members', OLD.id, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'gender', OLD.gender, 'id_number', OLD.id_number, 'birth_date', OLD.birth_date, 'ethnicity', OLD.ethnicity, 'education', OLD.education, 'political_status', OLD.political_status, 'hukou_type', OLD.hukou_type, 'phone', OLD.phone, 'org_id', OLD.org_id, 'join_date', OLD.join_date, 'status', OLD.status, 'is_migrant', OLD.is_migrant, 'job_title', OLD.job_title, 'card_no', OLD.card_no, 'version', OLD.version));
END;

CREATE TRIGGER cases_audit_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'cases', NEW.id, 'insert');
END;
CREATE TRIGGER cases_audit_update AFTER UPDATE ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'cases', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.case_no IS NOT NEW.case_no THEN '"case_no":' || json_quote(OLD.case_no) || ',' ELSE '' END ||
        CASE WHEN OLD.mediation_org_id IS NOT NEW.mediation_org_id THEN '"mediation_org_id":' || json_quote(OLD.mediation_org_id) || ',' ELSE '' END ||
        CASE WHEN OLD.received_on IS NOT NEW.received_on THEN '"received_on":' || json_quote(OLD.received_on) || ',' ELSE '' END ||
        CASE WHEN OLD.filed_on IS NOT NEW.filed_on THEN '"filed_on":' || json_quote(OLD.filed_on) || ',' ELSE '' END ||
        CASE WHEN OLD.workers_count IS NOT NEW.workers_count THEN '"workers_count":' || json_quote(OLD.workers_count) || ',' ELSE '' END ||
        CASE WHEN OLD.applicant_name IS NOT NEW.applicant_name THEN '"applicant_name":' || json_quote(OLD.applicant_name) || ',' ELSE '' END ||
        CASE WHEN OLD.applicant_id_number IS NOT NEW.applicant_id_number THEN '"applicant_id_number":' || json_quote(OLD.applicant_id_number) || ',' ELSE '' END ||
        CASE WHEN OLD.applicant_phone IS NOT NEW.applicant_phone THEN '"applicant_phone":' || json_quote(OLD.applicant_phone) || ',' ELSE '' END ||
        CASE WHEN OLD.member_id IS NOT NEW.member_id THEN '"member_id":' || json_quote(OLD.member_id) || ',' ELSE '' END ||
        CASE WHEN OLD.employer_name IS NOT NEW.employer_name THEN '"employer_name":' || json_quote(OLD.employer_name) || ',' ELSE '' END ||
        CASE WHEN OLD.employer_credit_code IS NOT NEW.employer_credit_code THEN '"employer_credit_code":' || json_quote(OLD.employer_credit_code) || ',' ELSE '' END ||
        CASE WHEN OLD.employer_org_id IS NOT NEW.employer_org_id THEN '"employer_org_id":' || json_quote(OLD.employer_org_id) || ',' ELSE '' END ||
        CASE WHEN OLD.dispute_type IS NOT NEW.dispute_type THEN '"dispute_type":' || json_quote(OLD.dispute_type) || ',' ELSE '' END ||
        CASE WHEN OLD.claim_fen IS NOT NEW.claim_fen THEN '"claim_fen":' || json_quote(OLD.claim_fen) || ',' ELSE '' END ||
        CASE WHEN OLD.agreed_fen IS NOT NEW.agreed_fen THEN '"agreed_fen":' || json_quote(OLD.agreed_fen) || ',' ELSE '' END ||
        CASE WHEN OLD.mediator IS NOT NEW.mediator THEN '"mediator":' || json_quote(OLD.mediator) || ',' ELSE '' END ||
        CASE WHEN OLD.status IS NOT NEW.status THEN '"status":' || json_quote(OLD.status) || ',' ELSE '' END ||
        CASE WHEN OLD.closed_on IS NOT NEW.closed_on THEN '"closed_on":' || json_quote(OLD.closed_on) || ',' ELSE '' END ||
        CASE WHEN OLD.outcome IS NOT NEW.outcome THEN '"outcome":' || json_quote(OLD.outcome) || ',' ELSE '' END ||
        CASE WHEN OLD.referred_to_arbitration IS NOT NEW.referred_to_arbitration THEN '"referred_to_arbitration":' || json_quote(OLD.referred_to_arbitration) || ',' ELSE '' END ||
        CASE WHEN OLD.claims IS NOT NEW.claims THEN '"claims":' || json_quote(OLD.claims) || ',' ELSE '' END ||
        CASE WHEN OLD.facts IS NOT NEW.facts THEN '"facts":' || json_quote(OLD.facts) || ',' ELSE '' END ||
        CASE WHEN OLD.respondent_rep IS NOT NEW.respondent_rep THEN '"respondent_rep":' || json_quote(OLD.respondent_rep) || ',' ELSE '' END ||
        CASE WHEN OLD.agreement_terms IS NOT NEW.agreement_terms THEN '"agreement_terms":' || json_quote(OLD.agreement_terms) || ',' ELSE '' END ||
        CASE WHEN OLD.payment_due_on IS NOT NEW.payment_due_on THEN '"payment_due_on":' || json_quote(OLD.payment_due_on) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER cases_audit_delete AFTER DELETE ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'cases', OLD.id, 'delete', json_object('id', OLD.id, 'case_no', OLD.case_no, 'mediation_org_id', OLD.mediation_org_id, 'received_on', OLD.received_on, 'filed_on', OLD.filed_on, 'workers_count', OLD.workers_count, 'applicant_name', OLD.applicant_name, 'applicant_id_number', OLD.applicant_id_number, 'applicant_phone', OLD.applicant_phone, 'member_id', OLD.member_id, 'employer_name', OLD.employer_name, 'employer_credit_code', OLD.employer_credit_code, 'employer_org_id', OLD.employer_org_id, 'dispute_type', OLD.dispute_type, 'claim_fen', OLD.claim_fen, 'agreed_fen', OLD.agreed_fen, 'mediator', OLD.mediator, 'status', OLD.status, 'closed_on', OLD.closed_on, 'outcome', OLD.outcome, 'referred_to_arbitration', OLD.referred_to_arbitration, 'claims', OLD.claims, 'facts', OLD.facts, 'respondent_rep', OLD.respondent_rep, 'agreement_terms', OLD.agreement_terms, 'payment_due_on', OLD.payment_due_on, 'version', OLD.version));
END;

CREATE TRIGGER case_events_audit_insert AFTER INSERT ON case_events
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'case_events', NEW.id, 'insert');
END;
CREATE TRIGGER case_events_audit_update AFTER UPDATE ON case_events
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'case_events', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.case_id IS NOT NEW.case_id THEN '"case_id":' || json_quote(OLD.case_id) || ',' ELSE '' END ||
        CASE WHEN OLD.at IS NOT NEW.at THEN '"at":' || json_quote(OLD.at) || ',' ELSE '' END ||
        CASE WHEN OLD.login IS NOT NEW.login THEN '"login":' || json_quote(OLD.login) || ',' ELSE '' END ||
        CASE WHEN OLD.kind IS NOT NEW.kind THEN '"kind":' || json_quote(OLD.kind) || ',' ELSE '' END ||
        CASE WHEN OLD.from_status IS NOT NEW.from_status THEN '"from_status":' || json_quote(OLD.from_status) || ',' ELSE '' END ||
        CASE WHEN OLD.to_status IS NOT NEW.to_status THEN '"to_status":' || json_quote(OLD.to_status) || ',' ELSE '' END ||
        CASE WHEN OLD.body IS NOT NEW.body THEN '"body":' || json_quote(OLD.body) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER case_events_audit_delete AFTER DELETE ON case_events
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'case_events', OLD.id, 'delete', json_object('id', OLD.id, 'case_id', OLD.case_id, 'at', OLD.at, 'login', OLD.login, 'kind', OLD.kind, 'from_status', OLD.from_status, 'to_status', OLD.to_status, 'body', OLD.body, 'version', OLD.version));
END;

CREATE TRIGGER aid_recipients_audit_insert AFTER INSERT ON aid_recipients
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'aid_recipients', NEW.id, 'insert');
END;
CREATE TRIGGER aid_recipients_audit_update AFTER UPDATE ON aid_recipients
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'aid_recipients', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.member_id IS NOT NEW.member_id THEN '"member_id":' || json_quote(OLD.member_id) || ',' ELSE '' END ||
        CASE WHEN OLD.hardship_level IS NOT NEW.hardship_level THEN '"hardship_level":' || json_quote(OLD.hardship_level) || ',' ELSE '' END ||
        CASE WHEN OLD.hardship_category IS NOT NEW.hardship_category THEN '"hardship_category":' || json_quote(OLD.hardship_category) || ',' ELSE '' END ||
        CASE WHEN OLD.household_size IS NOT NEW.household_size THEN '"household_size":' || json_quote(OLD.household_size) || ',' ELSE '' END ||
        CASE WHEN OLD.income_fen IS NOT NEW.income_fen THEN '"income_fen":' || json_quote(OLD.income_fen) || ',' ELSE '' END ||
        CASE WHEN OLD.address IS NOT NEW.address THEN '"address":' || json_quote(OLD.address) || ',' ELSE '' END ||
        CASE WHEN OLD.registered_on IS NOT NEW.registered_on THEN '"registered_on":' || json_quote(OLD.registered_on) || ',' ELSE '' END ||
        CASE WHEN OLD.status IS NOT NEW.status THEN '"status":' || json_quote(OLD.status) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER aid_recipients_audit_delete AFTER DELETE ON aid_recipients
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'aid_recipients', OLD.id, 'delete', json_object('id', OLD.id, 'member_id', OLD.member_id, 'hardship_level', OLD.hardship_level, 'hardship_category', OLD.hardship_category, 'household_size', OLD.household_size, 'income_fen', OLD.income_fen, 'address', OLD.address, 'registered_on', OLD.registered_on, 'status', OLD.status, 'version', OLD.version));
END;

CREATE TRIGGER aid_grants_audit_insert AFTER INSERT ON aid_grants
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'aid_grants', NEW.id, 'insert');
END;
CREATE TRIGGER aid_grants_audit_update AFTER UPDATE ON aid_grants
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'aid_grants', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.recipient_id IS NOT NEW.recipient_id THEN '"recipient_id":' || json_quote(OLD.recipient_id) || ',' ELSE '' END ||
        CASE WHEN OLD.program IS NOT NEW.program THEN '"program":' || json_quote(OLD.program) || ',' ELSE '' END ||
        CASE WHEN OLD.amount_fen IS NOT NEW.amount_fen THEN '"amount_fen":' || json_quote(OLD.amount_fen) || ',' ELSE '' END ||
        CASE WHEN OLD.granted_on IS NOT NEW.granted_on THEN '"granted_on":' || json_quote(OLD.granted_on) || ',' ELSE '' END ||
        CASE WHEN OLD.fund_source IS NOT NEW.fund_source THEN '"fund_source":' || json_quote(OLD.fund_source) || ',' ELSE '' END ||
        CASE WHEN OLD.status IS NOT NEW.status THEN '"status":' || json_quote(OLD.status) || ',' ELSE '' END ||
        CASE WHEN OLD.approved_by IS NOT NEW.approved_by THEN '"approved_by":' || json_quote(OLD.approved_by) || ',' ELSE '' END ||
        CASE WHEN OLD.approved_on IS NOT NEW.approved_on THEN '"approved_on":' || json_quote(OLD.approved_on) || ',' ELSE '' END ||
        CASE WHEN OLD.paid_on IS NOT NEW.paid_on THEN '"paid_on":' || json_quote(OLD.paid_on) || ',' ELSE '' END ||
        CASE WHEN OLD.child_name IS NOT NEW.child_name THEN '"child_name":' || json_quote(OLD.child_name) || ',' ELSE '' END ||
        CASE WHEN OLD.school IS NOT NEW.school THEN '"school":' || json_quote(OLD.school) || ',' ELSE '' END ||
        CASE WHEN OLD.double_confirmed_by IS NOT NEW.double_confirmed_by THEN '"double_confirmed_by":' || json_quote(OLD.double_confirmed_by) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER aid_grants_audit_delete AFTER DELETE ON aid_grants
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'aid_grants', OLD.id, 'delete', json_object('id', OLD.id, 'recipient_id', OLD.recipient_id, 'program', OLD.program, 'amount_fen', OLD.amount_fen, 'granted_on', OLD.granted_on, 'fund_source', OLD.fund_source, 'status', OLD.status, 'approved_by', OLD.approved_by, 'approved_on', OLD.approved_on, 'paid_on', OLD.paid_on, 'child_name', OLD.child_name, 'school', OLD.school, 'double_confirmed_by', OLD.double_confirmed_by, 'version', OLD.version));
END;

CREATE TRIGGER courses_audit_insert AFTER INSERT ON courses
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'courses', NEW.id, 'insert');
END;
CREATE TRIGGER courses_audit_update AFTER UPDATE ON courses
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'courses', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.code IS NOT NEW.code THEN '"code":' || json_quote(OLD.code) || ',' ELSE '' END ||
        CASE WHEN OLD.title IS NOT NEW.title THEN '"title":' || json_quote(OLD.title) || ',' ELSE '' END ||
        CASE WHEN OLD.category IS NOT NEW.category THEN '"category":' || json_quote(OLD.category) || ',' ELSE '' END ||
        CASE WHEN OLD.organizer_org_id IS NOT NEW.organizer_org_id THEN '"organizer_org_id":' || json_quote(OLD.organizer_org_id) || ',' ELSE '' END ||
        CASE WHEN OLD.starts_on IS NOT NEW.starts_on THEN '"starts_on":' || json_quote(OLD.starts_on) || ',' ELSE '' END ||
        CASE WHEN OLD.ends_on IS NOT NEW.ends_on THEN '"ends_on":' || json_quote(OLD.ends_on) || ',' ELSE '' END ||
        CASE WHEN OLD.hours IS NOT NEW.hours THEN '"hours":' || json_quote(OLD.hours) || ',' ELSE '' END ||
        CASE WHEN OLD.location IS NOT NEW.location THEN '"location":' || json_quote(OLD.location) || ',' ELSE '' END ||
        CASE WHEN OLD.capacity IS NOT NEW.capacity THEN '"capacity":' || json_quote(OLD.capacity) || ',' ELSE '' END ||
        CASE WHEN OLD.fee_fen IS NOT NEW.fee_fen THEN '"fee_fen":' || json_quote(OLD.fee_fen) || ',' ELSE '' END ||
        CASE WHEN OLD.member_discount_fen IS NOT NEW.member_discount_fen THEN '"member_discount_fen":' || json_quote(OLD.member_discount_fen) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER courses_audit_delete AFTER DELETE ON courses
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'courses', OLD.id, 'delete', json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'organizer_org_id', OLD.organizer_org_id, 'starts_on', OLD.starts_on, 'ends_on', OLD.ends_on, 'hours', OLD.hours, 'location', OLD.location, 'capacity', OLD.capacity, 'fee_fen', OLD.fee_fen, 'member_discount_fen', OLD.member_discount_fen, 'version', OLD.version));
END;

CREATE TRIGGER enrolments_audit_insert AFTER INSERT ON enrolments
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'enrolments', NEW.id, 'insert');
END;
CREATE TRIGGER enrolments_audit_update AFTER UPDATE ON enrolments
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'enrolments', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN '"course_id":' || json_quote(OLD.course_id) || ',' ELSE '' END ||
        CASE WHEN OLD.member_id IS NOT NEW.member_id THEN '"member_id":' || json_quote(OLD.member_id) || ',' ELSE '' END ||
        CASE WHEN OLD.enrolled_on IS NOT NEW.enrolled_on THEN '"enrolled_on":' || json_quote(OLD.enrolled_on) || ',' ELSE '' END ||
        CASE WHEN OLD.attended IS NOT NEW.attended THEN '"attended":' || json_quote(OLD.attended) || ',' ELSE '' END ||
        CASE WHEN OLD.completed IS NOT NEW.completed THEN '"completed":' || json_quote(OLD.completed) || ',' ELSE '' END ||
        CASE WHEN OLD.score IS NOT NEW.score THEN '"score":' || json_quote(OLD.score) || ',' ELSE '' END ||
        CASE WHEN OLD.certificate_no IS NOT NEW.certificate_no THEN '"certificate_no":' || json_quote(OLD.certificate_no) || ',' ELSE '' END ||
        CASE WHEN OLD.fee_paid_fen IS NOT NEW.fee_paid_fen THEN '"fee_paid_fen":' || json_quote(OLD.fee_paid_fen) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER enrolments_audit_delete AFTER DELETE ON enrolments
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'enrolments', OLD.id, 'delete', json_object('id', OLD.id, 'course_id', OLD.course_id, 'member_id', OLD.member_id, 'enrolled_on', OLD.enrolled_on, 'attended', OLD.attended, 'completed', OLD.completed, 'score', OLD.score, 'certificate_no', OLD.certificate_no, 'fee_paid_fen', OLD.fee_paid_fen, 'version', OLD.version));
END;

CREATE TRIGGER users_audit_insert AFTER INSERT ON users
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action)
    VALUES (ud_user(), ud_os_login(), 'users', NEW.id, 'insert');
END;
CREATE TRIGGER users_audit_update AFTER UPDATE ON users
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'users', NEW.id, 'update', '{' ||
        CASE WHEN OLD.id IS NOT NEW.id THEN '"id":' || json_quote(OLD.id) || ',' ELSE '' END ||
        CASE WHEN OLD.login IS NOT NEW.login THEN '"login":' || json_quote(OLD.login) || ',' ELSE '' END ||
        CASE WHEN OLD.display_name IS NOT NEW.display_name THEN '"display_name":' || json_quote(OLD.display_name) || ',' ELSE '' END ||
        CASE WHEN OLD.role IS NOT NEW.role THEN '"role":' || json_quote(OLD.role) || ',' ELSE '' END ||
        CASE WHEN OLD.active IS NOT NEW.active THEN '"active":' || json_quote(OLD.active) || ',' ELSE '' END ||
        '"version":' || json_quote(OLD.version) || '}');
END;
CREATE TRIGGER users_audit_delete AFTER DELETE ON users
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'users', OLD.id, 'delete', json_object('id', OLD.id, 'login', OLD.login, 'display_name', OLD.display_name, 'role', OLD.role, 'active', OLD.active, 'version', OLD.version));
END;


