import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_copies_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_grades_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_annotations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_locks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_rate_counters_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scan_pages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comment_bank_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_rubric_items_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_identification_decisions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_assignments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_events_fk";
  
  DROP INDEX "payload_locked_documents_rels_copies_id_idx";
  DROP INDEX "payload_locked_documents_rels_grades_id_idx";
  DROP INDEX "payload_locked_documents_rels_annotations_id_idx";
  DROP INDEX "payload_locked_documents_rels_media_id_idx";
  DROP INDEX "payload_locked_documents_rels_locks_id_idx";
  DROP INDEX "payload_locked_documents_rels_rate_counters_id_idx";
  DROP INDEX "payload_locked_documents_rels_scan_pages_id_idx";
  DROP INDEX "payload_locked_documents_rels_comment_bank_id_idx";
  DROP INDEX "payload_locked_documents_rels_rubric_items_id_idx";
  DROP INDEX "payload_locked_documents_rels_identification_decisions_i_idx";
  DROP INDEX "payload_locked_documents_rels_assignments_id_idx";
  DROP INDEX "payload_locked_documents_rels_audit_events_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "copies_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "grades_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "annotations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "locks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "rate_counters_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scan_pages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comment_bank_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "rubric_items_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "identification_decisions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "assignments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_events_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "copies_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "grades_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "annotations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "locks_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "rate_counters_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scan_pages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comment_bank_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "rubric_items_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "identification_decisions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "assignments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_copies_fk" FOREIGN KEY ("copies_id") REFERENCES "public"."copies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_grades_fk" FOREIGN KEY ("grades_id") REFERENCES "public"."grades"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_annotations_fk" FOREIGN KEY ("annotations_id") REFERENCES "public"."annotations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_locks_fk" FOREIGN KEY ("locks_id") REFERENCES "public"."locks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rate_counters_fk" FOREIGN KEY ("rate_counters_id") REFERENCES "public"."rate_counters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scan_pages_fk" FOREIGN KEY ("scan_pages_id") REFERENCES "public"."scan_pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comment_bank_fk" FOREIGN KEY ("comment_bank_id") REFERENCES "public"."comment_bank"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rubric_items_fk" FOREIGN KEY ("rubric_items_id") REFERENCES "public"."rubric_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_identification_decisions_fk" FOREIGN KEY ("identification_decisions_id") REFERENCES "public"."identification_decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_assignments_fk" FOREIGN KEY ("assignments_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_events_fk" FOREIGN KEY ("audit_events_id") REFERENCES "public"."audit_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_copies_id_idx" ON "payload_locked_documents_rels" USING btree ("copies_id");
  CREATE INDEX "payload_locked_documents_rels_grades_id_idx" ON "payload_locked_documents_rels" USING btree ("grades_id");
  CREATE INDEX "payload_locked_documents_rels_annotations_id_idx" ON "payload_locked_documents_rels" USING btree ("annotations_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_locks_id_idx" ON "payload_locked_documents_rels" USING btree ("locks_id");
  CREATE INDEX "payload_locked_documents_rels_rate_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("rate_counters_id");
  CREATE INDEX "payload_locked_documents_rels_scan_pages_id_idx" ON "payload_locked_documents_rels" USING btree ("scan_pages_id");
  CREATE INDEX "payload_locked_documents_rels_comment_bank_id_idx" ON "payload_locked_documents_rels" USING btree ("comment_bank_id");
  CREATE INDEX "payload_locked_documents_rels_rubric_items_id_idx" ON "payload_locked_documents_rels" USING btree ("rubric_items_id");
  CREATE INDEX "payload_locked_documents_rels_identification_decisions_i_idx" ON "payload_locked_documents_rels" USING btree ("identification_decisions_id");
  CREATE INDEX "payload_locked_documents_rels_assignments_id_idx" ON "payload_locked_documents_rels" USING btree ("assignments_id");
  CREATE INDEX "payload_locked_documents_rels_audit_events_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_events_id");`)
}
