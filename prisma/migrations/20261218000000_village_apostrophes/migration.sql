-- The region list wrote the apostrophe of 24 Madurese village names as a double quote (Ra"as, Tamba"an);
-- the seed now stores the apostrophe as the other 397 names do. Databases seeded before are corrected here.
UPDATE villages SET name = replace(name, '"', '''') WHERE name LIKE '%"%';
UPDATE districts SET name = replace(name, '"', '''') WHERE name LIKE '%"%';
