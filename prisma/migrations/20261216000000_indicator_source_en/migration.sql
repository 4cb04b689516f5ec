-- Where an indicator's number comes from, in English, beside its name and definition in English: the English
-- quarterly form showed the Indonesian source marked as Indonesian. Empty until the agency writes it (the seed
-- writes it for the seeded indicators); the form then falls back to the Indonesian source.
ALTER TABLE "indicators" ADD COLUMN "source_en" VARCHAR(200);
