import { config } from '../../../runtime/config'
import { ConfigError } from '../../../runtime/errors'
import { DEFAULT_RETENTION_DAY, DEFAULT_SCHOOL_YEAR_END, parseMonthDay, RetentionSettingError, retentionDate } from '../lib/retentionDate'

/** KORRIGO_SCHOOL_YEAR_END and KORRIGO_RETENTION_DAY (MM-DD), read when an exam is saved. */
export const defaultRetentionFor = (examDate: Date, env: { KORRIGO_SCHOOL_YEAR_END?: string; KORRIGO_RETENTION_DAY?: string } = config()): Date => {
  try {
    return retentionDate({
      examDate,
      schoolYearEnd: parseMonthDay('KORRIGO_SCHOOL_YEAR_END', env.KORRIGO_SCHOOL_YEAR_END, DEFAULT_SCHOOL_YEAR_END),
      retentionDay: parseMonthDay('KORRIGO_RETENTION_DAY', env.KORRIGO_RETENTION_DAY, DEFAULT_RETENTION_DAY),
    })
  } catch (error) {
    if (error instanceof RetentionSettingError) throw new ConfigError(error.message)
    throw error
  }
}
