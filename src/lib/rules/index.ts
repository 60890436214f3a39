// The rules shared by the browser and the server, written once. The server's hooks get them as a
// CommonJS bundle (pocketbase/pb_hooks/generated/rules.js, made by scripts/lib/build.mjs).
export { seededRandom, shuffle, shuffleWithSeed, type Random } from './random';
export { drawAttempt, scoreAttempt, attemptsStatus, defaultAttempts, type BankItem, type KeyEntry, type HandedOutItem, type ItemResult, type ScoreResult, type AttemptsConfig, type AttemptsStatus, type SubmittedAttempt } from './assessment';
export { replayRun, type Choice, type ReplayResult } from './scenario';
export { CREDIT_SHARE, creditSteps, type LessonProgress, type FinishedRun, type StepCredit, type NotCountedReason } from './credit';
export { courseProgress, moduleProgress, type CourseProgress, type CourseShape, type LearnerRecords, type ModuleProgress, type ModuleStatus } from './completion';
export { domainScores, checkSelfCheck, validScore, selfCheckDomains, type SelfCheckDomains, type SelfCheckCheck } from './self-check';
export { MIN_GROUP, assignedScope, itemStatistics, choiceCounts, selfCheckAverages, type AssignedScope, type ScopeCatalog, type ItemStatistics, type ChoiceCounts, type SelfCheckAverages } from './group-figures';
