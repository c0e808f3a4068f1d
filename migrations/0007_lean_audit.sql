-- Lean audit log (issue 10). Placeholder reserving version 7 while the
-- work is on branch `audit`; replaced there before any release.
SELECT 1;
