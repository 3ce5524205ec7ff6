import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_audit_events_actor_type" AS ENUM('staff', 'student', 'system', 'cli', 'anonymous');
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"seq" numeric NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"action" varchar NOT NULL,
  	"actor_type" "enum_audit_events_actor_type" NOT NULL,
  	"actor_id" varchar,
  	"actor_label" varchar,
  	"target_collection" varchar,
  	"target_id" varchar,
  	"summary" varchar,
  	"before" jsonb,
  	"after" jsonb,
  	"details" jsonb,
  	"ip" varchar,
  	"prev_hash" varchar NOT NULL,
  	"content_hash" varchar NOT NULL,
  	"hash" varchar NOT NULL
  );
  
  CREATE TABLE "audit_head" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"seq" numeric DEFAULT 0,
  	"hash" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "exams" ADD COLUMN "retain_until" timestamp(3) with time zone;
  ALTER TABLE "exams" ADD COLUMN "purged_at" timestamp(3) with time zone;
  ALTER TABLE "exams" ADD COLUMN "retention_report" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_events_id" integer;
  CREATE UNIQUE INDEX "audit_events_seq_idx" ON "audit_events" USING btree ("seq");
  CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");
  CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");
  CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id");
  CREATE INDEX "audit_events_target_collection_idx" ON "audit_events" USING btree ("target_collection");
  CREATE INDEX "audit_events_target_id_idx" ON "audit_events" USING btree ("target_id");
  CREATE UNIQUE INDEX "audit_events_hash_idx" ON "audit_events" USING btree ("hash");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_events_fk" FOREIGN KEY ("audit_events_id") REFERENCES "public"."audit_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "exams_retain_until_idx" ON "exams" USING btree ("retain_until");
  CREATE INDEX "payload_locked_documents_rels_audit_events_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_head" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "audit_events" CASCADE;
  DROP TABLE "audit_head" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_events_fk";
  
  DROP INDEX "exams_retain_until_idx";
  DROP INDEX "payload_locked_documents_rels_audit_events_id_idx";
  ALTER TABLE "exams" DROP COLUMN "retain_until";
  ALTER TABLE "exams" DROP COLUMN "purged_at";
  ALTER TABLE "exams" DROP COLUMN "retention_report";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_events_id";
  DROP TYPE "public"."enum_audit_events_actor_type";`)
}
