import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "grades_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"rubric_items_id" integer
  );
  
  CREATE TABLE "rubric_items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"exam_id" integer NOT NULL,
  	"question_key" varchar NOT NULL,
  	"points" numeric NOT NULL,
  	"text" varchar NOT NULL,
  	"author_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT;
  ALTER TABLE "grades" ADD COLUMN "adjustment" numeric DEFAULT 0;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "rubric_items_id" integer;
  ALTER TABLE "grades_rels" ADD CONSTRAINT "grades_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."grades"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "grades_rels" ADD CONSTRAINT "grades_rels_rubric_items_fk" FOREIGN KEY ("rubric_items_id") REFERENCES "public"."rubric_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rubric_items" ADD CONSTRAINT "rubric_items_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rubric_items" ADD CONSTRAINT "rubric_items_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "grades_rels_order_idx" ON "grades_rels" USING btree ("order");
  CREATE INDEX "grades_rels_parent_idx" ON "grades_rels" USING btree ("parent_id");
  CREATE INDEX "grades_rels_path_idx" ON "grades_rels" USING btree ("path");
  CREATE INDEX "grades_rels_rubric_items_id_idx" ON "grades_rels" USING btree ("rubric_items_id");
  CREATE INDEX "rubric_items_exam_idx" ON "rubric_items" USING btree ("exam_id");
  CREATE INDEX "rubric_items_author_idx" ON "rubric_items" USING btree ("author_id");
  CREATE INDEX "rubric_items_updated_at_idx" ON "rubric_items" USING btree ("updated_at");
  CREATE INDEX "rubric_items_created_at_idx" ON "rubric_items" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rubric_items_fk" FOREIGN KEY ("rubric_items_id") REFERENCES "public"."rubric_items"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_rubric_items_id_idx" ON "payload_locked_documents_rels" USING btree ("rubric_items_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "grades_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rubric_items" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "grades_rels" CASCADE;
  DROP TABLE "rubric_items" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_rubric_items_fk";
  
  DROP INDEX "payload_locked_documents_rels_rubric_items_id_idx";
  ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'teacher';
  ALTER TABLE "grades" DROP COLUMN "adjustment";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "rubric_items_id";`)
}
