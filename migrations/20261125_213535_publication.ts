import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "exams" ADD COLUMN "publish_at" timestamp(3) with time zone;
  ALTER TABLE "exams" ADD COLUMN "published_at" timestamp(3) with time zone;
  ALTER TABLE "copies" ADD COLUMN "annotated_pdf_id" integer;
  ALTER TABLE "copies" ADD COLUMN "published_at" timestamp(3) with time zone;
  ALTER TABLE "copies" ADD CONSTRAINT "copies_annotated_pdf_id_media_id_fk" FOREIGN KEY ("annotated_pdf_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "copies_annotated_pdf_idx" ON "copies" USING btree ("annotated_pdf_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "copies" DROP CONSTRAINT "copies_annotated_pdf_id_media_id_fk";
  
  DROP INDEX "copies_annotated_pdf_idx";
  ALTER TABLE "exams" DROP COLUMN "publish_at";
  ALTER TABLE "exams" DROP COLUMN "published_at";
  ALTER TABLE "copies" DROP COLUMN "annotated_pdf_id";
  ALTER TABLE "copies" DROP COLUMN "published_at";`)
}
