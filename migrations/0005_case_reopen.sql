-- A closed case can be reopened (DESIGN.md, "A mistaken move can be
-- undone"): its timeline records that as an event of kind 'reopened',
-- carrying the statuses moved between and the reason. The CHECK on kind
-- cannot be altered, so case_events is rebuilt following the ALTER TABLE
-- procedure of SQLite's documentation: no table refers to case_events, so
-- foreign keys need not be switched off; the rows keep their ids; the
-- index and the audit triggers (as 0003 made them) are made again. The
-- migration runs in one transaction.
--
-- The mediator pick list offers earlier mediators, most used first
-- (ud_case_mediators): counted from an index, not a scan of the cases.

CREATE TABLE case_events_new (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    login       TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('note', 'session', 'phone', 'visit', 'status', 'reopened')),
    from_status TEXT,
    to_status   TEXT,
    body        TEXT CHECK (body IS NULL OR length(body) <= 2000),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((kind IN ('status', 'reopened')) = (to_status IS NOT NULL)),
    -- a reopening names the state it left and has a reason
    CHECK (kind <> 'reopened' OR (from_status IS NOT NULL AND body IS NOT NULL))
);
INSERT INTO case_events_new(id, case_id, at, login, kind, from_status, to_status, body, created_at,
                            updated_at, version)
    SELECT id, case_id, at, login, kind, from_status, to_status, body, created_at, updated_at, version
    FROM case_events;
DROP TABLE case_events;
ALTER TABLE case_events_new RENAME TO case_events;
CREATE INDEX case_events_case ON case_events(case_id, at);
CREATE INDEX cases_mediator ON cases(mediator);

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
