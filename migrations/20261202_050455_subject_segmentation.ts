import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_copies_segmentation_boundary" AS ENUM('subject', 'learned-template', 'handwriting-layout', 'header-box', 'sheet-structure', 'none');
  ALTER TYPE "public"."enum_copies_pages_region" ADD VALUE 'top';
  ALTER TYPE "public"."enum_copies_pages_region" ADD VALUE 'bottom';
  ALTER TYPE "public"."enum_media_kind" ADD VALUE 'subject' BEFORE 'redacted-pdf';
  ALTER TYPE "public"."enum_identification_decisions_action" ADD VALUE 'confirm-start';
  ALTER TYPE "public"."enum_identification_decisions_action" ADD VALUE 'recut';
  ALTER TABLE "exams" ADD COLUMN "blank_subject_id" integer;
  ALTER TABLE "scan_batches" ADD COLUMN "cut_on" jsonb;
  ALTER TABLE "copies_pages" ADD COLUMN "subject_page" numeric;
  ALTER TABLE "copies" ADD COLUMN "segmentation_boundary" "enum_copies_segmentation_boundary";
  ALTER TABLE "copies" ADD COLUMN "segmentation_margin" numeric;
  ALTER TABLE "copies" ADD COLUMN "segmentation_unsure" boolean DEFAULT false;
  ALTER TABLE "exams" ADD CONSTRAINT "exams_blank_subject_id_media_id_fk" FOREIGN KEY ("blank_subject_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "exams_blank_subject_idx" ON "exams" USING btree ("blank_subject_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "exams" DROP CONSTRAINT "exams_blank_subject_id_media_id_fk";
  
  ALTER TABLE "copies_pages" ALTER COLUMN "region" SET DATA TYPE text;
  ALTER TABLE "copies_pages" ALTER COLUMN "region" SET DEFAULT 'full'::text;
  DROP TYPE "public"."enum_copies_pages_region";
  CREATE TYPE "public"."enum_copies_pages_region" AS ENUM('full', 'left', 'right');
  ALTER TABLE "copies_pages" ALTER COLUMN "region" SET DEFAULT 'full'::"public"."enum_copies_pages_region";
  ALTER TABLE "copies_pages" ALTER COLUMN "region" SET DATA TYPE "public"."enum_copies_pages_region" USING "region"::"public"."enum_copies_pages_region";
  ALTER TABLE "media" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_media_kind";
  CREATE TYPE "public"."enum_media_kind" AS ENUM('copy-pdf', 'thumbnail', 'header-crop', 'annotated-pdf', 'export', 'redacted-pdf', 'redacted-thumbnail');
  ALTER TABLE "media" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_media_kind" USING "kind"::"public"."enum_media_kind";
  ALTER TABLE "identification_decisions" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_identification_decisions_action";
  CREATE TYPE "public"."enum_identification_decisions_action" AS ENUM('assign', 'unassign', 'move-page', 'reorder', 'rotate', 'split', 'merge');
  ALTER TABLE "identification_decisions" ALTER COLUMN "action" SET DATA TYPE "public"."enum_identification_decisions_action" USING "action"::"public"."enum_identification_decisions_action";
  DROP INDEX "exams_blank_subject_idx";
  ALTER TABLE "exams" DROP COLUMN "blank_subject_id";
  ALTER TABLE "scan_batches" DROP COLUMN "cut_on";
  ALTER TABLE "copies_pages" DROP COLUMN "subject_page";
  ALTER TABLE "copies" DROP COLUMN "segmentation_boundary";
  ALTER TABLE "copies" DROP COLUMN "segmentation_margin";
  ALTER TABLE "copies" DROP COLUMN "segmentation_unsure";
  DROP TYPE "public"."enum_copies_segmentation_boundary";`)
}
