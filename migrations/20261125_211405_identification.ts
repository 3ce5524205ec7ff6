import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_identification_decisions_action" AS ENUM('assign', 'unassign', 'move-page', 'reorder', 'rotate', 'split', 'merge');
  CREATE TYPE "public"."enum_identification_decisions_method" AS ENUM('manual', 'auto');
  CREATE TABLE "identification_decisions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"exam_id" integer,
  	"copy_id" integer,
  	"action" "enum_identification_decisions_action" NOT NULL,
  	"method" "enum_identification_decisions_method" DEFAULT 'manual' NOT NULL,
  	"from_student_id" integer,
  	"to_student_id" integer,
  	"user_id" integer,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "copies" ADD COLUMN "identification_reason" varchar;
  ALTER TABLE "copies" ADD COLUMN "identification_header_crop_id" integer;
  ALTER TABLE "copies" ADD COLUMN "identification_readings" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "identification_decisions_id" integer;
  ALTER TABLE "identification_decisions" ADD CONSTRAINT "identification_decisions_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "identification_decisions" ADD CONSTRAINT "identification_decisions_copy_id_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."copies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "identification_decisions" ADD CONSTRAINT "identification_decisions_from_student_id_students_id_fk" FOREIGN KEY ("from_student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "identification_decisions" ADD CONSTRAINT "identification_decisions_to_student_id_students_id_fk" FOREIGN KEY ("to_student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "identification_decisions" ADD CONSTRAINT "identification_decisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "identification_decisions_exam_idx" ON "identification_decisions" USING btree ("exam_id");
  CREATE INDEX "identification_decisions_copy_idx" ON "identification_decisions" USING btree ("copy_id");
  CREATE INDEX "identification_decisions_from_student_idx" ON "identification_decisions" USING btree ("from_student_id");
  CREATE INDEX "identification_decisions_to_student_idx" ON "identification_decisions" USING btree ("to_student_id");
  CREATE INDEX "identification_decisions_user_idx" ON "identification_decisions" USING btree ("user_id");
  CREATE INDEX "identification_decisions_updated_at_idx" ON "identification_decisions" USING btree ("updated_at");
  CREATE INDEX "identification_decisions_created_at_idx" ON "identification_decisions" USING btree ("created_at");
  ALTER TABLE "copies" ADD CONSTRAINT "copies_identification_header_crop_id_media_id_fk" FOREIGN KEY ("identification_header_crop_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_identification_decisions_fk" FOREIGN KEY ("identification_decisions_id") REFERENCES "public"."identification_decisions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "copies_identification_identification_header_crop_idx" ON "copies" USING btree ("identification_header_crop_id");
  CREATE INDEX "payload_locked_documents_rels_identification_decisions_i_idx" ON "payload_locked_documents_rels" USING btree ("identification_decisions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "identification_decisions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "identification_decisions" CASCADE;
  ALTER TABLE "copies" DROP CONSTRAINT "copies_identification_header_crop_id_media_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_identification_decisions_fk";
  
  DROP INDEX "copies_identification_identification_header_crop_idx";
  DROP INDEX "payload_locked_documents_rels_identification_decisions_i_idx";
  ALTER TABLE "copies" DROP COLUMN "identification_reason";
  ALTER TABLE "copies" DROP COLUMN "identification_header_crop_id";
  ALTER TABLE "copies" DROP COLUMN "identification_readings";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "identification_decisions_id";
  DROP TYPE "public"."enum_identification_decisions_action";
  DROP TYPE "public"."enum_identification_decisions_method";`)
}
