-- Names and titles the lists sort A–Z sort by letter, not by byte: under the database's C collation every capital
-- came before every small letter, so "KPRI …", "KSP …" and "KUD …" came before "Koperasi …", and a name typed in
-- small letters landed after Z. ICU's root collation ("und-x-icu", in every common PostgreSQL build since 10)
-- orders them as a reader does. Their indexes are rebuilt under it, so the sorted pages still read them in order.
ALTER TABLE "cooperatives" ALTER COLUMN "name" TYPE text COLLATE "und-x-icu";
ALTER TABLE "msmes" ALTER COLUMN "business_name" TYPE text COLLATE "und-x-icu";
ALTER TABLE "users" ALTER COLUMN "name" TYPE text COLLATE "und-x-icu";
ALTER TABLE "meetings" ALTER COLUMN "title" TYPE text COLLATE "und-x-icu";
ALTER TABLE "action_items" ALTER COLUMN "title" TYPE text COLLATE "und-x-icu";
ALTER TABLE "activities" ALTER COLUMN "title" TYPE text COLLATE "und-x-icu";
