-- Active members per organization, kept by the database, so that the
-- organization tree opens without counting 1,000,000 members (issue 10:
-- a GROUP BY over members took 73-81 ms at scale 1, the goal is 50 ms
-- for the whole tree at scale 3). An organization with no row, or a row
-- of 0, has no active members.
--
-- Kept by triggers like the search index of 0004: inside a bulk load
-- (an import, the demo) ud_indexed_upto(0) answers the highest member id
-- the table held when it began, the triggers leave later rows alone, and
-- before its COMMIT their counts are added by one GROUP BY over the new
-- ids (src/modules/search_bulk.c). `uniondesk check` compares the table
-- with the GROUP BY.

CREATE TABLE org_member_counts (
    org_id INTEGER PRIMARY KEY,
    active INTEGER NOT NULL
);
INSERT INTO org_member_counts(org_id, active)
    SELECT org_id, count(*) FROM members WHERE status = 'active' GROUP BY org_id;

CREATE TRIGGER members_count_insert AFTER INSERT ON members
    WHEN NEW.status = 'active' AND NEW.id <= ud_indexed_upto(0)
BEGIN
    INSERT INTO org_member_counts(org_id, active) VALUES (NEW.org_id, 1)
        ON CONFLICT(org_id) DO UPDATE SET active = active + 1;
END;
CREATE TRIGGER members_count_delete AFTER DELETE ON members
    WHEN OLD.status = 'active' AND OLD.id <= ud_indexed_upto(0)
BEGIN
    UPDATE org_member_counts SET active = active - 1 WHERE org_id = OLD.org_id;
END;
CREATE TRIGGER members_count_update AFTER UPDATE OF org_id, status ON members
    WHEN (OLD.status = 'active' OR NEW.status = 'active') AND OLD.id <= ud_indexed_upto(0)
BEGIN
    UPDATE org_member_counts SET active = active - 1 WHERE org_id = OLD.org_id AND OLD.status = 'active';
    INSERT INTO org_member_counts(org_id, active) SELECT NEW.org_id, 1 WHERE NEW.status = 'active'
        ON CONFLICT(org_id) DO UPDATE SET active = active + 1;
END;
CREATE TRIGGER orgs_count_delete AFTER DELETE ON orgs
BEGIN
    DELETE FROM org_member_counts WHERE org_id = OLD.id;
END;
