import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "exams" ALTER COLUMN "layout" DROP NOT NULL;
  ALTER TABLE "exams" ALTER COLUMN "status" DROP NOT NULL;
  ALTER TABLE "scan_batches" ALTER COLUMN "status" DROP NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "exams" ALTER COLUMN "layout" SET NOT NULL;
  ALTER TABLE "exams" ALTER COLUMN "status" SET NOT NULL;
  ALTER TABLE "scan_batches" ALTER COLUMN "status" SET NOT NULL;`)
}
