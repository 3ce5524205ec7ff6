export { DEFAULT_SETTINGS, MODES, readSettings, settingsConflicts, settingsProblem, type CorrectorShare, type DistributionMode, type DistributionSettings, type Id } from './settings'
export { planDistribution, type DistributionPlan, type ExistingAssignment, type PlannedAssignment } from './plan'
export { compareMarkings, type MarkingPoints, type Review } from './review'
export { seededRandom, shuffled } from './random'
