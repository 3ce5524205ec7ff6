import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "annotations" ADD COLUMN "client_key" varchar;
  CREATE UNIQUE INDEX "annotations_client_key_idx" ON "annotations" USING btree ("client_key");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "annotations_client_key_idx";
  ALTER TABLE "annotations" DROP COLUMN "client_key";`)
}
