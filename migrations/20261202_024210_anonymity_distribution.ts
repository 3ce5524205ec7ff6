import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_copies_redaction_status" AS ENUM('none', 'pending', 'done', 'failed');
  CREATE TYPE "public"."enum_copies_marking_review_state" AS ENUM('none', 'pending', 'agreed', 'flagged', 'arbitration', 'decided');
  CREATE TYPE "public"."enum_assignments_role" AS ENUM('marker', 'arbiter');
  CREATE TYPE "public"."enum_assignments_state" AS ENUM('active', 'released');
  ALTER TYPE "public"."enum_media_kind" ADD VALUE 'redacted-pdf';
  ALTER TYPE "public"."enum_media_kind" ADD VALUE 'redacted-thumbnail';
  CREATE TABLE "assignments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"exam_id" integer NOT NULL,
  	"copy_id" integer NOT NULL,
  	"corrector_id" integer NOT NULL,
  	"marking" numeric DEFAULT 1 NOT NULL,
  	"question_keys" jsonb,
  	"role" "enum_assignments_role" DEFAULT 'marker',
  	"state" "enum_assignments_state" DEFAULT 'active',
  	"done_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  DROP INDEX "copy_questionKey_idx";
  ALTER TABLE "exams" ADD COLUMN "identity_zone" jsonb;
  ALTER TABLE "exams" ADD COLUMN "distribution" jsonb;
  ALTER TABLE "copies" ADD COLUMN "identity_zones" jsonb;
  ALTER TABLE "copies" ADD COLUMN "decided_marking" numeric DEFAULT 1;
  ALTER TABLE "copies" ADD COLUMN "redaction_status" "enum_copies_redaction_status" DEFAULT 'none';
  ALTER TABLE "copies" ADD COLUMN "redaction_zones" numeric;
  ALTER TABLE "copies" ADD COLUMN "redaction_rendered_at" timestamp(3) with time zone;
  ALTER TABLE "copies" ADD COLUMN "redaction_pdf_id" integer;
  ALTER TABLE "copies" ADD COLUMN "redaction_thumbnail_id" integer;
  ALTER TABLE "copies" ADD COLUMN "redaction_key" varchar;
  ALTER TABLE "copies" ADD COLUMN "redaction_error" varchar;
  ALTER TABLE "copies" ADD COLUMN "marking_review_state" "enum_copies_marking_review_state" DEFAULT 'none';
  ALTER TABLE "copies" ADD COLUMN "marking_review_decided_by_id" integer;
  ALTER TABLE "copies" ADD COLUMN "marking_review_decided_at" timestamp(3) with time zone;
  ALTER TABLE "copies" ADD COLUMN "marking_review_detail" jsonb;
  ALTER TABLE "grades" ADD COLUMN "marking" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "annotations" ADD COLUMN "marking" numeric DEFAULT 1;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "assignments_id" integer;
  ALTER TABLE "assignments" ADD CONSTRAINT "assignments_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignments" ADD CONSTRAINT "assignments_copy_id_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."copies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignments" ADD CONSTRAINT "assignments_corrector_id_users_id_fk" FOREIGN KEY ("corrector_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "assignments_exam_idx" ON "assignments" USING btree ("exam_id");
  CREATE INDEX "assignments_copy_idx" ON "assignments" USING btree ("copy_id");
  CREATE INDEX "assignments_corrector_idx" ON "assignments" USING btree ("corrector_id");
  CREATE INDEX "assignments_state_idx" ON "assignments" USING btree ("state");
  CREATE INDEX "assignments_updated_at_idx" ON "assignments" USING btree ("updated_at");
  CREATE INDEX "assignments_created_at_idx" ON "assignments" USING btree ("created_at");
  ALTER TABLE "copies" ADD CONSTRAINT "copies_redaction_pdf_id_media_id_fk" FOREIGN KEY ("redaction_pdf_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "copies" ADD CONSTRAINT "copies_redaction_thumbnail_id_media_id_fk" FOREIGN KEY ("redaction_thumbnail_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "copies" ADD CONSTRAINT "copies_marking_review_decided_by_id_users_id_fk" FOREIGN KEY ("marking_review_decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_assignments_fk" FOREIGN KEY ("assignments_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "copies_redaction_redaction_pdf_idx" ON "copies" USING btree ("redaction_pdf_id");
  CREATE INDEX "copies_redaction_redaction_thumbnail_idx" ON "copies" USING btree ("redaction_thumbnail_id");
  CREATE INDEX "copies_marking_review_marking_review_decided_by_idx" ON "copies" USING btree ("marking_review_decided_by_id");
  CREATE INDEX "grades_marking_idx" ON "grades" USING btree ("marking");
  CREATE UNIQUE INDEX "copy_questionKey_marking_idx" ON "grades" USING btree ("copy_id","question_key","marking");
  CREATE INDEX "annotations_marking_idx" ON "annotations" USING btree ("marking");
  CREATE INDEX "payload_locked_documents_rels_assignments_id_idx" ON "payload_locked_documents_rels" USING btree ("assignments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "assignments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "assignments" CASCADE;
  ALTER TABLE "copies" DROP CONSTRAINT "copies_redaction_pdf_id_media_id_fk";
  
  ALTER TABLE "copies" DROP CONSTRAINT "copies_redaction_thumbnail_id_media_id_fk";
  
  ALTER TABLE "copies" DROP CONSTRAINT "copies_marking_review_decided_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_assignments_fk";
  
  ALTER TABLE "media" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_media_kind";
  CREATE TYPE "public"."enum_media_kind" AS ENUM('copy-pdf', 'thumbnail', 'header-crop', 'annotated-pdf', 'export');
  ALTER TABLE "media" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_media_kind" USING "kind"::"public"."enum_media_kind";
  DROP INDEX "copies_redaction_redaction_pdf_idx";
  DROP INDEX "copies_redaction_redaction_thumbnail_idx";
  DROP INDEX "copies_marking_review_marking_review_decided_by_idx";
  DROP INDEX "grades_marking_idx";
  DROP INDEX "copy_questionKey_marking_idx";
  DROP INDEX "annotations_marking_idx";
  DROP INDEX "payload_locked_documents_rels_assignments_id_idx";
  CREATE UNIQUE INDEX "copy_questionKey_idx" ON "grades" USING btree ("copy_id","question_key");
  ALTER TABLE "exams" DROP COLUMN "identity_zone";
  ALTER TABLE "exams" DROP COLUMN "distribution";
  ALTER TABLE "copies" DROP COLUMN "identity_zones";
  ALTER TABLE "copies" DROP COLUMN "decided_marking";
  ALTER TABLE "copies" DROP COLUMN "redaction_status";
  ALTER TABLE "copies" DROP COLUMN "redaction_zones";
  ALTER TABLE "copies" DROP COLUMN "redaction_rendered_at";
  ALTER TABLE "copies" DROP COLUMN "redaction_pdf_id";
  ALTER TABLE "copies" DROP COLUMN "redaction_thumbnail_id";
  ALTER TABLE "copies" DROP COLUMN "redaction_key";
  ALTER TABLE "copies" DROP COLUMN "redaction_error";
  ALTER TABLE "copies" DROP COLUMN "marking_review_state";
  ALTER TABLE "copies" DROP COLUMN "marking_review_decided_by_id";
  ALTER TABLE "copies" DROP COLUMN "marking_review_decided_at";
  ALTER TABLE "copies" DROP COLUMN "marking_review_detail";
  ALTER TABLE "grades" DROP COLUMN "marking";
  ALTER TABLE "annotations" DROP COLUMN "marking";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "assignments_id";
  DROP TYPE "public"."enum_copies_redaction_status";
  DROP TYPE "public"."enum_copies_marking_review_state";
  DROP TYPE "public"."enum_assignments_role";
  DROP TYPE "public"."enum_assignments_state";`)
}
