-- The members' search index filled in bulk, as an import does before
-- COMMIT (src/modules/search_bulk.c): member_subs, then member_grams, for
-- the members with ?1 < id <= ?2, each in its own key order. The bench's
-- shell anchor (bench/import_members.py) runs these for every slice of
-- 20,000 ids, so it does the same work as `uniondesk import members`.
-- While search_bulk.c keeps these statements in SQL the bench reads them
-- from there and checks they equal this file; once the fill is written in
-- C this file is the reference, and the bench compares the two sides'
-- member_subs and member_grams row by row.
INSERT INTO member_subs(term, member_id, pos) SELECT t, id, pos FROM (SELECT 'p' || substr(m.phone, p.n, 8) AS t, m.id, p.n AS pos FROM members m     JOIN search_pos p ON p.n BETWEEN 2 AND length(m.phone) - 2 WHERE m.id > ?1 AND m.id <= ?2   UNION ALL   SELECT 'i' || substr(m.id_number, p.n, 8), m.id, 100 + p.n FROM members m     JOIN search_pos p ON p.n BETWEEN 2 AND length(m.id_number) - 3 WHERE m.id > ?1 AND m.id <= ?2) ORDER BY 1, 2, 3;
INSERT OR IGNORE INTO member_grams(gram, member_id) SELECT g, id FROM (SELECT substr(m.name, p.n, 1) AS g, m.id FROM members m     JOIN search_pos p ON p.n <= length(m.name) WHERE m.id > ?1 AND m.id <= ?2   UNION ALL   SELECT substr(m.name, p.n, 2), m.id FROM members m JOIN search_pos p ON p.n < length(m.name) WHERE m.id > ?1 AND m.id <= ?2) ORDER BY 1, 2;
