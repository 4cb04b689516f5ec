-- A book year's figures are edited in a form ("Ubah"): the edit saves only at the version the user saw, as the
-- register records do; every write (the form's and the import's upsert) moves it by one.
ALTER TABLE "cooperative_years" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- An inspection's follow-up and status are recorded after the inspection (OPEN → FOLLOWED_UP → CLOSED), at the
-- version the user saw.
ALTER TABLE "inspections" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
