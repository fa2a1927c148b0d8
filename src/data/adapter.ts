import type {
  CheckIn,
  Cycle,
  Direction,
  Feedback,
  FeedbackKind,
  FeedbackSubject,
  FeedbackVisibility,
  Goal,
  GoalChange,
  GoalLevel,
  GoalStatus,
  GoalVisibility,
  Id,
  IsoDate,
  IsoWeek,
  JobProfile,
  KeyResult,
  Kpi,
  KpiThresholds,
  MetricKind,
  OrgUnit,
  Person,
  RecordKind,
  Review,
  ReviewAnswer,
  ReviewTemplate,
  Session,
  Strategy,
  Training,
  TrainingRecord,
  WorkLog,
} from '../model/records.js';
import type { TandemError } from './errors.js';

/**
 * The one contract every data source implements: the IndexedDB demo store,
 * the REST adapter, or a vendor's own class. Widgets speak only to this.
 *
 * Rules every implementation keeps (the shared contract suite checks them):
 * - every method returns a Promise and rejects only with a `TandemError`;
 * - every method honours `options.signal`, rejecting with `AbortedError`;
 * - every write of an existing record carries the `version` it read, and a
 *   stale one rejects with `ConflictError` — never a silent overwrite;
 * - a logical write (e.g. a check-in with its key result, work log and KPIs)
 *   is all or nothing;
 * - permissions are those of `src/model/permissions.ts` for the session's
 *   person: a refused action rejects with `ForbiddenError`, and records the
 *   person may not see are left out of lists (or `NotFoundError` when asked
 *   for by id);
 * - every successful write is announced to `subscribe` listeners.
 */
export interface DataAdapter {
  // ── Session ─────────────────────────────────────────────────────────────
  /** Who the adapter acts for. */
  getSession(options?: RequestOptions): Promise<Session>;

  // ── People and organisation ─────────────────────────────────────────────
  getPerson(id: Id, options?: RequestOptions): Promise<Person>;
  listPeople(query?: PeopleQuery, options?: RequestOptions): Promise<Person[]>;
  /** A manager's reports: direct ones, or (`recursive`) the whole line below them. */
  listReports(managerId: Id, query?: { recursive?: boolean }, options?: RequestOptions): Promise<Person[]>;
  listOrgUnits(options?: RequestOptions): Promise<OrgUnit[]>;
  /** An org unit and every unit below it, parents before children. */
  getOrgSubtree(orgUnitId: Id, options?: RequestOptions): Promise<OrgUnit[]>;

  // ── Cycles and strategy ─────────────────────────────────────────────────
  listCycles(options?: RequestOptions): Promise<Cycle[]>;
  getCycle(id: Id, options?: RequestOptions): Promise<Cycle>;
  /** HR only. */
  createCycle(input: NewCycle, options?: RequestOptions): Promise<Cycle>;
  /** HR only. */
  updateCycle(id: Id, version: number, patch: CyclePatch, options?: RequestOptions): Promise<Cycle>;
  listStrategies(cycleId: Id, options?: RequestOptions): Promise<Strategy[]>;

  // ── Goals and key results ───────────────────────────────────────────────
  listGoals(query: GoalQuery, options?: RequestOptions): Promise<Goal[]>;
  getGoal(id: Id, options?: RequestOptions): Promise<Goal>;
  /** A goal, every goal cascading below it, and all their key results. */
  getGoalSubtree(rootId: Id, options?: RequestOptions): Promise<GoalSet>;
  /**
   * A person's goals in a cycle with every ancestor up the cascade ("why my
   * work matters"), and the key results of all of them.
   */
  getPersonGoalsWithAncestors(personId: Id, cycleId: Id, options?: RequestOptions): Promise<GoalSet>;
  /**
   * Key results grouped by goal, in the order of `goalIds` (as the kit's
   * stores list them): a tree then finds each goal's by a search and paints
   * before reading them all. In any other order the tree still ends right,
   * but its first frame may leave some goals' key results out until one more
   * pass over them, just after it.
   */
  listKeyResults(query: KeyResultQuery, options?: RequestOptions): Promise<KeyResult[]>;
  getKeyResult(id: Id, options?: RequestOptions): Promise<KeyResult>;

  /** A new goal starts as a draft. */
  createGoal(input: NewGoal, options?: RequestOptions): Promise<Goal>;
  /**
   * Edits a goal before approval (draft or rejected; a rejected goal returns
   * to draft). Approved goals change only through {@link adjustGoal}.
   */
  updateGoal(id: Id, version: number, patch: GoalPatch, options?: RequestOptions): Promise<Goal>;
  archiveGoal(id: Id, version: number, options?: RequestOptions): Promise<Goal>;
  /**
   * Changes an approved goal mid-cycle. The reason is required; the change is
   * recorded as a GoalChange with before and after, and KPIs born from the
   * goal's key results follow the new targets — all in one write.
   */
  adjustGoal(id: Id, version: number, adjustment: GoalAdjustment, options?: RequestOptions): Promise<AdjustGoalResult>;
  /** The adjustment history of a goal, newest first. */
  listGoalChanges(goalId: Id, options?: RequestOptions): Promise<GoalChange[]>;

  /** Draft or rejected → pending. By the goal's owner. */
  submitGoal(id: Id, version: number, options?: RequestOptions): Promise<Goal>;
  /** Pending → approved. By the owner's manager chain or HR. */
  approveGoal(id: Id, version: number, comment?: string, options?: RequestOptions): Promise<Goal>;
  /** Pending → rejected, with a required comment. */
  rejectGoal(id: Id, version: number, comment: string, options?: RequestOptions): Promise<Goal>;
  /** Approves several goals; each succeeds or fails on its own. */
  approveGoals(items: readonly VersionRef[], comment?: string, options?: RequestOptions): Promise<BatchResult<Goal>>;

  createKeyResult(input: NewKeyResult, options?: RequestOptions): Promise<KeyResult>;
  updateKeyResult(id: Id, version: number, patch: KeyResultPatch, options?: RequestOptions): Promise<KeyResult>;
  deleteKeyResult(id: Id, version: number, options?: RequestOptions): Promise<void>;

  /**
   * Records progress on a key result. In one write: the check-in, the key
   * result's `current` and `lastCheckIn`, an entry in the author's WorkLog for
   * the week, and the actual of every KPI born from the key result.
   */
  checkIn(input: NewCheckIn, options?: RequestOptions): Promise<CheckInResult>;
  /** Check-ins, oldest first. */
  listCheckIns(query: CheckInQuery, options?: RequestOptions): Promise<CheckIn[]>;
  listWorkLogs(query: { personId: Id; week?: IsoWeek }, options?: RequestOptions): Promise<WorkLog[]>;

  // ── KPIs ────────────────────────────────────────────────────────────────
  listKpis(query: KpiQuery, options?: RequestOptions): Promise<Kpi[]>;
  getKpi(id: Id, options?: RequestOptions): Promise<Kpi>;
  createKpi(input: NewKpi, options?: RequestOptions): Promise<Kpi>;
  updateKpi(id: Id, version: number, patch: KpiPatch, options?: RequestOptions): Promise<Kpi>;
  /** Turns a key result into a KPI of the goal's owner, kept in step with it from then on. */
  createKpiFromKeyResult(keyResultId: Id, options?: RequestOptions): Promise<Kpi>;
  /** Assigns a job profile to a person and creates their KPI plan from its templates. */
  applyJobProfile(personId: Id, jobProfileId: Id, cycleId: Id, options?: RequestOptions): Promise<Kpi[]>;
  listJobProfiles(options?: RequestOptions): Promise<JobProfile[]>;
  getJobProfile(id: Id, options?: RequestOptions): Promise<JobProfile>;

  // ── Reviews ─────────────────────────────────────────────────────────────
  listReviewTemplates(options?: RequestOptions): Promise<ReviewTemplate[]>;
  getReviewTemplate(id: Id, options?: RequestOptions): Promise<ReviewTemplate>;
  /** HR only. */
  createReviewTemplate(input: NewReviewTemplate, options?: RequestOptions): Promise<ReviewTemplate>;
  /** HR only. */
  updateReviewTemplate(id: Id, version: number, patch: Partial<NewReviewTemplate>, options?: RequestOptions): Promise<ReviewTemplate>;
  listReviews(query: ReviewQuery, options?: RequestOptions): Promise<Review[]>;
  getReview(id: Id, options?: RequestOptions): Promise<Review>;
  /** HR opens a review for a reviewee and rater. */
  createReview(input: NewReview, options?: RequestOptions): Promise<Review>;
  /** By the rater, while not submitted. Uses relaxed durability: drafts are frequent. */
  saveReviewDraft(id: Id, version: number, answers: Record<Id, ReviewAnswer>, options?: RequestOptions): Promise<Review>;
  /** By the rater; computes the score. Every rating item must be answered. */
  submitReview(id: Id, version: number, options?: RequestOptions): Promise<Review>;
  /** HR or the reviewee's manager: no more changes. */
  lockReview(id: Id, version: number, options?: RequestOptions): Promise<Review>;
  /** HR or the reviewee's manager: back to draft for the rater. */
  reopenReview(id: Id, version: number, options?: RequestOptions): Promise<Review>;
  /** HR or the reviewee's manager: lets the reviewee see their peer reviews. */
  releaseReviews(revieweeId: Id, cycleId: Id, options?: RequestOptions): Promise<Review[]>;

  // ── Feedback ────────────────────────────────────────────────────────────
  /** The feedback on a subject the session may see, oldest first. */
  listFeedback(subject: FeedbackSubject, options?: RequestOptions): Promise<Feedback[]>;
  createFeedback(input: NewFeedback, options?: RequestOptions): Promise<Feedback>;
  /** By the author only. */
  updateFeedback(id: Id, version: number, patch: { body: string }, options?: RequestOptions): Promise<Feedback>;
  /** By the author (or HR); replies stay, shown as replying to a removed message. */
  deleteFeedback(id: Id, version: number, options?: RequestOptions): Promise<void>;

  // ── Development ─────────────────────────────────────────────────────────
  listTrainings(options?: RequestOptions): Promise<Training[]>;
  listTrainingRecords(query: { personId?: Id; trainingId?: Id }, options?: RequestOptions): Promise<TrainingRecord[]>;
  /** A manager or HR assigns a training. */
  assignTraining(input: { personId: Id; trainingId: Id; reason: string }, options?: RequestOptions): Promise<TrainingRecord>;
  /** The person, their manager or HR marks it completed. */
  completeTraining(id: Id, version: number, options?: RequestOptions): Promise<TrainingRecord>;

  // ── Changes ─────────────────────────────────────────────────────────────
  /**
   * Calls `listener` after every write that lands — from this page, another
   * tab, or the server. Returns the function that stops listening.
   */
  subscribe(listener: ChangeListener): Unsubscribe;
}

/** Every method of the contract, for code that checks or wraps an adapter at run time. */
export const ADAPTER_METHODS = [
  'getSession',
  'getPerson',
  'listPeople',
  'listReports',
  'listOrgUnits',
  'getOrgSubtree',
  'listCycles',
  'getCycle',
  'createCycle',
  'updateCycle',
  'listStrategies',
  'listGoals',
  'getGoal',
  'getGoalSubtree',
  'getPersonGoalsWithAncestors',
  'listKeyResults',
  'getKeyResult',
  'createGoal',
  'updateGoal',
  'archiveGoal',
  'adjustGoal',
  'listGoalChanges',
  'submitGoal',
  'approveGoal',
  'rejectGoal',
  'approveGoals',
  'createKeyResult',
  'updateKeyResult',
  'deleteKeyResult',
  'checkIn',
  'listCheckIns',
  'listWorkLogs',
  'listKpis',
  'getKpi',
  'createKpi',
  'updateKpi',
  'createKpiFromKeyResult',
  'applyJobProfile',
  'listJobProfiles',
  'getJobProfile',
  'listReviewTemplates',
  'getReviewTemplate',
  'createReviewTemplate',
  'updateReviewTemplate',
  'listReviews',
  'getReview',
  'createReview',
  'saveReviewDraft',
  'submitReview',
  'lockReview',
  'reopenReview',
  'releaseReviews',
  'listFeedback',
  'createFeedback',
  'updateFeedback',
  'deleteFeedback',
  'listTrainings',
  'listTrainingRecords',
  'assignTraining',
  'completeTraining',
  'subscribe',
] as const satisfies readonly (keyof DataAdapter)[];

// Fails to compile when a method is added to DataAdapter but not to the list.
type MustBeNever<T extends never> = T;
export type AdapterMethodsListed = MustBeNever<Exclude<keyof DataAdapter, (typeof ADAPTER_METHODS)[number]>>;

export interface RequestOptions {
  signal?: AbortSignal;
}

export type Unsubscribe = () => void;

/**
 * What changed. `session` means the acting person changed; `reset` means
 * every record may have changed (e.g. demo data was reset).
 */
export type DataChange =
  | { type: 'records'; kind: RecordKind; ids: readonly Id[]; origin: ChangeOrigin }
  | { type: 'session'; origin: ChangeOrigin }
  | { type: 'reset'; origin: ChangeOrigin };

/** `local`: this page wrote it; `remote`: another tab or the server did. */
export type ChangeOrigin = 'local' | 'remote';

export type ChangeListener = (change: DataChange) => void;

/** A record id with the version the caller read. */
export interface VersionRef {
  id: Id;
  version: number;
}

export interface BatchResult<T> {
  succeeded: T[];
  failed: { id: Id; error: TandemError }[];
}

export interface GoalSet {
  goals: Goal[];
  keyResults: KeyResult[];
}

// ── Queries ───────────────────────────────────────────────────────────────

export interface PeopleQuery {
  orgUnitId?: Id;
  /** Include people of every unit below `orgUnitId`. */
  includeSubunits?: boolean;
  ids?: readonly Id[];
  /** Case-insensitive match on name, alternate name or email. */
  text?: string;
}

/** Every given field must match. Archived goals are left out unless asked for by status. */
export interface GoalQuery {
  cycleId?: Id;
  ownerId?: Id;
  orgUnitId?: Id;
  /** `null` for goals at the top of the cascade. */
  parentId?: Id | null;
  level?: GoalLevel;
  status?: GoalStatus | readonly GoalStatus[];
  ids?: readonly Id[];
}

export interface KeyResultQuery {
  goalId?: Id;
  goalIds?: readonly Id[];
}

export interface CheckInQuery {
  keyResultId?: Id;
  keyResultIds?: readonly Id[];
  authorId?: Id;
}

export interface KpiQuery {
  cycleId?: Id;
  ownerId?: Id;
  ownerIds?: readonly Id[];
  /** KPIs of everyone in this unit and the units below it. */
  orgUnitId?: Id;
  includeArchived?: boolean;
}

export interface ReviewQuery {
  cycleId?: Id;
  revieweeId?: Id;
  raterId?: Id;
}

// ── Inputs ────────────────────────────────────────────────────────────────

export interface NewCycle {
  name: string;
  start: IsoDate;
  end: IsoDate;
  status?: Cycle['status'];
  autoKpiFromKeyResults?: boolean;
}

export type CyclePatch = Partial<NewCycle>;

/**
 * A sibling's new weight, written together with a create or edit so that
 * siblings (goals under one parent, key results of one goal) keep summing
 * to 100. `version` is the sibling's as read: a stale one is a conflict.
 */
export interface WeightChange {
  id: Id;
  version: number;
  weight: number;
}

export interface NewGoal {
  cycleId: Id;
  level: GoalLevel;
  /** Defaults to the session's person. */
  ownerId?: Id;
  /** Defaults to the owner's org unit. */
  orgUnitId?: Id;
  parentId: Id | null;
  alignsTo?: Id[];
  strategyIds?: Id[];
  title: string;
  description?: string;
  weight: number;
  visibility?: GoalVisibility;
  /**
   * Other goals under the same parent take these weights in the same write.
   * Given (even empty), the siblings' weights must then sum to 100: the store
   * refuses otherwise, on `weight`.
   */
  rebalance?: readonly WeightChange[];
}

export interface GoalPatch {
  title?: string;
  description?: string;
  weight?: number;
  parentId?: Id | null;
  alignsTo?: Id[];
  strategyIds?: Id[];
  visibility?: GoalVisibility;
  ownerId?: Id;
  /** As in {@link NewGoal.rebalance}: sibling weights written with this edit, then checked to sum to 100. */
  rebalance?: readonly WeightChange[];
}

/** What an adjustment changes; key results are matched by id and carry the version read. */
export interface GoalAdjustment {
  reason: string;
  title?: string;
  description?: string;
  weight?: number;
  keyResults?: { id: Id; version: number; title?: string; target?: number; weight?: number; due?: IsoDate }[];
}

export interface AdjustGoalResult {
  goal: Goal;
  keyResults: KeyResult[];
  change: GoalChange;
  /** KPIs whose targets followed the adjustment. */
  kpis: Kpi[];
}

export interface NewKeyResult {
  goalId: Id;
  title: string;
  metric: MetricKind;
  start: number;
  target: number;
  /** Defaults to `start`. */
  current?: number;
  unit?: string;
  direction: Direction;
  weight: number;
  due: IsoDate;
  /**
   * The goal's other key results take these weights in the same write.
   * Given (even empty), the key results' weights must then sum to 100: the
   * store refuses otherwise, on `weight`.
   */
  rebalance?: readonly WeightChange[];
}

export type KeyResultPatch = Partial<Omit<NewKeyResult, 'goalId'>>;

export interface NewCheckIn {
  keyResultId: Id;
  /** The key result's version the person saw; stale → ConflictError. */
  keyResultVersion: number;
  value: number;
  /** 0 to 1. */
  confidence: number;
  note?: string;
  blockers?: string;
}

export interface CheckInResult {
  checkIn: CheckIn;
  keyResult: KeyResult;
  workLog: WorkLog;
  /** KPIs born from the key result, with their new actual. */
  kpis: Kpi[];
}

export interface NewKpi {
  ownerId: Id;
  cycleId: Id;
  name: string;
  source?: 'manual';
  start?: number;
  target: number;
  actual?: number;
  unit?: string;
  direction: Direction;
  weight: number;
  thresholds?: KpiThresholds;
  category?: string;
}

export interface KpiPatch {
  name?: string;
  target?: number;
  actual?: number;
  weight?: number;
  thresholds?: KpiThresholds;
  category?: string;
  archived?: boolean;
  /** Required when the target changes: kept in the KPI's target history. */
  reason?: string;
}

export type NewReviewTemplate = Pick<ReviewTemplate, 'name' | 'raterTypes' | 'scale' | 'sections'>;

export type NewReview = Pick<Review, 'templateId' | 'cycleId' | 'revieweeId' | 'raterId' | 'raterType'>;

export interface NewFeedback {
  subject: FeedbackSubject;
  parentId?: Id | null;
  kind: FeedbackKind;
  visibility: FeedbackVisibility;
  body: string;
}
