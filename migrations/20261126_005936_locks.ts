import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "locks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"holder" varchar,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "locks_id" integer;
  CREATE UNIQUE INDEX "locks_key_idx" ON "locks" USING btree ("key");
  CREATE INDEX "locks_expires_at_idx" ON "locks" USING btree ("expires_at");
  CREATE INDEX "locks_updated_at_idx" ON "locks" USING btree ("updated_at");
  CREATE INDEX "locks_created_at_idx" ON "locks" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_locks_fk" FOREIGN KEY ("locks_id") REFERENCES "public"."locks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_locks_id_idx" ON "payload_locked_documents_rels" USING btree ("locks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "locks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "locks" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_locks_fk";
  
  DROP INDEX "payload_locked_documents_rels_locks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "locks_id";`)
}
