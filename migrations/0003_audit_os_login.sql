-- The audit log records both accounts and holds reads and prints.
-- os_login is the real OS account (getpwuid(getuid())), written through
-- ud_os_login(), a function the program defines on each connection next to
-- ud_user(); login stays the account acted as (--user). Rows written before
-- this migration keep os_login NULL: the OS account was not recorded then.
-- action gains 'read' (an officer revealing a whole ID number) and 'print'
-- (a report sent to a printer, an export with whole ID numbers), written by
-- ud_audit_note().
--
-- A CHECK constraint cannot be altered, so audit_log is rebuilt following
-- the ALTER TABLE procedure of SQLite's documentation: the audit triggers
-- of every table (they name audit_log) are dropped first, the rows copied
-- with their ids, the old table dropped, the new one renamed, then indexes
-- and triggers made again. The migration runs in one transaction.

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

CREATE TABLE audit_log_v3 (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')),
    login       TEXT NOT NULL,
    os_login    TEXT,
    tbl         TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'read', 'print')),
    before_json TEXT,
    after_json  TEXT
);
INSERT INTO audit_log_v3(id, at, login, os_login, tbl, row_id, action, before_json, after_json)
    SELECT id, at, login, NULL, tbl, row_id, action, before_json, after_json FROM audit_log ORDER BY id;
DROP TABLE audit_log;
ALTER TABLE audit_log_v3 RENAME TO audit_log;
CREATE INDEX audit_log_row ON audit_log(tbl, row_id);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER orgs_audit_insert AFTER INSERT ON orgs
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'orgs', NEW.id, 'insert', json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind, 'parent_id', NEW.parent_id, 'credit_code', NEW.credit_code, 'chair', NEW.chair, 'phone', NEW.phone, 'address', NEW.address, 'established_on', NEW.established_on, 'units_covered', NEW.units_covered, 'staff_count', NEW.staff_count, 'status', NEW.status, 'version', NEW.version));
END;
CREATE TRIGGER orgs_audit_update AFTER UPDATE ON orgs
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'orgs', NEW.id, 'update', json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind, 'parent_id', OLD.parent_id, 'credit_code', OLD.credit_code, 'chair', OLD.chair, 'phone', OLD.phone, 'address', OLD.address, 'established_on', OLD.established_on, 'units_covered', OLD.units_covered, 'staff_count', OLD.staff_count, 'status', OLD.status, 'version', OLD.version), json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind, 'parent_id', NEW.parent_id, 'credit_code', NEW.credit_code, 'chair', NEW.chair, 'phone', NEW.phone, 'address', NEW.address, 'established_on', NEW.established_on, 'units_covered', NEW.units_covered, 'staff_count', NEW.staff_count, 'status', NEW.status, 'version', NEW.version));
END;
CREATE TRIGGER orgs_audit_delete AFTER DELETE ON orgs
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'orgs', OLD.id, 'delete', json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind, 'parent_id', OLD.parent_id, 'credit_code', OLD.credit_code, 'chair', OLD.chair, 'phone', OLD.phone, 'address', OLD.address, 'established_on', OLD.established_on, 'units_covered', OLD.units_covered, 'staff_count', OLD.staff_count, 'status', OLD.status, 'version', OLD.version));
END;

CREATE TRIGGER members_audit_insert AFTER INSERT ON members
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'members', NEW.id, 'insert', json_object('id', NEW.id, 'name', NEW.name, 'gender', NEW.gender, 'id_number', NEW.id_number, 'birth_date', NEW.birth_date, 'ethnicity', NEW.ethnicity, 'education', NEW.education, 'political_status', NEW.political_status, 'hukou_type', NEW.hukou_type, 'phone', NEW.phone, 'org_id', NEW.org_id, 'join_date', NEW.join_date, 'status', NEW.status, 'is_migrant', NEW.is_migrant, 'job_title', NEW.job_title, 'card_no', NEW.card_no, 'version', NEW.version));
END;
CREATE TRIGGER members_audit_update AFTER UPDATE ON members
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'members', NEW.id, 'update', json_object('id', OLD.id, 'name', OLD.name, 'gender', OLD.gender, 'id_number', OLD.id_number, 'birth_date', OLD.birth_date, 'ethnicity', OLD.ethnicity, 'education', OLD.education, 'political_status', OLD.political_status, 'hukou_type', OLD.hukou_type, 'phone', OLD.phone, 'org_id', OLD.org_id, 'join_date', OLD.join_date, 'status', OLD.status, 'is_migrant', OLD.is_migrant, 'job_title', OLD.job_title, 'card_no', OLD.card_no, 'version', OLD.version), json_object('id', NEW.id, 'name', NEW.name, 'gender', NEW.gender, 'id_number', NEW.id_number, 'birth_date', NEW.birth_date, 'ethnicity', NEW.ethnicity, 'education', NEW.education, 'political_status', NEW.political_status, 'hukou_type', NEW.hukou_type, 'phone', NEW.phone, 'org_id', NEW.org_id, 'join_date', NEW.join_date, 'status', NEW.status, 'is_migrant', NEW.is_migrant, 'job_title', NEW.job_title, 'card_no', NEW.card_no, 'version', NEW.version));
END;
CREATE TRIGGER members_audit_delete AFTER DELETE ON members
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'members', OLD.id, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'gender', OLD.gender, 'id_number', OLD.id_number, 'birth_date', OLD.birth_date, 'ethnicity', OLD.ethnicity, 'education', OLD.education, 'political_status', OLD.political_status, 'hukou_type', OLD.hukou_type, 'phone', OLD.phone, 'org_id', OLD.org_id, 'join_date', OLD.join_date, 'status', OLD.status, 'is_migrant', OLD.is_migrant, 'job_title', OLD.job_title, 'card_no', OLD.card_no, 'version', OLD.version));
END;

CREATE TRIGGER cases_audit_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'cases', NEW.id, 'insert', json_object('id', NEW.id, 'case_no', NEW.case_no, 'mediation_org_id', NEW.mediation_org_id, 'received_on', NEW.received_on, 'filed_on', NEW.filed_on, 'workers_count', NEW.workers_count, 'applicant_name', NEW.applicant_name, 'applicant_id_number', NEW.applicant_id_number, 'applicant_phone', NEW.applicant_phone, 'member_id', NEW.member_id, 'employer_name', NEW.employer_name, 'employer_credit_code', NEW.employer_credit_code, 'employer_org_id', NEW.employer_org_id, 'dispute_type', NEW.dispute_type, 'claim_fen', NEW.claim_fen, 'agreed_fen', NEW.agreed_fen, 'mediator', NEW.mediator, 'status', NEW.status, 'closed_on', NEW.closed_on, 'outcome', NEW.outcome, 'referred_to_arbitration', NEW.referred_to_arbitration, 'version', NEW.version));
END;
CREATE TRIGGER cases_audit_update AFTER UPDATE ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'cases', NEW.id, 'update', json_object('id', OLD.id, 'case_no', OLD.case_no, 'mediation_org_id', OLD.mediation_org_id, 'received_on', OLD.received_on, 'filed_on', OLD.filed_on, 'workers_count', OLD.workers_count, 'applicant_name', OLD.applicant_name, 'applicant_id_number', OLD.applicant_id_number, 'applicant_phone', OLD.applicant_phone, 'member_id', OLD.member_id, 'employer_name', OLD.employer_name, 'employer_credit_code', OLD.employer_credit_code, 'employer_org_id', OLD.employer_org_id, 'dispute_type', OLD.dispute_type, 'claim_fen', OLD.claim_fen, 'agreed_fen', OLD.agreed_fen, 'mediator', OLD.mediator, 'status', OLD.status, 'closed_on', OLD.closed_on, 'outcome', OLD.outcome, 'referred_to_arbitration', OLD.referred_to_arbitration, 'version', OLD.version), json_object('id', NEW.id, 'case_no', NEW.case_no, 'mediation_org_id', NEW.mediation_org_id, 'received_on', NEW.received_on, 'filed_on', NEW.filed_on, 'workers_count', NEW.workers_count, 'applicant_name', NEW.applicant_name, 'applicant_id_number', NEW.applicant_id_number, 'applicant_phone', NEW.applicant_phone, 'member_id', NEW.member_id, 'employer_name', NEW.employer_name, 'employer_credit_code', NEW.employer_credit_code, 'employer_org_id', NEW.employer_org_id, 'dispute_type', NEW.dispute_type, 'claim_fen', NEW.claim_fen, 'agreed_fen', NEW.agreed_fen, 'mediator', NEW.mediator, 'status', NEW.status, 'closed_on', NEW.closed_on, 'outcome', NEW.outcome, 'referred_to_arbitration', NEW.referred_to_arbitration, 'version', NEW.version));
END;
CREATE TRIGGER cases_audit_delete AFTER DELETE ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'cases', OLD.id, 'delete', json_object('id', OLD.id, 'case_no', OLD.case_no, 'mediation_org_id', OLD.mediation_org_id, 'received_on', OLD.received_on, 'filed_on', OLD.filed_on, 'workers_count', OLD.workers_count, 'applicant_name', OLD.applicant_name, 'applicant_id_number', OLD.applicant_id_number, 'applicant_phone', OLD.applicant_phone, 'member_id', OLD.member_id, 'employer_name', OLD.employer_name, 'employer_credit_code', OLD.employer_credit_code, 'employer_org_id', OLD.employer_org_id, 'dispute_type', OLD.dispute_type, 'claim_fen', OLD.claim_fen, 'agreed_fen', OLD.agreed_fen, 'mediator', OLD.mediator, 'status', OLD.status, 'closed_on', OLD.closed_on, 'outcome', OLD.outcome, 'referred_to_arbitration', OLD.referred_to_arbitration, 'version', OLD.version));
END;

CREATE TRIGGER case_events_audit_insert AFTER INSERT ON case_events
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'case_events', NEW.id, 'insert', json_object('id', NEW.id, 'case_id', NEW.case_id, 'at', NEW.at, 'login', NEW.login, 'kind', NEW.kind, 'from_status', NEW.from_status, 'to_status', NEW.to_status, 'body', NEW.body, 'version', NEW.version));
END;
CREATE TRIGGER case_events_audit_update AFTER UPDATE ON case_events
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'case_events', NEW.id, 'update', json_object('id', OLD.id, 'case_id', OLD.case_id, 'at', OLD.at, 'login', OLD.login, 'kind', OLD.kind, 'from_status', OLD.from_status, 'to_status', OLD.to_status, 'body', OLD.body, 'version', OLD.version), json_object('id', NEW.id, 'case_id', NEW.case_id, 'at', NEW.at, 'login', NEW.login, 'kind', NEW.kind, 'from_status', NEW.from_status, 'to_status', NEW.to_status, 'body', NEW.body, 'version', NEW.version));
END;
CREATE TRIGGER case_events_audit_delete AFTER DELETE ON case_events
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'case_events', OLD.id, 'delete', json_object('id', OLD.id, 'case_id', OLD.case_id, 'at', OLD.at, 'login', OLD.login, 'kind', OLD.kind, 'from_status', OLD.from_status, 'to_status', OLD.to_status, 'body', OLD.body, 'version', OLD.version));
END;

CREATE TRIGGER aid_recipients_audit_insert AFTER INSERT ON aid_recipients
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'aid_recipients', NEW.id, 'insert', json_object('id', NEW.id, 'member_id', NEW.member_id, 'hardship_level', NEW.hardship_level, 'hardship_category', NEW.hardship_category, 'household_size', NEW.household_size, 'income_fen', NEW.income_fen, 'address', NEW.address, 'registered_on', NEW.registered_on, 'status', NEW.status, 'version', NEW.version));
END;
CREATE TRIGGER aid_recipients_audit_update AFTER UPDATE ON aid_recipients
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'aid_recipients', NEW.id, 'update', json_object('id', OLD.id, 'member_id', OLD.member_id, 'hardship_level', OLD.hardship_level, 'hardship_category', OLD.hardship_category, 'household_size', OLD.household_size, 'income_fen', OLD.income_fen, 'address', OLD.address, 'registered_on', OLD.registered_on, 'status', OLD.status, 'version', OLD.version), json_object('id', NEW.id, 'member_id', NEW.member_id, 'hardship_level', NEW.hardship_level, 'hardship_category', NEW.hardship_category, 'household_size', NEW.household_size, 'income_fen', NEW.income_fen, 'address', NEW.address, 'registered_on', NEW.registered_on, 'status', NEW.status, 'version', NEW.version));
END;
CREATE TRIGGER aid_recipients_audit_delete AFTER DELETE ON aid_recipients
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'aid_recipients', OLD.id, 'delete', json_object('id', OLD.id, 'member_id', OLD.member_id, 'hardship_level', OLD.hardship_level, 'hardship_category', OLD.hardship_category, 'household_size', OLD.household_size, 'income_fen', OLD.income_fen, 'address', OLD.address, 'registered_on', OLD.registered_on, 'status', OLD.status, 'version', OLD.version));
END;

CREATE TRIGGER aid_grants_audit_insert AFTER INSERT ON aid_grants
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'aid_grants', NEW.id, 'insert', json_object('id', NEW.id, 'recipient_id', NEW.recipient_id, 'program', NEW.program, 'amount_fen', NEW.amount_fen, 'granted_on', NEW.granted_on, 'fund_source', NEW.fund_source, 'status', NEW.status, 'approved_by', NEW.approved_by, 'approved_on', NEW.approved_on, 'paid_on', NEW.paid_on, 'child_name', NEW.child_name, 'school', NEW.school, 'double_confirmed_by', NEW.double_confirmed_by, 'version', NEW.version));
END;
CREATE TRIGGER aid_grants_audit_update AFTER UPDATE ON aid_grants
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'aid_grants', NEW.id, 'update', json_object('id', OLD.id, 'recipient_id', OLD.recipient_id, 'program', OLD.program, 'amount_fen', OLD.amount_fen, 'granted_on', OLD.granted_on, 'fund_source', OLD.fund_source, 'status', OLD.status, 'approved_by', OLD.approved_by, 'approved_on', OLD.approved_on, 'paid_on', OLD.paid_on, 'child_name', OLD.child_name, 'school', OLD.school, 'double_confirmed_by', OLD.double_confirmed_by, 'version', OLD.version), json_object('id', NEW.id, 'recipient_id', NEW.recipient_id, 'program', NEW.program, 'amount_fen', NEW.amount_fen, 'granted_on', NEW.granted_on, 'fund_source', NEW.fund_source, 'status', NEW.status, 'approved_by', NEW.approved_by, 'approved_on', NEW.approved_on, 'paid_on', NEW.paid_on, 'child_name', NEW.child_name, 'school', NEW.school, 'double_confirmed_by', NEW.double_confirmed_by, 'version', NEW.version));
END;
CREATE TRIGGER aid_grants_audit_delete AFTER DELETE ON aid_grants
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'aid_grants', OLD.id, 'delete', json_object('id', OLD.id, 'recipient_id', OLD.recipient_id, 'program', OLD.program, 'amount_fen', OLD.amount_fen, 'granted_on', OLD.granted_on, 'fund_source', OLD.fund_source, 'status', OLD.status, 'approved_by', OLD.approved_by, 'approved_on', OLD.approved_on, 'paid_on', OLD.paid_on, 'child_name', OLD.child_name, 'school', OLD.school, 'double_confirmed_by', OLD.double_confirmed_by, 'version', OLD.version));
END;

CREATE TRIGGER courses_audit_insert AFTER INSERT ON courses
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'courses', NEW.id, 'insert', json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'organizer_org_id', NEW.organizer_org_id, 'starts_on', NEW.starts_on, 'ends_on', NEW.ends_on, 'hours', NEW.hours, 'location', NEW.location, 'capacity', NEW.capacity, 'fee_fen', NEW.fee_fen, 'member_discount_fen', NEW.member_discount_fen, 'version', NEW.version));
END;
CREATE TRIGGER courses_audit_update AFTER UPDATE ON courses
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'courses', NEW.id, 'update', json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'organizer_org_id', OLD.organizer_org_id, 'starts_on', OLD.starts_on, 'ends_on', OLD.ends_on, 'hours', OLD.hours, 'location', OLD.location, 'capacity', OLD.capacity, 'fee_fen', OLD.fee_fen, 'member_discount_fen', OLD.member_discount_fen, 'version', OLD.version), json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'organizer_org_id', NEW.organizer_org_id, 'starts_on', NEW.starts_on, 'ends_on', NEW.ends_on, 'hours', NEW.hours, 'location', NEW.location, 'capacity', NEW.capacity, 'fee_fen', NEW.fee_fen, 'member_discount_fen', NEW.member_discount_fen, 'version', NEW.version));
END;
CREATE TRIGGER courses_audit_delete AFTER DELETE ON courses
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'courses', OLD.id, 'delete', json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'organizer_org_id', OLD.organizer_org_id, 'starts_on', OLD.starts_on, 'ends_on', OLD.ends_on, 'hours', OLD.hours, 'location', OLD.location, 'capacity', OLD.capacity, 'fee_fen', OLD.fee_fen, 'member_discount_fen', OLD.member_discount_fen, 'version', OLD.version));
END;

CREATE TRIGGER enrolments_audit_insert AFTER INSERT ON enrolments
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'enrolments', NEW.id, 'insert', json_object('id', NEW.id, 'course_id', NEW.course_id, 'member_id', NEW.member_id, 'enrolled_on', NEW.enrolled_on, 'attended', NEW.attended, 'completed', NEW.completed, 'score', NEW.score, 'certificate_no', NEW.certificate_no, 'fee_paid_fen', NEW.fee_paid_fen, 'version', NEW.version));
END;
CREATE TRIGGER enrolments_audit_update AFTER UPDATE ON enrolments
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'enrolments', NEW.id, 'update', json_object('id', OLD.id, 'course_id', OLD.course_id, 'member_id', OLD.member_id, 'enrolled_on', OLD.enrolled_on, 'attended', OLD.attended, 'completed', OLD.completed, 'score', OLD.score, 'certificate_no', OLD.certificate_no, 'fee_paid_fen', OLD.fee_paid_fen, 'version', OLD.version), json_object('id', NEW.id, 'course_id', NEW.course_id, 'member_id', NEW.member_id, 'enrolled_on', NEW.enrolled_on, 'attended', NEW.attended, 'completed', NEW.completed, 'score', NEW.score, 'certificate_no', NEW.certificate_no, 'fee_paid_fen', NEW.fee_paid_fen, 'version', NEW.version));
END;
CREATE TRIGGER enrolments_audit_delete AFTER DELETE ON enrolments
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'enrolments', OLD.id, 'delete', json_object('id', OLD.id, 'course_id', OLD.course_id, 'member_id', OLD.member_id, 'enrolled_on', OLD.enrolled_on, 'attended', OLD.attended, 'completed', OLD.completed, 'score', OLD.score, 'certificate_no', OLD.certificate_no, 'fee_paid_fen', OLD.fee_paid_fen, 'version', OLD.version));
END;

CREATE TRIGGER users_audit_insert AFTER INSERT ON users
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'users', NEW.id, 'insert', json_object('id', NEW.id, 'login', NEW.login, 'display_name', NEW.display_name, 'role', NEW.role, 'active', NEW.active, 'version', NEW.version));
END;
CREATE TRIGGER users_audit_update AFTER UPDATE ON users
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'users', NEW.id, 'update', json_object('id', OLD.id, 'login', OLD.login, 'display_name', OLD.display_name, 'role', OLD.role, 'active', OLD.active, 'version', OLD.version), json_object('id', NEW.id, 'login', NEW.login, 'display_name', NEW.display_name, 'role', NEW.role, 'active', NEW.active, 'version', NEW.version));
END;
CREATE TRIGGER users_audit_delete AFTER DELETE ON users
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'users', OLD.id, 'delete', json_object('id', OLD.id, 'login', OLD.login, 'display_name', OLD.display_name, 'role', OLD.role, 'active', OLD.active, 'version', OLD.version));
END;
