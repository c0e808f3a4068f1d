-- What the mediation documents need (DESIGN.md, "Documents"): the
-- application form's content, the employer's representative, and the
-- agreement's terms and payment due date. Nullable columns added with
-- ALTER TABLE ADD COLUMN: no row is copied, every existing case keeps its
-- id and values and gets NULL in each new column (the CHECKs hold for
-- NULL). Lengths are in characters, as in 0001.
--
--   claims           请求事项: what the applicant asks for (≤ 1000)
--   facts            事实与理由: the facts and reasons (≤ 2000)
--   respondent_rep   被申请人代表人/委托代理人: who speaks for the employer (≤ 40)
--   agreement_terms  协议内容: the terms agreed, free text (≤ 2000)
--   payment_due_on   履行期限: the date by which the terms are performed;
--                    never before the filing date (or the date received
--                    when not filed); the module also keeps it from
--                    preceding the closing date
--
-- The reason a case is turned away (不予受理) or its mediation ends
-- (终止调解) is the outcome column, which every closing move already asks
-- for: no column is added for it.
--
-- The audit triggers of cases (as 0003 made them) name the columns they
-- record: they are made again with the new ones, so a change to the
-- agreement is in the audit log like any other. The search triggers (0004)
-- name only the columns they index and stay as they are. The migration runs
-- in one transaction.

ALTER TABLE cases ADD COLUMN claims TEXT CHECK (claims IS NULL OR length(claims) <= 1000);
ALTER TABLE cases ADD COLUMN facts TEXT CHECK (facts IS NULL OR length(facts) <= 2000);
ALTER TABLE cases ADD COLUMN respondent_rep TEXT CHECK (respondent_rep IS NULL OR length(respondent_rep) <= 40);
ALTER TABLE cases ADD COLUMN agreement_terms TEXT
    CHECK (agreement_terms IS NULL OR length(agreement_terms) <= 2000);
ALTER TABLE cases ADD COLUMN payment_due_on TEXT
    CHECK (payment_due_on IS NULL OR (date(payment_due_on) = payment_due_on
           AND payment_due_on >= coalesce(filed_on, received_on)));

DROP TRIGGER cases_audit_insert;
DROP TRIGGER cases_audit_update;
DROP TRIGGER cases_audit_delete;

CREATE TRIGGER cases_audit_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json)
    VALUES (ud_user(), ud_os_login(), 'cases', NEW.id, 'insert', json_object('id', NEW.id, 'case_no', NEW.case_no, 'mediation_org_id', NEW.mediation_org_id, 'received_on', NEW.received_on, 'filed_on', NEW.filed_on, 'workers_count', NEW.workers_count, 'applicant_name', NEW.applicant_name, 'applicant_id_number', NEW.applicant_id_number, 'applicant_phone', NEW.applicant_phone, 'member_id', NEW.member_id, 'employer_name', NEW.employer_name, 'employer_credit_code', NEW.employer_credit_code, 'employer_org_id', NEW.employer_org_id, 'dispute_type', NEW.dispute_type, 'claim_fen', NEW.claim_fen, 'agreed_fen', NEW.agreed_fen, 'mediator', NEW.mediator, 'status', NEW.status, 'closed_on', NEW.closed_on, 'outcome', NEW.outcome, 'referred_to_arbitration', NEW.referred_to_arbitration, 'claims', NEW.claims, 'facts', NEW.facts, 'respondent_rep', NEW.respondent_rep, 'agreement_terms', NEW.agreement_terms, 'payment_due_on', NEW.payment_due_on, 'version', NEW.version));
END;

CREATE TRIGGER cases_audit_update AFTER UPDATE ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json, after_json)
    VALUES (ud_user(), ud_os_login(), 'cases', NEW.id, 'update', json_object('id', OLD.id, 'case_no', OLD.case_no, 'mediation_org_id', OLD.mediation_org_id, 'received_on', OLD.received_on, 'filed_on', OLD.filed_on, 'workers_count', OLD.workers_count, 'applicant_name', OLD.applicant_name, 'applicant_id_number', OLD.applicant_id_number, 'applicant_phone', OLD.applicant_phone, 'member_id', OLD.member_id, 'employer_name', OLD.employer_name, 'employer_credit_code', OLD.employer_credit_code, 'employer_org_id', OLD.employer_org_id, 'dispute_type', OLD.dispute_type, 'claim_fen', OLD.claim_fen, 'agreed_fen', OLD.agreed_fen, 'mediator', OLD.mediator, 'status', OLD.status, 'closed_on', OLD.closed_on, 'outcome', OLD.outcome, 'referred_to_arbitration', OLD.referred_to_arbitration, 'claims', OLD.claims, 'facts', OLD.facts, 'respondent_rep', OLD.respondent_rep, 'agreement_terms', OLD.agreement_terms, 'payment_due_on', OLD.payment_due_on, 'version', OLD.version), json_object('id', NEW.id, 'case_no', NEW.case_no, 'mediation_org_id', NEW.mediation_org_id, 'received_on', NEW.received_on, 'filed_on', NEW.filed_on, 'workers_count', NEW.workers_count, 'applicant_name', NEW.applicant_name, 'applicant_id_number', NEW.applicant_id_number, 'applicant_phone', NEW.applicant_phone, 'member_id', NEW.member_id, 'employer_name', NEW.employer_name, 'employer_credit_code', NEW.employer_credit_code, 'employer_org_id', NEW.employer_org_id, 'dispute_type', NEW.dispute_type, 'claim_fen', NEW.claim_fen, 'agreed_fen', NEW.agreed_fen, 'mediator', NEW.mediator, 'status', NEW.status, 'closed_on', NEW.closed_on, 'outcome', NEW.outcome, 'referred_to_arbitration', NEW.referred_to_arbitration, 'claims', NEW.claims, 'facts', NEW.facts, 'respondent_rep', NEW.respondent_rep, 'agreement_terms', NEW.agreement_terms, 'payment_due_on', NEW.payment_due_on, 'version', NEW.version));
END;

CREATE TRIGGER cases_audit_delete AFTER DELETE ON cases
BEGIN
    INSERT INTO audit_log(login, os_login, tbl, row_id, action, before_json)
    VALUES (ud_user(), ud_os_login(), 'cases', OLD.id, 'delete', json_object('id', OLD.id, 'case_no', OLD.case_no, 'mediation_org_id', OLD.mediation_org_id, 'received_on', OLD.received_on, 'filed_on', OLD.filed_on, 'workers_count', OLD.workers_count, 'applicant_name', OLD.applicant_name, 'applicant_id_number', OLD.applicant_id_number, 'applicant_phone', OLD.applicant_phone, 'member_id', OLD.member_id, 'employer_name', OLD.employer_name, 'employer_credit_code', OLD.employer_credit_code, 'employer_org_id', OLD.employer_org_id, 'dispute_type', OLD.dispute_type, 'claim_fen', OLD.claim_fen, 'agreed_fen', OLD.agreed_fen, 'mediator', OLD.mediator, 'status', OLD.status, 'closed_on', OLD.closed_on, 'outcome', OLD.outcome, 'referred_to_arbitration', OLD.referred_to_arbitration, 'claims', OLD.claims, 'facts', OLD.facts, 'respondent_rep', OLD.respondent_rep, 'agreement_terms', OLD.agreement_terms, 'payment_due_on', OLD.payment_due_on, 'version', OLD.version));
END;
