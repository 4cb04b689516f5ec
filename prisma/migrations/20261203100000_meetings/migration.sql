-- CreateEnum
CREATE TYPE "MeetingType" AS ENUM ('RAKOR', 'RAKORNIS', 'RAKORTEK', 'OTHER');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PLANNED', 'PRESENT', 'ABSENT', 'REPRESENTED');

-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('INFORMATION', 'DECISION', 'RECOMMENDATION');

-- CreateEnum
CREATE TYPE "ActionOwnerKind" AS ENUM ('REGENCY', 'BANK', 'UNIT', 'USER');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "MeetingDocumentKind" AS ENUM ('INVITATION', 'ATTENDANCE', 'MATERIAL', 'PHOTO', 'MINUTES', 'EVIDENCE', 'OTHER');

-- CreateTable
CREATE TABLE "meetings" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" "MeetingType" NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "venue" TEXT,
    "city" TEXT,
    "host_regency_code" VARCHAR(5),
    "organiser" TEXT NOT NULL,
    "chair" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "previous_meeting_id" TEXT,
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_participants" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "user_id" TEXT,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "agency" TEXT NOT NULL,
    "regency_code" VARCHAR(5),
    "bank_id" TEXT,
    "attendance" "AttendanceStatus" NOT NULL DEFAULT 'PLANNED',
    "represented_by" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "meeting_participants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_items" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "presenter" TEXT,
    "duration_minutes" INTEGER,
    "minutes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "agenda_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_outcomes" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "agenda_item_id" TEXT NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "text" TEXT NOT NULL,
    "program_id" TEXT,
    "indicator_code" VARCHAR(32),
    "regency_code" VARCHAR(5),
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_outcomes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_items" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "agenda_item_id" TEXT,
    "outcome_id" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "owner_kind" "ActionOwnerKind" NOT NULL,
    "owner_regency_code" VARCHAR(5),
    "owner_bank_id" TEXT,
    "owner_unit" TEXT,
    "owner_user_id" TEXT,
    "due_date" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "closed_at" TIMESTAMP(3),
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "action_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_progress_notes" (
    "id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "status_from" "ActionStatus",
    "status_to" "ActionStatus",
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_progress_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_documents" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "action_id" TEXT,
    "kind" "MeetingDocumentKind" NOT NULL,
    "filename" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "content" BYTEA,
    "storage_path" TEXT,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meetings_starts_at_idx" ON "meetings"("starts_at");

-- CreateIndex
CREATE INDEX "meetings_type_starts_at_idx" ON "meetings"("type", "starts_at");

-- CreateIndex
CREATE INDEX "meetings_status_idx" ON "meetings"("status");

-- CreateIndex
CREATE INDEX "meetings_host_regency_code_idx" ON "meetings"("host_regency_code");

-- CreateIndex
CREATE INDEX "meeting_participants_meeting_id_idx" ON "meeting_participants"("meeting_id");

-- CreateIndex
CREATE INDEX "meeting_participants_regency_code_idx" ON "meeting_participants"("regency_code");

-- CreateIndex
CREATE INDEX "meeting_participants_bank_id_idx" ON "meeting_participants"("bank_id");

-- CreateIndex
CREATE INDEX "agenda_items_meeting_id_position_idx" ON "agenda_items"("meeting_id", "position");

-- CreateIndex
CREATE INDEX "meeting_outcomes_meeting_id_idx" ON "meeting_outcomes"("meeting_id");

-- CreateIndex
CREATE INDEX "meeting_outcomes_agenda_item_id_idx" ON "meeting_outcomes"("agenda_item_id");

-- CreateIndex
CREATE INDEX "meeting_outcomes_program_id_idx" ON "meeting_outcomes"("program_id");

-- CreateIndex
CREATE INDEX "action_items_status_due_date_idx" ON "action_items"("status", "due_date");

-- CreateIndex
CREATE INDEX "action_items_due_date_idx" ON "action_items"("due_date");

-- CreateIndex
CREATE INDEX "action_items_meeting_id_idx" ON "action_items"("meeting_id");

-- CreateIndex
CREATE INDEX "action_items_owner_regency_code_status_idx" ON "action_items"("owner_regency_code", "status");

-- CreateIndex
CREATE INDEX "action_items_owner_bank_id_status_idx" ON "action_items"("owner_bank_id", "status");

-- CreateIndex
CREATE INDEX "action_progress_notes_action_id_created_at_idx" ON "action_progress_notes"("action_id", "created_at");

-- CreateIndex
CREATE INDEX "meeting_documents_meeting_id_idx" ON "meeting_documents"("meeting_id");

-- CreateIndex
CREATE INDEX "meeting_documents_action_id_idx" ON "meeting_documents"("action_id");

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_regency_code_fkey" FOREIGN KEY ("host_regency_code") REFERENCES "regencies"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_previous_meeting_id_fkey" FOREIGN KEY ("previous_meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "credit_programs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_outcome_id_fkey" FOREIGN KEY ("outcome_id") REFERENCES "meeting_outcomes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_regency_code_fkey" FOREIGN KEY ("owner_regency_code") REFERENCES "regencies"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_bank_id_fkey" FOREIGN KEY ("owner_bank_id") REFERENCES "banks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_progress_notes" ADD CONSTRAINT "action_progress_notes_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_progress_notes" ADD CONSTRAINT "action_progress_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards the database keeps even if a code path forgets them (Prisma does not model CHECK constraints)
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_end_after_start" CHECK ("ends_at" > "starts_at");
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_stored" CHECK ("size" > 0 AND ("content" IS NOT NULL OR "storage_path" IS NOT NULL));
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_closed_at" CHECK (("status" IN ('DONE', 'DROPPED')) = ("closed_at" IS NOT NULL));
