-- Register searches ignore capitals, accents and the styles of quotes and dashes (lib/parse.ts SEARCH_FOLD says why):
-- an officer types plain ASCII, the names come pasted from documents with curly quotes and accents.
-- search_fold is the folding as one IMMUTABLE SQL function on translate() alone (no extension, and no lower(), whose
-- result hangs on the collation), character for character the pairs of SEARCH_FOLD: an integration test holds them equal.
CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fold$ SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčÐðĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšßŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŸŶŷŹźŻżŽž‐‑‒–—―−"“”„‟«»″''‘’‚‛`´ʼ′', 'abcdefghijklmnopqrstuvwxyzaaaaaaaaaaaaaaaaaaccccccccccddddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrsssssssssttttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz-------') $fold$;

-- The searched names folded, kept by PostgreSQL (never written by the app, as members_total), each with the trigram
-- index the search reads: LIKE with wildcards on both sides stays an index scan at 300,000 MSMEs.
ALTER TABLE "cooperatives" ADD COLUMN "name_search" TEXT NOT NULL GENERATED ALWAYS AS (search_fold("name")) STORED;
ALTER TABLE "msmes" ADD COLUMN "business_name_search" TEXT NOT NULL GENERATED ALWAYS AS (search_fold("business_name")) STORED;
ALTER TABLE "msmes" ADD COLUMN "owner_name_search" TEXT NOT NULL GENERATED ALWAYS AS (search_fold("owner_name")) STORED;
CREATE INDEX "cooperatives_name_search_trgm_idx" ON "cooperatives" USING GIN ("name_search" gin_trgm_ops);
CREATE INDEX "msmes_business_name_search_trgm_idx" ON "msmes" USING GIN ("business_name_search" gin_trgm_ops);
CREATE INDEX "msmes_owner_name_search_trgm_idx" ON "msmes" USING GIN ("owner_name_search" gin_trgm_ops);

-- The trigram indexes on the unfolded names served only these searches: dropped, so each write keeps one fewer.
DROP INDEX "cooperatives_name_trgm_idx";
DROP INDEX "msmes_business_name_trgm_idx";
DROP INDEX "msmes_owner_name_trgm_idx";
