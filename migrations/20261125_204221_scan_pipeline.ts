import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "scan_pages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"batch_id" integer NOT NULL,
  	"source_page" numeric NOT NULL,
  	"analysis" jsonb NOT NULL,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "copies" ADD COLUMN "thumbnail_id" integer;
  ALTER TABLE "copies" ADD COLUMN "source_key" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scan_pages_id" integer;
  ALTER TABLE "scan_pages" ADD CONSTRAINT "scan_pages_batch_id_scan_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."scan_batches"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "scan_pages_batch_idx" ON "scan_pages" USING btree ("batch_id");
  CREATE INDEX "scan_pages_updated_at_idx" ON "scan_pages" USING btree ("updated_at");
  CREATE INDEX "scan_pages_created_at_idx" ON "scan_pages" USING btree ("created_at");
  CREATE UNIQUE INDEX "batch_sourcePage_idx" ON "scan_pages" USING btree ("batch_id","source_page");
  ALTER TABLE "copies" ADD CONSTRAINT "copies_thumbnail_id_media_id_fk" FOREIGN KEY ("thumbnail_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scan_pages_fk" FOREIGN KEY ("scan_pages_id") REFERENCES "public"."scan_pages"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "copies_thumbnail_idx" ON "copies" USING btree ("thumbnail_id");
  CREATE UNIQUE INDEX "copies_source_key_idx" ON "copies" USING btree ("source_key");
  CREATE INDEX "payload_locked_documents_rels_scan_pages_id_idx" ON "payload_locked_documents_rels" USING btree ("scan_pages_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "scan_pages" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "scan_pages" CASCADE;
  ALTER TABLE "copies" DROP CONSTRAINT "copies_thumbnail_id_media_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scan_pages_fk";
  
  DROP INDEX "copies_thumbnail_idx";
  DROP INDEX "copies_source_key_idx";
  DROP INDEX "payload_locked_documents_rels_scan_pages_id_idx";
  ALTER TABLE "copies" DROP COLUMN "thumbnail_id";
  ALTER TABLE "copies" DROP COLUMN "source_key";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scan_pages_id";`)
}
