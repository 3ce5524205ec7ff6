import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'teacher');
  CREATE TYPE "public"."enum_exams_layout" AS ENUM('auto', 'a4', 'a3-booklet');
  CREATE TYPE "public"."enum_exams_status" AS ENUM('draft', 'processing', 'identifying', 'marking', 'finalized', 'published');
  CREATE TYPE "public"."enum_scan_batches_layout" AS ENUM('auto', 'a4', 'a3-booklet');
  CREATE TYPE "public"."enum_scan_batches_status" AS ENUM('queued', 'processing', 'done', 'partial', 'failed');
  CREATE TYPE "public"."enum_copies_pages_region" AS ENUM('full', 'left', 'right');
  CREATE TYPE "public"."enum_copies_status" AS ENUM('staging', 'ready', 'marking', 'locked', 'finalized');
  CREATE TYPE "public"."enum_copies_identification_status" AS ENUM('pending', 'identified', 'needs_review', 'manual');
  CREATE TYPE "public"."enum_copies_identification_method" AS ENUM('auto', 'manual');
  CREATE TYPE "public"."enum_annotations_kind" AS ENUM('pen', 'highlighter', 'text', 'tick', 'cross', 'question', 'stamp', 'rectangle', 'ellipse', 'comment');
  CREATE TYPE "public"."enum_media_kind" AS ENUM('copy-pdf', 'thumbnail', 'header-crop', 'annotated-pdf', 'export');
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" "enum_users_role" DEFAULT 'teacher' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "students" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"last_name" varchar NOT NULL,
  	"first_name" varchar NOT NULL,
  	"full_name" varchar,
  	"birth_date" varchar,
  	"email" varchar,
  	"class_name" varchar,
  	"national_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "exams_grading_scale" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"label" varchar,
  	"max_points" numeric NOT NULL,
  	"step" numeric DEFAULT 0.25 NOT NULL
  );
  
  CREATE TABLE "exams" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"subject" varchar,
  	"class_name" varchar,
  	"date" timestamp(3) with time zone,
  	"layout" "enum_exams_layout" DEFAULT 'auto' NOT NULL,
  	"pages_per_copy" numeric,
  	"status" "enum_exams_status" DEFAULT 'draft' NOT NULL,
  	"double_marking" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "exams_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "scan_batches_problems" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"page" numeric,
  	"code" varchar,
  	"message" varchar
  );
  
  CREATE TABLE "scan_batches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"exam_id" integer NOT NULL,
  	"layout" "enum_scan_batches_layout",
  	"status" "enum_scan_batches_status" DEFAULT 'queued' NOT NULL,
  	"progress_pages_done" numeric DEFAULT 0,
  	"progress_pages_total" numeric DEFAULT 0,
  	"progress_copies_found" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "copies_pages" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"batch_id" integer,
  	"source_page" numeric NOT NULL,
  	"region" "enum_copies_pages_region" DEFAULT 'full',
  	"rotation" numeric DEFAULT 0,
  	"blank" boolean DEFAULT false
  );
  
  CREATE TABLE "copies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"exam_id" integer NOT NULL,
  	"anonymous_id" varchar,
  	"status" "enum_copies_status" DEFAULT 'staging' NOT NULL,
  	"total" numeric,
  	"pdf_id" integer,
  	"anomalies" jsonb,
  	"student_id" integer,
  	"identification_status" "enum_copies_identification_status" DEFAULT 'pending',
  	"identification_method" "enum_copies_identification_method",
  	"identification_confidence" numeric,
  	"identification_candidates" jsonb,
  	"finalized_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "copies_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "grades" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"copy_id" integer NOT NULL,
  	"question_key" varchar NOT NULL,
  	"points" numeric NOT NULL,
  	"comment" varchar,
  	"corrector_id" integer,
  	"exam_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "annotations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"copy_id" integer NOT NULL,
  	"page" numeric NOT NULL,
  	"kind" "enum_annotations_kind" NOT NULL,
  	"geometry" jsonb NOT NULL,
  	"style" jsonb,
  	"text" varchar,
  	"schema_version" numeric DEFAULT 1 NOT NULL,
  	"version" numeric DEFAULT 1,
  	"author_id" integer,
  	"exam_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_media_kind" NOT NULL,
  	"exam_id" integer,
  	"copy_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"students_id" integer,
  	"exams_id" integer,
  	"scan_batches_id" integer,
  	"copies_id" integer,
  	"grades_id" integer,
  	"annotations_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "exams_grading_scale" ADD CONSTRAINT "exams_grading_scale_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "exams_rels" ADD CONSTRAINT "exams_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "exams_rels" ADD CONSTRAINT "exams_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scan_batches_problems" ADD CONSTRAINT "scan_batches_problems_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."scan_batches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scan_batches" ADD CONSTRAINT "scan_batches_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "copies_pages" ADD CONSTRAINT "copies_pages_batch_id_scan_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."scan_batches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "copies_pages" ADD CONSTRAINT "copies_pages_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."copies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "copies" ADD CONSTRAINT "copies_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "copies" ADD CONSTRAINT "copies_pdf_id_media_id_fk" FOREIGN KEY ("pdf_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "copies" ADD CONSTRAINT "copies_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "copies_rels" ADD CONSTRAINT "copies_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."copies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "copies_rels" ADD CONSTRAINT "copies_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_copy_id_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."copies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_corrector_id_users_id_fk" FOREIGN KEY ("corrector_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "annotations" ADD CONSTRAINT "annotations_copy_id_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."copies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "annotations" ADD CONSTRAINT "annotations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "annotations" ADD CONSTRAINT "annotations_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_copy_id_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."copies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_students_fk" FOREIGN KEY ("students_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_exams_fk" FOREIGN KEY ("exams_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scan_batches_fk" FOREIGN KEY ("scan_batches_id") REFERENCES "public"."scan_batches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_copies_fk" FOREIGN KEY ("copies_id") REFERENCES "public"."copies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_grades_fk" FOREIGN KEY ("grades_id") REFERENCES "public"."grades"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_annotations_fk" FOREIGN KEY ("annotations_id") REFERENCES "public"."annotations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "students_last_name_idx" ON "students" USING btree ("last_name");
  CREATE INDEX "students_email_idx" ON "students" USING btree ("email");
  CREATE INDEX "students_class_name_idx" ON "students" USING btree ("class_name");
  CREATE UNIQUE INDEX "students_national_id_idx" ON "students" USING btree ("national_id");
  CREATE INDEX "students_updated_at_idx" ON "students" USING btree ("updated_at");
  CREATE INDEX "students_created_at_idx" ON "students" USING btree ("created_at");
  CREATE INDEX "exams_grading_scale_order_idx" ON "exams_grading_scale" USING btree ("_order");
  CREATE INDEX "exams_grading_scale_parent_id_idx" ON "exams_grading_scale" USING btree ("_parent_id");
  CREATE INDEX "exams_status_idx" ON "exams" USING btree ("status");
  CREATE INDEX "exams_updated_at_idx" ON "exams" USING btree ("updated_at");
  CREATE INDEX "exams_created_at_idx" ON "exams" USING btree ("created_at");
  CREATE INDEX "exams_rels_order_idx" ON "exams_rels" USING btree ("order");
  CREATE INDEX "exams_rels_parent_idx" ON "exams_rels" USING btree ("parent_id");
  CREATE INDEX "exams_rels_path_idx" ON "exams_rels" USING btree ("path");
  CREATE INDEX "exams_rels_users_id_idx" ON "exams_rels" USING btree ("users_id");
  CREATE INDEX "scan_batches_problems_order_idx" ON "scan_batches_problems" USING btree ("_order");
  CREATE INDEX "scan_batches_problems_parent_id_idx" ON "scan_batches_problems" USING btree ("_parent_id");
  CREATE INDEX "scan_batches_exam_idx" ON "scan_batches" USING btree ("exam_id");
  CREATE INDEX "scan_batches_status_idx" ON "scan_batches" USING btree ("status");
  CREATE INDEX "scan_batches_updated_at_idx" ON "scan_batches" USING btree ("updated_at");
  CREATE INDEX "scan_batches_created_at_idx" ON "scan_batches" USING btree ("created_at");
  CREATE UNIQUE INDEX "scan_batches_filename_idx" ON "scan_batches" USING btree ("filename");
  CREATE INDEX "copies_pages_order_idx" ON "copies_pages" USING btree ("_order");
  CREATE INDEX "copies_pages_parent_id_idx" ON "copies_pages" USING btree ("_parent_id");
  CREATE INDEX "copies_pages_batch_idx" ON "copies_pages" USING btree ("batch_id");
  CREATE INDEX "copies_exam_idx" ON "copies" USING btree ("exam_id");
  CREATE UNIQUE INDEX "copies_anonymous_id_idx" ON "copies" USING btree ("anonymous_id");
  CREATE INDEX "copies_status_idx" ON "copies" USING btree ("status");
  CREATE INDEX "copies_pdf_idx" ON "copies" USING btree ("pdf_id");
  CREATE INDEX "copies_student_idx" ON "copies" USING btree ("student_id");
  CREATE INDEX "copies_updated_at_idx" ON "copies" USING btree ("updated_at");
  CREATE INDEX "copies_created_at_idx" ON "copies" USING btree ("created_at");
  CREATE INDEX "copies_rels_order_idx" ON "copies_rels" USING btree ("order");
  CREATE INDEX "copies_rels_parent_idx" ON "copies_rels" USING btree ("parent_id");
  CREATE INDEX "copies_rels_path_idx" ON "copies_rels" USING btree ("path");
  CREATE INDEX "copies_rels_users_id_idx" ON "copies_rels" USING btree ("users_id");
  CREATE INDEX "grades_copy_idx" ON "grades" USING btree ("copy_id");
  CREATE INDEX "grades_corrector_idx" ON "grades" USING btree ("corrector_id");
  CREATE INDEX "grades_exam_idx" ON "grades" USING btree ("exam_id");
  CREATE INDEX "grades_updated_at_idx" ON "grades" USING btree ("updated_at");
  CREATE INDEX "grades_created_at_idx" ON "grades" USING btree ("created_at");
  CREATE UNIQUE INDEX "copy_questionKey_idx" ON "grades" USING btree ("copy_id","question_key");
  CREATE INDEX "annotations_copy_idx" ON "annotations" USING btree ("copy_id");
  CREATE INDEX "annotations_author_idx" ON "annotations" USING btree ("author_id");
  CREATE INDEX "annotations_exam_idx" ON "annotations" USING btree ("exam_id");
  CREATE INDEX "annotations_updated_at_idx" ON "annotations" USING btree ("updated_at");
  CREATE INDEX "annotations_created_at_idx" ON "annotations" USING btree ("created_at");
  CREATE INDEX "media_kind_idx" ON "media" USING btree ("kind");
  CREATE INDEX "media_exam_idx" ON "media" USING btree ("exam_id");
  CREATE INDEX "media_copy_idx" ON "media" USING btree ("copy_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_students_id_idx" ON "payload_locked_documents_rels" USING btree ("students_id");
  CREATE INDEX "payload_locked_documents_rels_exams_id_idx" ON "payload_locked_documents_rels" USING btree ("exams_id");
  CREATE INDEX "payload_locked_documents_rels_scan_batches_id_idx" ON "payload_locked_documents_rels" USING btree ("scan_batches_id");
  CREATE INDEX "payload_locked_documents_rels_copies_id_idx" ON "payload_locked_documents_rels" USING btree ("copies_id");
  CREATE INDEX "payload_locked_documents_rels_grades_id_idx" ON "payload_locked_documents_rels" USING btree ("grades_id");
  CREATE INDEX "payload_locked_documents_rels_annotations_id_idx" ON "payload_locked_documents_rels" USING btree ("annotations_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "students" CASCADE;
  DROP TABLE "exams_grading_scale" CASCADE;
  DROP TABLE "exams" CASCADE;
  DROP TABLE "exams_rels" CASCADE;
  DROP TABLE "scan_batches_problems" CASCADE;
  DROP TABLE "scan_batches" CASCADE;
  DROP TABLE "copies_pages" CASCADE;
  DROP TABLE "copies" CASCADE;
  DROP TABLE "copies_rels" CASCADE;
  DROP TABLE "grades" CASCADE;
  DROP TABLE "annotations" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_exams_layout";
  DROP TYPE "public"."enum_exams_status";
  DROP TYPE "public"."enum_scan_batches_layout";
  DROP TYPE "public"."enum_scan_batches_status";
  DROP TYPE "public"."enum_copies_pages_region";
  DROP TYPE "public"."enum_copies_status";
  DROP TYPE "public"."enum_copies_identification_status";
  DROP TYPE "public"."enum_copies_identification_method";
  DROP TYPE "public"."enum_annotations_kind";
  DROP TYPE "public"."enum_media_kind";`)
}
