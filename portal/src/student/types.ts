export type { StudentCopy, StudentCopyQuestion, StudentId, StudentProfile } from '../../../shared/student-space/types'
