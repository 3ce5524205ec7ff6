import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-postgres'

/**
 * Changes nothing: it carries the schema snapshot (the .json next to it) with both rubric_items (migration
 * 20261202_134242) and prepared_booklets (20261202_134507), generated at the same time from two trees, each
 * snapshot missing the other's tables. Payload diffs the next migration against the newest snapshot: without
 * this one, it would create the rubric tables a second time.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
