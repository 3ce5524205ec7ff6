import * as migration_20261125_202639_initial from './20261125_202639_initial';
import * as migration_20261125_204110_comment_bank from './20261125_204110_comment_bank';
import * as migration_20261125_204221_scan_pipeline from './20261125_204221_scan_pipeline';
import * as migration_20261125_211405_identification from './20261125_211405_identification';
import * as migration_20261125_213535_publication from './20261125_213535_publication';
import * as migration_20261125_213648_optional_defaults from './20261125_213648_optional_defaults';
import * as migration_20261125_231455_student_space from './20261125_231455_student_space';
import * as migration_20261125_235844_annotation_client_key from './20261125_235844_annotation_client_key';
import * as migration_20261126_005936_locks from './20261126_005936_locks';
import * as migration_20261202_023801_roster_name from './20261202_023801_roster_name';
import * as migration_20261202_024210_anonymity_distribution from './20261202_024210_anonymity_distribution';
import * as migration_20261202_040518_audit_retention from './20261202_040518_audit_retention';
import * as migration_20261202_050455_subject_segmentation from './20261202_050455_subject_segmentation';
import * as migration_20261202_103224_grade_version from './20261202_103224_grade_version';
import * as migration_20261202_134242_rubric_items from './20261202_134242_rubric_items';
import * as migration_20261202_134507_prepared_booklets from './20261202_134507_prepared_booklets';
import * as migration_20261202_140528_schema_snapshot from './20261202_140528_schema_snapshot';
import * as migration_20261203_100958_shared_rate_counters from './20261203_100958_shared_rate_counters';
import * as migration_20261203_104559_marking_collections_without_document_locks from './20261203_104559_marking_collections_without_document_locks';

export const migrations = [
  {
    up: migration_20261125_202639_initial.up,
    down: migration_20261125_202639_initial.down,
    name: '20261125_202639_initial',
  },
  {
    up: migration_20261125_204110_comment_bank.up,
    down: migration_20261125_204110_comment_bank.down,
    name: '20261125_204110_comment_bank',
  },
  {
    up: migration_20261125_204221_scan_pipeline.up,
    down: migration_20261125_204221_scan_pipeline.down,
    name: '20261125_204221_scan_pipeline',
  },
  {
    up: migration_20261125_211405_identification.up,
    down: migration_20261125_211405_identification.down,
    name: '20261125_211405_identification',
  },
  {
    up: migration_20261125_213535_publication.up,
    down: migration_20261125_213535_publication.down,
    name: '20261125_213535_publication',
  },
  {
    up: migration_20261125_213648_optional_defaults.up,
    down: migration_20261125_213648_optional_defaults.down,
    name: '20261125_213648_optional_defaults',
  },
  {
    up: migration_20261125_231455_student_space.up,
    down: migration_20261125_231455_student_space.down,
    name: '20261125_231455_student_space',
  },
  {
    up: migration_20261125_235844_annotation_client_key.up,
    down: migration_20261125_235844_annotation_client_key.down,
    name: '20261125_235844_annotation_client_key',
  },
  {
    up: migration_20261126_005936_locks.up,
    down: migration_20261126_005936_locks.down,
    name: '20261126_005936_locks',
  },
  {
    up: migration_20261202_023801_roster_name.up,
    down: migration_20261202_023801_roster_name.down,
    name: '20261202_023801_roster_name',
  },
  {
    up: migration_20261202_024210_anonymity_distribution.up,
    down: migration_20261202_024210_anonymity_distribution.down,
    name: '20261202_024210_anonymity_distribution',
  },
  {
    up: migration_20261202_040518_audit_retention.up,
    down: migration_20261202_040518_audit_retention.down,
    name: '20261202_040518_audit_retention',
  },
  {
    up: migration_20261202_050455_subject_segmentation.up,
    down: migration_20261202_050455_subject_segmentation.down,
    name: '20261202_050455_subject_segmentation',
  },
  {
    up: migration_20261202_103224_grade_version.up,
    down: migration_20261202_103224_grade_version.down,
    name: '20261202_103224_grade_version',
  },
  {
    up: migration_20261202_134242_rubric_items.up,
    down: migration_20261202_134242_rubric_items.down,
    name: '20261202_134242_rubric_items',
  },
  {
    up: migration_20261202_134507_prepared_booklets.up,
    down: migration_20261202_134507_prepared_booklets.down,
    name: '20261202_134507_prepared_booklets',
  },
  {
    up: migration_20261202_140528_schema_snapshot.up,
    down: migration_20261202_140528_schema_snapshot.down,
    name: '20261202_140528_schema_snapshot',
  },
  {
    up: migration_20261203_100958_shared_rate_counters.up,
    down: migration_20261203_100958_shared_rate_counters.down,
    name: '20261203_100958_shared_rate_counters',
  },
  {
    up: migration_20261203_104559_marking_collections_without_document_locks.up,
    down: migration_20261203_104559_marking_collections_without_document_locks.down,
    name: '20261203_104559_marking_collections_without_document_locks'
  },
];
