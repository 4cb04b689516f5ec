-- What an indicator counts, in words, and where the number comes from: shown beside the field in the
-- district officer's quarterly form and edited in the indicator configuration. Text only: a definition
-- never changes a reported value's meaning (unit, aggregation and period stay locked once reported).
ALTER TABLE "indicators" ADD COLUMN "definition" TEXT;
ALTER TABLE "indicators" ADD COLUMN "definition_en" TEXT;
ALTER TABLE "indicators" ADD COLUMN "source" VARCHAR(200);
