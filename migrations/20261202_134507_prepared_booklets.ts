import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_copies_segmentation_boundary" ADD VALUE 'qr-code' BEFORE 'header-box';
  ALTER TYPE "public"."enum_copies_identification_method" ADD VALUE 'qr-code';
  ALTER TYPE "public"."enum_identification_decisions_method" ADD VALUE 'qr-code';
  ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT;
  ALTER TABLE "exams" ADD COLUMN "booklets" jsonb;
  ALTER TABLE "copies" ADD COLUMN "segmentation_booklet" numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "copies" ALTER COLUMN "segmentation_boundary" SET DATA TYPE text;
  DROP TYPE "public"."enum_copies_segmentation_boundary";
  CREATE TYPE "public"."enum_copies_segmentation_boundary" AS ENUM('subject', 'learned-template', 'handwriting-layout', 'header-box', 'sheet-structure', 'none');
  ALTER TABLE "copies" ALTER COLUMN "segmentation_boundary" SET DATA TYPE "public"."enum_copies_segmentation_boundary" USING "segmentation_boundary"::"public"."enum_copies_segmentation_boundary";
  ALTER TABLE "copies" ALTER COLUMN "identification_method" SET DATA TYPE text;
  DROP TYPE "public"."enum_copies_identification_method";
  CREATE TYPE "public"."enum_copies_identification_method" AS ENUM('auto', 'manual');
  ALTER TABLE "copies" ALTER COLUMN "identification_method" SET DATA TYPE "public"."enum_copies_identification_method" USING "identification_method"::"public"."enum_copies_identification_method";
  ALTER TABLE "identification_decisions" ALTER COLUMN "method" SET DATA TYPE text;
  ALTER TABLE "identification_decisions" ALTER COLUMN "method" SET DEFAULT 'manual'::text;
  DROP TYPE "public"."enum_identification_decisions_method";
  CREATE TYPE "public"."enum_identification_decisions_method" AS ENUM('manual', 'auto');
  ALTER TABLE "identification_decisions" ALTER COLUMN "method" SET DEFAULT 'manual'::"public"."enum_identification_decisions_method";
  ALTER TABLE "identification_decisions" ALTER COLUMN "method" SET DATA TYPE "public"."enum_identification_decisions_method" USING "method"::"public"."enum_identification_decisions_method";
  ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'teacher';
  ALTER TABLE "exams" DROP COLUMN "booklets";
  ALTER TABLE "copies" DROP COLUMN "segmentation_booklet";`)
}
