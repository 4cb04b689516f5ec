-- A book year's amounts may be unreported: a district officer who knows only a year's assets leaves the other four
-- empty, and NOT NULL DEFAULT 0 had stored and shown them as Rp0 ("SHU Rp0" where nobody reported an SHU). NULL is
-- "not reported" (belum dilaporkan), 0 a figure someone stated. Existing rows keep their values: which of their zeros
-- were blanks cannot be told, so none is guessed.
ALTER TABLE "cooperative_years"
  ALTER COLUMN "own_capital" DROP NOT NULL, ALTER COLUMN "own_capital" DROP DEFAULT,
  ALTER COLUMN "external_capital" DROP NOT NULL, ALTER COLUMN "external_capital" DROP DEFAULT,
  ALTER COLUMN "assets" DROP NOT NULL, ALTER COLUMN "assets" DROP DEFAULT,
  ALTER COLUMN "business_volume" DROP NOT NULL, ALTER COLUMN "business_volume" DROP DEFAULT,
  ALTER COLUMN "net_surplus" DROP NOT NULL, ALTER COLUMN "net_surplus" DROP DEFAULT;
