/**
 * The records Tandem stores and exchanges: the vocabulary of the whole kit.
 *
 * Every allowed-value list is an `as const` array, with its union type derived
 * from it, so one list drives the types, runtime checks, story controls and
 * tests. Derived figures (progress, pace, forecast, scores, reminders) are not
 * here: they are computed by the rules beside this file, never stored by hand.
 */

/** A record id. Opaque: adapters choose the format. */
export type Id = string;

/** An instant as an ISO 8601 string in UTC, e.g. `2026-03-02T09:30:00.000Z`. */
export type IsoDateTime = string;

/** A calendar date as `YYYY-MM-DD`, with no time zone. */
export type IsoDate = string;

/** An ISO week as `YYYY-Www`, e.g. `2026-W09`. */
export type IsoWeek = string;

/** Fields every mutable record carries, for optimistic concurrency. */
export interface Versioned {
  readonly id: Id;
  /** Incremented by every write; a write must carry the version it read. */
  readonly version: number;
  readonly updatedAt: IsoDateTime;
}

// ── People and organisation ────────────────────────────────────────────────

/** What a person may do: managers lead, HR supports, employees take part. */
export const ROLES = ['employee', 'manager', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Person extends Versioned {
  /** The name as the person writes it (Chinese or Latin script). */
  name: string;
  /** The same name in the other script, where the person has one (e.g. "Wang Fang" for 王芳). */
  nameAlt?: string;
  email: string;
  /** Job title as shown in the directory. */
  title: string;
  orgUnitId: Id;
  /** Direct manager; `null` for the head of the company. */
  managerId: Id | null;
  roles: Role[];
  /** The job profile whose KPI templates make this person's plan. */
  jobProfileId?: Id | null;
}

export const ORG_UNIT_KINDS = ['company', 'department', 'team'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export interface OrgUnit extends Versioned {
  name: string;
  kind: OrgUnitKind;
  /** `null` for the company at the root. */
  parentId: Id | null;
  /** The manager who leads the unit. */
  leaderId: Id | null;
}

/** Who the kit is acting for: the signed-in person and what they may do. */
export interface Session {
  person: Person;
  /** Same as `person.roles`; kept apart so a host can narrow a session. */
  roles: readonly Role[];
}

// ── Cycles and strategy ───────────────────────────────────────────────────

export const CYCLE_STATUSES = ['planning', 'active', 'review', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export interface Cycle extends Versioned {
  name: string;
  start: IsoDate;
  end: IsoDate;
  status: CycleStatus;
  /** When true, approving a goal turns each of its key results into a KPI. */
  autoKpiFromKeyResults: boolean;
}

/** One pillar of the strategy map that goals ladder up to. */
export interface Strategy extends Versioned {
  cycleId: Id;
  title: string;
  description: string;
  /** Display order on the strategy map, ascending. */
  order: number;
}

// ── Goals (objectives) and key results ─────────────────────────────────────

export const GOAL_LEVELS = ['company', 'department', 'individual'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];

/**
 * `draft` → `pending` (submitted) → `approved` or `rejected`; `rejected` goes
 * back to `draft` when edited; any goal may be `archived`.
 */
export const GOAL_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'archived'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/**
 * `public`: the whole company; `org-unit`: the owner's unit and its managers;
 * `private`: the owner, their management chain and HR.
 */
export const GOAL_VISIBILITIES = ['public', 'org-unit', 'private'] as const;
export type GoalVisibility = (typeof GOAL_VISIBILITIES)[number];

/** An objective: where we want to be, with key results that measure it. */
export interface Goal extends Versioned {
  cycleId: Id;
  level: GoalLevel;
  ownerId: Id;
  orgUnitId: Id;
  /** The goal this one cascades from; `null` at the top of the cascade. */
  parentId: Id | null;
  /** Goals of other teams this one supports without cascading from them. */
  alignsTo: Id[];
  /** Strategy pillars this goal serves. */
  strategyIds: Id[];
  title: string;
  description: string;
  status: GoalStatus;
  /** Share of the parent's progress, in percent; siblings sum to 100. */
  weight: number;
  visibility: GoalVisibility;
  createdAt: IsoDateTime;
  /** The approver's comment on the last approval or rejection. */
  decisionComment?: string;
  decidedBy?: Id;
  decidedAt?: IsoDateTime;
}

export const METRIC_KINDS = ['number', 'percent', 'currency', 'milestone', 'binary'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Whether a higher value is better (`increase`) or a lower one (`decrease`). */
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The latest check-in, copied onto its key result so lists need not load history. */
export interface CheckInSnapshot {
  at: IsoDateTime;
  authorId: Id;
  /** 0 (no chance) to 1 (certain). */
  confidence: number;
}

/**
 * A measurable result. For `milestone`, values count milestones reached; for
 * `binary`, 0 is not done and 1 is done.
 */
export interface KeyResult extends Versioned {
  goalId: Id;
  title: string;
  metric: MetricKind;
  start: number;
  target: number;
  current: number;
  /** Unit label shown after values, e.g. `users`, `ms`; an ISO 4217 code for `currency`. */
  unit: string;
  direction: Direction;
  /** Share of the goal's progress, in percent; a goal's key results sum to 100. */
  weight: number;
  due: IsoDate;
  /** Maintained by the check-in command. */
  lastCheckIn: CheckInSnapshot | null;
}

/** A progress update on a key result; it also lands in the author's work log. */
export interface CheckIn {
  readonly id: Id;
  keyResultId: Id;
  /** The key result's goal, copied for queries by goal. */
  goalId: Id;
  authorId: Id;
  at: IsoDateTime;
  value: number;
  /** 0 (no chance) to 1 (certain). */
  confidence: number;
  note: string;
  blockers: string;
}

/** The fields of a goal an adjustment may change, as they were or became. */
export interface GoalSnapshot {
  title?: string;
  description?: string;
  weight?: number;
  parentId?: Id | null;
  keyResults?: KeyResultSnapshot[];
}

export interface KeyResultSnapshot {
  id: Id;
  title?: string;
  target?: number;
  weight?: number;
  due?: IsoDate;
}

/** One mid-cycle adjustment of a goal: why, by whom, and what changed. */
export interface GoalChange {
  readonly id: Id;
  goalId: Id;
  authorId: Id;
  at: IsoDateTime;
  reason: string;
  before: GoalSnapshot;
  after: GoalSnapshot;
}

// ── Performance: KPIs and work logs ────────────────────────────────────────

export const KPI_SOURCES = ['keyResult', 'jobProfile', 'manual'] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];

/**
 * Completion ratios (actual against target, after direction) at which a KPI
 * is healthy or worth watching; below `watch` it is unhealthy.
 */
export interface KpiThresholds {
  healthy: number;
  watch: number;
}

export interface KpiPoint {
  at: IsoDateTime;
  value: number;
}

/** A change of a KPI's target, with its reason (e.g. from a goal adjustment). */
export interface KpiTargetChange {
  at: IsoDateTime;
  authorId: Id;
  reason: string;
  before: number;
  after: number;
  /** The goal adjustment that caused it, for KPIs born from key results. */
  goalChangeId?: Id;
}

export interface Kpi extends Versioned {
  ownerId: Id;
  cycleId: Id;
  name: string;
  source: KpiSource;
  /** The key result or job profile it came from; `null` for manual KPIs. */
  sourceId: Id | null;
  /** Baseline the completion is measured from. */
  start: number;
  target: number;
  actual: number;
  unit: string;
  direction: Direction;
  /** Share of the owner's KPI score, in percent. */
  weight: number;
  thresholds: KpiThresholds;
  category: string;
  /** Measurements over time, oldest first; the last is `actual`. */
  history: KpiPoint[];
  targetChanges: KpiTargetChange[];
  archived: boolean;
  /**
   * When the KPI joined its owner's plan. A plan given after the cycle's
   * first days (a job profile for a new hire) is judged from then, not from
   * the cycle's start (see `kpiPeriod`). Absent: judged over the whole cycle.
   */
  addedAt?: IsoDateTime;
}

export interface WorkLogEntry {
  id: Id;
  at: IsoDateTime;
  text: string;
  keyResultId?: Id;
  checkInId?: Id;
}

/** A person's log for one week; check-ins add entries to it. */
export interface WorkLog extends Versioned {
  personId: Id;
  week: IsoWeek;
  entries: WorkLogEntry[];
}

// ── Reviews ───────────────────────────────────────────────────────────────

export const RATER_TYPES = ['self', 'peer', 'manager'] as const;
export type RaterType = (typeof RATER_TYPES)[number];

export const REVIEW_SECTION_KINDS = ['goals', 'kpis', 'competencies', 'questions'] as const;
export type ReviewSectionKind = (typeof REVIEW_SECTION_KINDS)[number];

export interface RatingPoint {
  value: number;
  label: string;
}

export interface ReviewItem {
  id: Id;
  text: string;
  /** `rating` items are scored on the template's scale; `text` items are answered in words. */
  answer: 'rating' | 'text';
}

export interface ReviewSection {
  id: Id;
  kind: ReviewSectionKind;
  title: string;
  /** Share of the review score, in percent; the scored sections sum to 100. */
  weight: number;
  /** Competencies and questions; goal and KPI sections list the reviewee's own. */
  items: ReviewItem[];
}

export interface ReviewTemplate extends Versioned {
  name: string;
  raterTypes: RaterType[];
  /** Ordered from lowest to highest. */
  scale: RatingPoint[];
  sections: ReviewSection[];
}

export const REVIEW_STATUSES = ['not-started', 'draft', 'submitted', 'locked'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewAnswer {
  rating?: number;
  comment?: string;
}

export interface Review extends Versioned {
  templateId: Id;
  cycleId: Id;
  revieweeId: Id;
  raterId: Id;
  raterType: RaterType;
  status: ReviewStatus;
  /** Keyed by review item id, goal id or KPI id. */
  answers: Record<Id, ReviewAnswer>;
  /** Computed when the review is submitted; `null` before. */
  score: number | null;
  submittedAt: IsoDateTime | null;
  /** Peer reviews stay hidden from the reviewee until HR or the manager releases them. */
  released: boolean;
}

// ── Feedback ──────────────────────────────────────────────────────────────

export const FEEDBACK_SUBJECT_KINDS = ['goal', 'keyResult', 'kpi', 'review', 'person'] as const;
export type FeedbackSubjectKind = (typeof FEEDBACK_SUBJECT_KINDS)[number];

export interface FeedbackSubject {
  kind: FeedbackSubjectKind;
  id: Id;
}

export const FEEDBACK_KINDS = ['praise', 'suggestion', 'question', 'note'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/**
 * `public`: anyone who may see the subject; `manager`: author, subject and the
 * subject's manager chain; `private`: author, subject and the subject's manager.
 */
export const FEEDBACK_VISIBILITIES = ['public', 'manager', 'private'] as const;
export type FeedbackVisibility = (typeof FEEDBACK_VISIBILITIES)[number];

export interface Feedback extends Versioned {
  subject: FeedbackSubject;
  authorId: Id;
  /** The message this one replies to; `null` opens a thread. */
  parentId: Id | null;
  kind: FeedbackKind;
  visibility: FeedbackVisibility;
  /** Plain text; `@name` mentions are resolved into `mentions`. Never HTML. */
  body: string;
  mentions: Id[];
  createdAt: IsoDateTime;
  editedAt: IsoDateTime | null;
}

// ── Development ───────────────────────────────────────────────────────────

export interface Training extends Versioned {
  title: string;
  category: string;
  description: string;
  hours: number;
}

export const TRAINING_RECORD_STATUSES = ['assigned', 'completed'] as const;
export type TrainingRecordStatus = (typeof TRAINING_RECORD_STATUSES)[number];

export interface TrainingRecord extends Versioned {
  personId: Id;
  trainingId: Id;
  status: TrainingRecordStatus;
  assignedAt: IsoDateTime;
  completedAt: IsoDateTime | null;
  /** Why it was assigned, e.g. a review's development plan. */
  reason: string;
}

/** A KPI every holder of a job profile carries, from recruitment's job analysis. */
export interface KpiTemplate {
  name: string;
  category: string;
  unit: string;
  direction: Direction;
  start: number;
  target: number;
  weight: number;
  thresholds: KpiThresholds;
}

export interface JobProfile extends Versioned {
  title: string;
  description: string;
  kpiTemplates: KpiTemplate[];
}

/** Record kinds by store name: what change notifications and adapters speak of. */
export interface RecordsByKind {
  person: Person;
  orgUnit: OrgUnit;
  cycle: Cycle;
  strategy: Strategy;
  goal: Goal;
  keyResult: KeyResult;
  checkIn: CheckIn;
  goalChange: GoalChange;
  kpi: Kpi;
  workLog: WorkLog;
  reviewTemplate: ReviewTemplate;
  review: Review;
  feedback: Feedback;
  training: Training;
  trainingRecord: TrainingRecord;
  jobProfile: JobProfile;
}

export const RECORD_KINDS = [
  'person',
  'orgUnit',
  'cycle',
  'strategy',
  'goal',
  'keyResult',
  'checkIn',
  'goalChange',
  'kpi',
  'workLog',
  'reviewTemplate',
  'review',
  'feedback',
  'training',
  'trainingRecord',
  'jobProfile',
] as const satisfies readonly (keyof RecordsByKind)[];
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Records of every kind, as a seed, a fixture or an export holds them. */
export type RecordSet = { [K in RecordKind]: RecordsByKind[K][] };
