import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "comment_bank" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL,
  	"points" numeric,
  	"question_key" varchar,
  	"exam_id" integer,
  	"owner_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comment_bank_id" integer;
  ALTER TABLE "comment_bank" ADD CONSTRAINT "comment_bank_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comment_bank" ADD CONSTRAINT "comment_bank_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "comment_bank_exam_idx" ON "comment_bank" USING btree ("exam_id");
  CREATE INDEX "comment_bank_owner_idx" ON "comment_bank" USING btree ("owner_id");
  CREATE INDEX "comment_bank_updated_at_idx" ON "comment_bank" USING btree ("updated_at");
  CREATE INDEX "comment_bank_created_at_idx" ON "comment_bank" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comment_bank_fk" FOREIGN KEY ("comment_bank_id") REFERENCES "public"."comment_bank"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_comment_bank_id_idx" ON "payload_locked_documents_rels" USING btree ("comment_bank_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "comment_bank" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "comment_bank" CASCADE;
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comment_bank_fk";
  
  DROP INDEX "payload_locked_documents_rels_comment_bank_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comment_bank_id";`)
}
