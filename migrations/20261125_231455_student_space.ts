import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "annotations" ALTER COLUMN "schema_version" SET DEFAULT 2;
  ALTER TABLE "students" ADD COLUMN "sign_in_failed_attempts" numeric DEFAULT 0;
  ALTER TABLE "students" ADD COLUMN "sign_in_locked_until" timestamp(3) with time zone;
  ALTER TABLE "students" ADD COLUMN "sign_in_last_sign_in_at" timestamp(3) with time zone;
  ALTER TABLE "copies" ADD COLUMN "notified_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "annotations" ALTER COLUMN "schema_version" SET DEFAULT 1;
  ALTER TABLE "students" DROP COLUMN "sign_in_failed_attempts";
  ALTER TABLE "students" DROP COLUMN "sign_in_locked_until";
  ALTER TABLE "students" DROP COLUMN "sign_in_last_sign_in_at";
  ALTER TABLE "copies" DROP COLUMN "notified_at";`)
}
