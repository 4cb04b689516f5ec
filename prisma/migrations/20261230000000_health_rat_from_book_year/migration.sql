-- The seeded worksheet question KK3 (RAT of the last book year held) reads the answer the book year records
-- (cooperative_years.rat_held): the worksheet prefills it and warns on a contrary answer. A yes/no component keeps
-- that link in its numerator column (lib/registers/health.ts HEALTH_YEAR_ANSWERS), unused by a yes/no until now.
-- Every version holding the seeded question, so an older assessment reads as before (a yes/no scores by its answer alone).
UPDATE health_template_components SET numerator = 'RAT_HELD'
WHERE kind = 'YES_NO' AND code = 'KK3' AND numerator IS NULL AND label LIKE '%(RAT)%';
