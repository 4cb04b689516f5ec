-- Spreadsheet imports (lib/imports): the uploaded file, its column mapping, the dry run's verdict per row
-- and the summary; the per-user remembered mapping per kind.
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'CHECKING', 'CHECKED', 'IMPORTING', 'DONE', 'FAILED', 'CANCELLED');

CREATE TABLE "imports" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "regency_code" VARCHAR(5),
    "bank_id" TEXT,
    "file_name" TEXT NOT NULL,
    "file_hash" VARCHAR(64) NOT NULL,
    "file_size" INTEGER NOT NULL,
    "file_format" TEXT NOT NULL,
    "file" BYTEA NOT NULL,
    "sheets" JSONB NOT NULL DEFAULT '[]',
    "sheet_name" TEXT,
    "mapping" JSONB,
    "mode" TEXT NOT NULL DEFAULT 'ALL',
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "job_id" TEXT,
    "summary" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "imports_created_by_id_created_at_idx" ON "imports"("created_by_id", "created_at");
CREATE INDEX "imports_kind_created_at_idx" ON "imports"("kind", "created_at");
CREATE INDEX "imports_created_at_idx" ON "imports"("created_at");

CREATE TABLE "import_rows" (
    "import_id" TEXT NOT NULL,
    "row_number" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "key" TEXT,
    "values" JSONB NOT NULL,
    "errors" JSONB,
    "changes" JSONB,

    CONSTRAINT "import_rows_pkey" PRIMARY KEY ("import_id", "row_number")
);
CREATE INDEX "import_rows_import_id_outcome_idx" ON "import_rows"("import_id", "outcome");
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "import_mappings" (
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("user_id", "kind")
);
