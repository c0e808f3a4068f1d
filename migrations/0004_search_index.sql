-- The search index: a clerk finds a member or a case from any fragment
-- (DESIGN.md, "Search finds any fragment"). Chosen by measuring on
-- 1,140,000 members (docs/architecture.md, "Search index"):
--
-- * member_grams / case_grams: every 1- and 2-character piece of a name
--   (and of an employer's name). A fragment of 1-2 characters is one key;
--   a longer one walks the key of its last two characters and checks the
--   name. FTS5 cannot serve these: MATCH needs 3 characters, and a
--   2-character LIKE on a trigram table silently finds nothing on 3.40.
-- * member_subs: the digits of a phone (from its 2nd digit) and of an ID
--   number (from its 2nd character), one row per starting position, the
--   next 8 characters as the key ('p' or 'i' first, so that phone runs
--   and ID number runs are ranges of their own): any run of digits is a
--   range of keys. pos tells where the run starts (ID numbers 100 +
--   position), so that a member found twice is kept once and a run
--   longer than 8 is checked.
--   An FTS5 trigram index was measured and rejected for digits: with only
--   1,000 digit trigrams its lists are long, and a birth date or a whole
--   ID number took 10-90 ms.
-- * cases_fts: FTS5 trigram over case number, applicant, ID number and
--   employer for fragments of 3 characters and more (cases are few enough).
--
-- All are kept by triggers, so every write (forms, imports, the demo)
-- changes them in its own transaction, and a rolled-back write leaves
-- them as they were. search_pos numbers the characters of a value (a
-- trigger cannot use a recursive WITH).
--
-- A bulk load (an import, the demo) would spend most of its time on the
-- triggers' scattered inserts into member_subs (22 a member): inside one,
-- ud_indexed_upto(0) (members) and (1) (cases) answer the highest id the
-- table held when it began, the triggers leave later rows alone, and
-- before its COMMIT the indexes of those rows are added from the tables
-- in key order (src/modules/search_bulk.c). Outside one they answer the
-- largest integer: every row is indexed at once.

CREATE TABLE search_pos (n INTEGER PRIMARY KEY);
INSERT INTO search_pos(n)
    WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 60) SELECT n FROM i;

CREATE TABLE member_grams (
    gram      TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    PRIMARY KEY (gram, member_id)
) WITHOUT ROWID;
CREATE TABLE member_subs (
    term      TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    pos       INTEGER NOT NULL,
    PRIMARY KEY (term, member_id, pos)
) WITHOUT ROWID;

CREATE TABLE case_grams (
    gram    TEXT NOT NULL,
    case_id INTEGER NOT NULL,
    PRIMARY KEY (gram, case_id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE cases_fts USING fts5(case_no, applicant_name, applicant_id_number, employer_name,
                                          content='cases', content_rowid='id', tokenize='trigram');

-- The rows already there, each index filled in its own key order.
INSERT INTO member_subs(term, member_id, pos)
    SELECT t, id, pos FROM (SELECT 'p' || substr(m.phone, p.n, 8) AS t, m.id, p.n AS pos FROM members m
                                JOIN search_pos p ON p.n BETWEEN 2 AND length(m.phone) - 2
                            UNION ALL
                            SELECT 'i' || substr(m.id_number, p.n, 8), m.id, 100 + p.n FROM members m
                                JOIN search_pos p ON p.n BETWEEN 2 AND length(m.id_number) - 3)
    ORDER BY 1, 2, 3;
INSERT OR IGNORE INTO member_grams(gram, member_id)
    SELECT g, id FROM (SELECT substr(m.name, p.n, 1) AS g, m.id FROM members m JOIN search_pos p ON p.n <= length(m.name)
                       UNION ALL
                       SELECT substr(m.name, p.n, 2), m.id FROM members m JOIN search_pos p ON p.n < length(m.name))
    ORDER BY 1, 2;
INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');
INSERT OR IGNORE INTO case_grams(gram, case_id)
    SELECT g, id FROM (SELECT substr(c.applicant_name, p.n, 1) AS g, c.id FROM cases c
                           JOIN search_pos p ON p.n <= length(c.applicant_name)
                       UNION ALL
                       SELECT substr(c.applicant_name, p.n, 2), c.id FROM cases c
                           JOIN search_pos p ON p.n < length(c.applicant_name)
                       UNION ALL
                       SELECT substr(c.employer_name, p.n, 1), c.id FROM cases c
                           JOIN search_pos p ON p.n <= length(c.employer_name)
                       UNION ALL
                       SELECT substr(c.employer_name, p.n, 2), c.id FROM cases c
                           JOIN search_pos p ON p.n < length(c.employer_name))
    ORDER BY 1, 2;

CREATE TRIGGER members_search_insert AFTER INSERT ON members WHEN NEW.id <= ud_indexed_upto(0)
BEGIN
    INSERT INTO member_subs(term, member_id, pos)
        SELECT 'p' || substr(NEW.phone, n, 8), NEW.id, n FROM search_pos WHERE n BETWEEN 2 AND length(NEW.phone) - 2
        UNION ALL SELECT 'i' || substr(NEW.id_number, n, 8), NEW.id, 100 + n FROM search_pos
            WHERE n BETWEEN 2 AND length(NEW.id_number) - 3;
    INSERT OR IGNORE INTO member_grams(gram, member_id)
        SELECT substr(NEW.name, n, 1), NEW.id FROM search_pos WHERE n <= length(NEW.name)
        UNION ALL SELECT substr(NEW.name, n, 2), NEW.id FROM search_pos WHERE n < length(NEW.name);
END;
CREATE TRIGGER members_search_delete AFTER DELETE ON members WHEN OLD.id <= ud_indexed_upto(0)
BEGIN
    DELETE FROM member_subs WHERE member_id = OLD.id AND term IN
        (SELECT 'p' || substr(OLD.phone, n, 8) FROM search_pos WHERE n BETWEEN 2 AND length(OLD.phone) - 2
         UNION ALL SELECT 'i' || substr(OLD.id_number, n, 8) FROM search_pos WHERE n BETWEEN 2 AND length(OLD.id_number) - 3);
    DELETE FROM member_grams WHERE member_id = OLD.id AND gram IN
        (SELECT substr(OLD.name, n, 1) FROM search_pos WHERE n <= length(OLD.name)
         UNION ALL SELECT substr(OLD.name, n, 2) FROM search_pos WHERE n < length(OLD.name));
END;
CREATE TRIGGER members_search_update AFTER UPDATE OF name, phone, id_number ON members
    WHEN OLD.id <= ud_indexed_upto(0)
BEGIN
    DELETE FROM member_subs WHERE member_id = OLD.id AND term IN
        (SELECT 'p' || substr(OLD.phone, n, 8) FROM search_pos WHERE n BETWEEN 2 AND length(OLD.phone) - 2
         UNION ALL SELECT 'i' || substr(OLD.id_number, n, 8) FROM search_pos WHERE n BETWEEN 2 AND length(OLD.id_number) - 3);
    INSERT INTO member_subs(term, member_id, pos)
        SELECT 'p' || substr(NEW.phone, n, 8), NEW.id, n FROM search_pos WHERE n BETWEEN 2 AND length(NEW.phone) - 2
        UNION ALL SELECT 'i' || substr(NEW.id_number, n, 8), NEW.id, 100 + n FROM search_pos
            WHERE n BETWEEN 2 AND length(NEW.id_number) - 3;
    DELETE FROM member_grams WHERE member_id = OLD.id AND gram IN
        (SELECT substr(OLD.name, n, 1) FROM search_pos WHERE n <= length(OLD.name)
         UNION ALL SELECT substr(OLD.name, n, 2) FROM search_pos WHERE n < length(OLD.name));
    INSERT OR IGNORE INTO member_grams(gram, member_id)
        SELECT substr(NEW.name, n, 1), NEW.id FROM search_pos WHERE n <= length(NEW.name)
        UNION ALL SELECT substr(NEW.name, n, 2), NEW.id FROM search_pos WHERE n < length(NEW.name);
END;

CREATE TRIGGER cases_search_insert AFTER INSERT ON cases WHEN NEW.id <= ud_indexed_upto(1)
BEGIN
    INSERT INTO cases_fts(rowid, case_no, applicant_name, applicant_id_number, employer_name)
        VALUES (NEW.id, NEW.case_no, NEW.applicant_name, NEW.applicant_id_number, NEW.employer_name);
    INSERT OR IGNORE INTO case_grams(gram, case_id)
        SELECT substr(NEW.applicant_name, n, 1), NEW.id FROM search_pos WHERE n <= length(NEW.applicant_name)
        UNION ALL SELECT substr(NEW.applicant_name, n, 2), NEW.id FROM search_pos WHERE n < length(NEW.applicant_name)
        UNION ALL SELECT substr(NEW.employer_name, n, 1), NEW.id FROM search_pos WHERE n <= length(NEW.employer_name)
        UNION ALL SELECT substr(NEW.employer_name, n, 2), NEW.id FROM search_pos WHERE n < length(NEW.employer_name);
END;
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases WHEN OLD.id <= ud_indexed_upto(1)
BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, case_no, applicant_name, applicant_id_number, employer_name)
        VALUES ('delete', OLD.id, OLD.case_no, OLD.applicant_name, OLD.applicant_id_number, OLD.employer_name);
    DELETE FROM case_grams WHERE case_id = OLD.id AND gram IN
        (SELECT substr(OLD.applicant_name, n, 1) FROM search_pos WHERE n <= length(OLD.applicant_name)
         UNION ALL SELECT substr(OLD.applicant_name, n, 2) FROM search_pos WHERE n < length(OLD.applicant_name)
         UNION ALL SELECT substr(OLD.employer_name, n, 1) FROM search_pos WHERE n <= length(OLD.employer_name)
         UNION ALL SELECT substr(OLD.employer_name, n, 2) FROM search_pos WHERE n < length(OLD.employer_name));
END;
CREATE TRIGGER cases_search_update AFTER UPDATE OF case_no, applicant_name, applicant_id_number, employer_name ON cases
    WHEN OLD.id <= ud_indexed_upto(1)
BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, case_no, applicant_name, applicant_id_number, employer_name)
        VALUES ('delete', OLD.id, OLD.case_no, OLD.applicant_name, OLD.applicant_id_number, OLD.employer_name);
    INSERT INTO cases_fts(rowid, case_no, applicant_name, applicant_id_number, employer_name)
        VALUES (NEW.id, NEW.case_no, NEW.applicant_name, NEW.applicant_id_number, NEW.employer_name);
    DELETE FROM case_grams WHERE case_id = OLD.id AND gram IN
        (SELECT substr(OLD.applicant_name, n, 1) FROM search_pos WHERE n <= length(OLD.applicant_name)
         UNION ALL SELECT substr(OLD.applicant_name, n, 2) FROM search_pos WHERE n < length(OLD.applicant_name)
         UNION ALL SELECT substr(OLD.employer_name, n, 1) FROM search_pos WHERE n <= length(OLD.employer_name)
         UNION ALL SELECT substr(OLD.employer_name, n, 2) FROM search_pos WHERE n < length(OLD.employer_name));
    INSERT OR IGNORE INTO case_grams(gram, case_id)
        SELECT substr(NEW.applicant_name, n, 1), NEW.id FROM search_pos WHERE n <= length(NEW.applicant_name)
        UNION ALL SELECT substr(NEW.applicant_name, n, 2), NEW.id FROM search_pos WHERE n < length(NEW.applicant_name)
        UNION ALL SELECT substr(NEW.employer_name, n, 1), NEW.id FROM search_pos WHERE n <= length(NEW.employer_name)
        UNION ALL SELECT substr(NEW.employer_name, n, 2), NEW.id FROM search_pos WHERE n < length(NEW.employer_name);
END;
