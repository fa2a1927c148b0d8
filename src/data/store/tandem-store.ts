/**
 * The domain logic of the embedded store, written once for every backend:
 * permissions for the session's person, validation, version checks, the
 * domain commands (check in, adjust, approve, score a review…) and change
 * notifications. Storage is a {@link Backend}: IndexedDB or Maps.
 *
 * Every write is one backend transaction: the plan re-reads what it checks
 * inside the transaction (so a concurrent change cannot slip between check and
 * write), awaits nothing but that transaction's operations, and throws to
 * abort. The organisation directory the permission rules need is loaded
 * before the transaction starts, because an IndexedDB transaction cannot wait
 * for anything else; it is reloaded whenever people or units change.
 */
import type {
  AdjustGoalResult,
  BatchResult,
  ChangeListener,
  CheckInQuery,
  CheckInResult,
  CyclePatch,
  DataAdapter,
  DataChange,
  GoalAdjustment,
  GoalPatch,
  GoalQuery,
  GoalSet,
  KeyResultPatch,
  KeyResultQuery,
  KpiPatch,
  KpiQuery,
  NewCheckIn,
  NewCycle,
  NewFeedback,
  NewGoal,
  NewKeyResult,
  NewKpi,
  NewReview,
  NewReviewTemplate,
  PeopleQuery,
  RequestOptions,
  ReviewQuery,
  Unsubscribe,
  VersionRef,
  WeightChange,
} from '../adapter.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  throwIfAborted,
  type TandemError,
} from '../errors.js';
import {
  canAdjustGoal,
  canArchiveGoal,
  canAssignTraining,
  canCheckIn,
  canCompleteTraining,
  canCreateGoal,
  canDecideGoal,
  canDeleteFeedback,
  canEditFeedback,
  canEditGoal,
  canEditKeyResults,
  canEditKpiActual,
  canEditKpiPlan,
  canEditReview,
  canManageCycles,
  canManageReview,
  canManageTemplates,
  canSubmitGoal,
  canViewFeedback,
  canViewGoal,
  canViewKpi,
  canViewReview,
  canViewWorkLog,
  isManagerOf,
  type Decision,
} from '../../model/permissions.js';
import { DEFAULT_KPI_THRESHOLDS, kpiFromKeyResult, kpiFromTemplate } from '../../model/kpi.js';
import {
  CYCLE_STATUSES,
  FEEDBACK_KINDS,
  FEEDBACK_VISIBILITIES,
  GOAL_LEVELS,
  GOAL_VISIBILITIES,
  RATER_TYPES,
  RECORD_KINDS,
  type CheckIn,
  type Cycle,
  type Feedback,
  type FeedbackSubject as Subject,
  type Goal,
  type GoalChange,
  type GoalSnapshot,
  type Id,
  type IsoDateTime,
  type IsoWeek,
  type JobProfile,
  type KeyResult,
  type KeyResultSnapshot,
  type Kpi,
  type OrgUnit,
  type Person,
  type RecordKind,
  type RecordSet,
  type RecordsByKind,
  type Review,
  type ReviewAnswer,
  type ReviewTemplate,
  type Session,
  type Strategy,
  type Training,
  type TrainingRecord,
  type WorkLog,
} from '../../model/records.js';
import {
  FEEDBACK_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  validateAdjustment,
  validateCheckInFields,
  validateCycleFields,
  validateFeedbackBody,
  validateGoalFields,
  validateKeyResultFields,
  validateKpiFields,
  validateRejection,
  validateSiblingWeights,
  type ValidationIssue,
} from '../../model/validation.js';
import { allStores, type Backend, type ReadTx, type StoreName, type WriteOptions, type WriteTx } from './backend.js';
import { buildDirectory, type Directory } from './directory.js';
import { isoWeekOf, mentionsIn, newId, scoreReview, validateReviewAnswers } from './rules.js';
import { abortedBy, toStorageError } from './storage-errors.js';
import { TrackingTx } from './tracking-tx.js';
import type { SeedInfo, SeedOptions, SeedPersonas, StoreStatusEvent } from './types.js';

/** What a plan knows besides its transaction: who acts, the organisation, and the time of the write. */
interface Context {
  actor: Person;
  dir: Directory;
  now: IsoDateTime;
}

/** Seeds a backend (in a Worker for IndexedDB, in batches otherwise). */
export type Seeder = (backend: Backend, options: SeedOptions) => Promise<SeedInfo>;

/** How a {@link TandemStore} is set up over its backend. */
export interface TandemStoreOptions {
  /** Who the store acts for; otherwise the person saved in `meta`, or the demo's employee persona. */
  actorId?: Id | null;
  /** The clock for `updatedAt`, `at` and friends; tests pin it. */
  clock?: () => Date;
  /** Tell other tabs on the same database about changes (BroadcastChannel). Default: IndexedDB only. */
  broadcast?: boolean;
  /** How {@link TandemStore.seed} fills the store. */
  seeder?: Seeder;
}

/** What travels between tabs. */
type ChannelMessage =
  | { type: 'records'; kind: RecordKind; ids: Id[] }
  | { type: 'session'; actorId: Id | null }
  | { type: 'reset' };

// ── Scopes: the stores each kind of transaction touches ───────────────────
const PEOPLE: StoreName[] = ['person', 'orgUnit'];
const GOALS_READ: StoreName[] = ['goal', 'keyResult'];
const GOAL_WRITE: StoreName[] = ['goal', 'keyResult', 'cycle', 'kpi'];
const ADJUST_WRITE: StoreName[] = ['goal', 'keyResult', 'cycle', 'kpi', 'goalChange'];
const CHECK_IN_WRITE: StoreName[] = ['goal', 'keyResult', 'checkIn', 'workLog', 'kpi'];
const REVIEW_WRITE: StoreName[] = ['review', 'reviewTemplate', 'goal', 'kpi'];
const FEEDBACK_SUBJECTS: StoreName[] = ['feedback', 'goal', 'keyResult', 'kpi', 'review'];
const EVERYTHING: StoreName[] = allStores(RECORD_KINDS);

const byId = (a: { id: Id }, b: { id: Id }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byName = (a: Person, b: Person): number => a.name.localeCompare(b.name) || byId(a, b);
const byTime =
  <T extends { id: Id }>(time: (item: T) => string) =>
  (a: T, b: T): number =>
    time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : byId(a, b);

function refuse(decision: Decision, action: string): void {
  // The reason tells the person which rule refused; the action is for logs and tests.
  if (!decision.allowed) throw new ForbiddenError(action, decision.reason);
}

function validate(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}

function checkVersion(kind: RecordKind, record: { id: Id; version: number }, expected: number): void {
  if (record.version !== expected) throw new ConflictError(kind, record.id, expected, record.version);
}

function issue(field: string, message: ValidationIssue['message']): ValidationIssue {
  return { field, message };
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): ValidationIssue[] {
  return (allowed as readonly unknown[]).includes(value) ? [] : [issue(field, { key: 'validation.notAllowedValue' })];
}

function optionalText(field: string, value: unknown, max: number): ValidationIssue[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return [issue(field, { key: 'validation.notAllowedValue' })];
  return [...value].length > max ? [issue(field, { key: 'validation.tooLong', params: { max } })] : [];
}

/** Bumps the version and stamps the time: every stored change goes through here. */
function revise<T extends { version: number; updatedAt: IsoDateTime }>(record: T, changes: Partial<NoInfer<T>>, now: IsoDateTime): T {
  return { ...record, ...changes, version: record.version + 1, updatedAt: now };
}

/** Only the fields that are given (`undefined` means "leave as is"). */
function defined<T extends object>(patch: T): Partial<T> {
  const result: Partial<T> = {};
  for (const [key, value] of Object.entries(patch) as [keyof T, T[keyof T]][]) {
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** A rebalance checked against the siblings: what to write once the caller's other checks passed. */
interface RebalancePlan<T> {
  readonly issues: ValidationIssue[];
  /** Conflicts for any sibling whose version moved since it was read. */
  checkVersions(): void;
  readonly revised: T[];
}

/**
 * Siblings' new weights for a create or edit: each change must name one of
 * `siblings` with a weight from 0 to 100, and the item's weight with every
 * sibling's (new or kept) must then sum to 100, reported on `weight`.
 */
function planRebalance<T extends { readonly id: Id; readonly version: number; weight: number; updatedAt: IsoDateTime }>(
  kind: 'goal' | 'keyResult',
  siblings: readonly T[],
  itemWeight: number,
  changes: readonly WeightChange[],
  now: IsoDateTime,
): RebalancePlan<T> {
  const byId = new Map(siblings.map((sibling) => [sibling.id, sibling]));
  const weights = new Map<Id, number>();
  const issues: ValidationIssue[] = [];
  for (const change of changes) {
    if (!byId.has(change.id)) throw new NotFoundError(kind, change.id);
    // Only the weight rule applies here; the title is the sibling's own business.
    for (const found of validateGoalFields({ weight: change.weight })) {
      if (found.field === 'weight') issues.push(issue(`rebalance.${change.id}`, found.message));
    }
    weights.set(change.id, change.weight);
  }
  if (issues.length === 0) {
    issues.push(...validateSiblingWeights([itemWeight, ...siblings.map((sibling) => weights.get(sibling.id) ?? sibling.weight)]));
  }
  const changed = changes.map((change) => ({ sibling: byId.get(change.id)!, change }));
  return {
    issues,
    checkVersions: () => changed.forEach(({ sibling, change }) => checkVersion(kind, sibling, change.version)),
    revised: changed.filter(({ sibling, change }) => sibling.weight !== change.weight).map(({ sibling, change }) => revise(sibling, { weight: change.weight } as Partial<T>, now)),
  };
}

/** The other live goals sharing a goal's parent; at the top, the cycle's other top-level goals of its level. */
async function siblingGoals(tx: ReadTx, goal: Pick<Goal, 'id' | 'parentId' | 'cycleId' | 'level'>): Promise<Goal[]> {
  const candidates =
    goal.parentId === null
      ? (await tx.getByIndex('goal', 'cycleId', goal.cycleId)).filter((other) => other.parentId === null && other.level === goal.level)
      : await tx.getByIndex('goal', 'parentId', goal.parentId);
  return candidates.filter((other) => other.id !== goal.id && other.status !== 'archived');
}

/** {@link planRebalance} for goals: each sibling whose weight changes must be one the actor may edit. */
async function planGoalRebalance(
  tx: ReadTx,
  ctx: Context,
  goal: Pick<Goal, 'id' | 'parentId' | 'cycleId' | 'level'>,
  itemWeight: number,
  changes: readonly WeightChange[],
): Promise<RebalancePlan<Goal>> {
  const siblings = await siblingGoals(tx, goal);
  for (const change of changes) {
    const sibling = siblings.find((candidate) => candidate.id === change.id);
    if (sibling && sibling.weight !== change.weight) refuse(canEditGoal(ctx.actor, sibling, ctx.dir), 'goal.rebalance');
  }
  return planRebalance('goal', siblings, itemWeight, changes, ctx.now);
}

/**
 * Rejects with AbortedError as soon as the signal fires, without waiting for
 * the work (reads only: a write is never reported aborted once it may land).
 */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedBy(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The embedded data store: a complete {@link DataAdapter} over a backend,
 * plus the demo's own tools (sign in as someone, seed, load, reset).
 */
export class TandemStore implements DataAdapter {
  /** The storage under the store; tests reach its fault injector through it. */
  readonly backend: Backend;
  private actorId: Id | null;
  private directoryPromise: Promise<Directory> | null = null;
  private readonly listeners = new Set<ChangeListener>();
  private readonly statusListeners = new Set<(event: StoreStatusEvent) => void>();
  private readonly channel: BroadcastChannel | null;
  private readonly clock: () => Date;
  private readonly seeder: Seeder | undefined;
  private readonly stopStatus: () => void;

  /** Prefer {@link TandemStore.create}, which also restores the acting person. */
  constructor(backend: Backend, options: TandemStoreOptions = {}) {
    this.backend = backend;
    this.actorId = options.actorId ?? null;
    this.clock = options.clock ?? (() => new Date());
    this.seeder = options.seeder;
    const broadcast = options.broadcast ?? backend.storage === 'indexeddb';
    this.channel = broadcast && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channelName(backend.name)) : null;
    this.channel?.addEventListener('message', (event: MessageEvent<ChannelMessage>) => this.onRemote(event.data));
    this.stopStatus = backend.onStatusChange((status) => {
      if (status.type !== 'closed' || status.reason === 'closed') return;
      this.announceStatus({ type: status.reason });
    });
  }

  /**
   * A store over a backend, acting for `options.actorId`, or else for the
   * person the store last acted for (kept in `meta`), or else the demo's
   * employee persona.
   */
  static async create(backend: Backend, options: TandemStoreOptions = {}): Promise<TandemStore> {
    const store = new TandemStore(backend, options);
    if (options.actorId) {
      await backend.write(['meta'], (tx) => tx.putMeta('actingPersonId', options.actorId!));
    } else {
      store.actorId = await backend.read(['meta'], async (tx) => {
        const saved = await tx.getMeta('actingPersonId');
        return saved ?? (await tx.getMeta('personas'))?.employee ?? null;
      });
    }
    return store;
  }

  /** Where records are kept: the UI says so when it is only `memory`. */
  get storage(): Backend['storage'] {
    return this.backend.storage;
  }

  // ── Plumbing ────────────────────────────────────────────────────────────

  private now(): IsoDateTime {
    return this.clock().toISOString();
  }

  private directory(): Promise<Directory> {
    this.directoryPromise ??= this.backend
      .read(PEOPLE, async (tx) => {
        const [people, orgUnits] = await Promise.all([tx.getAll('person'), tx.getAll('orgUnit')]);
        return buildDirectory(people, orgUnits);
      })
      .catch((error: unknown) => {
        this.directoryPromise = null;
        throw error;
      });
    return this.directoryPromise;
  }

  private async context(): Promise<Context> {
    const dir = await this.directory();
    const actor = this.actorId === null ? undefined : dir.person(this.actorId);
    if (!actor) throw new ForbiddenError('session');
    return { actor, dir, now: this.now() };
  }

  /** Runs a read; rejects at once when the signal fires, and only with TandemErrors. */
  private async read<T>(
    scope: readonly StoreName[],
    options: RequestOptions | undefined,
    plan: (tx: ReadTx, ctx: Context) => Promise<T>,
  ): Promise<T> {
    const signal = options?.signal;
    try {
      throwIfAborted(signal);
      const work = this.context().then((ctx) => this.backend.read(scope, (tx) => plan(tx, ctx)));
      return await raceAbort(work, signal);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** A read that needs only the directory (people and units are held in memory). */
  private async readDirectory<T>(options: RequestOptions | undefined, plan: (ctx: Context) => T): Promise<T> {
    const signal = options?.signal;
    try {
      throwIfAborted(signal);
      return await raceAbort(this.context().then(plan), signal);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Runs one logical write in one transaction and announces what it changed.
   * An abort before the plan finishes rolls the transaction back; once it may
   * have committed the write is reported as done, never as aborted.
   */
  private async write<T>(
    scope: readonly StoreName[],
    options: RequestOptions | undefined,
    plan: (tx: WriteTx, ctx: Context) => Promise<T>,
    writeOptions?: WriteOptions,
  ): Promise<T> {
    const signal = options?.signal;
    try {
      throwIfAborted(signal);
      const ctx = await this.context();
      throwIfAborted(signal);
      let changed = new Map<RecordKind, Set<Id>>();
      const result = await this.backend.write(
        scope,
        async (tx) => {
          const tracking = new TrackingTx(tx);
          const value = await plan(tracking, ctx);
          throwIfAborted(signal);
          changed = tracking.changed;
          return value;
        },
        writeOptions,
      );
      this.announceRecords(changed);
      return result;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  private emit(change: DataChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One broken listener must not keep the others from hearing.
        reportError(error);
      }
    }
  }

  private announceRecords(changed: ReadonlyMap<RecordKind, ReadonlySet<Id>>): void {
    if (changed.has('person') || changed.has('orgUnit')) this.directoryPromise = null;
    for (const [kind, ids] of changed) {
      const list = [...ids];
      this.emit({ type: 'records', kind, ids: list, origin: 'local' });
      this.post({ type: 'records', kind, ids: list });
    }
  }

  private announceReset(): void {
    this.directoryPromise = null;
    this.emit({ type: 'reset', origin: 'local' });
    this.post({ type: 'reset' });
  }

  private post(message: ChannelMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (store closed meanwhile): nobody left to tell.
    }
  }

  private onRemote(message: ChannelMessage): void {
    switch (message.type) {
      case 'records':
        if (message.kind === 'person' || message.kind === 'orgUnit') this.directoryPromise = null;
        this.emit({ type: 'records', kind: message.kind, ids: message.ids, origin: 'remote' });
        break;
      case 'session':
        // The acting person is shared through `meta` like a sign-in cookie: every tab follows.
        this.actorId = message.actorId;
        this.emit({ type: 'session', origin: 'remote' });
        break;
      case 'reset':
        this.directoryPromise = null;
        this.emit({ type: 'reset', origin: 'remote' });
        break;
    }
  }

  private announceStatus(event: StoreStatusEvent): void {
    for (const listener of [...this.statusListeners]) listener(event);
  }

  // ── Session ─────────────────────────────────────────────────────────────

  getSession(options?: RequestOptions): Promise<Session> {
    return this.readDirectory(options, ({ actor }) => ({ person: actor, roles: [...actor.roles] }));
  }

  // ── People and organisation ─────────────────────────────────────────────

  getPerson(id: Id, options?: RequestOptions): Promise<Person> {
    return this.readDirectory(options, ({ dir }) => {
      const person = dir.person(id);
      if (!person) throw new NotFoundError('person', id);
      return person;
    });
  }

  listPeople(query: PeopleQuery = {}, options?: RequestOptions): Promise<Person[]> {
    return this.readDirectory(options, ({ dir }) => {
      let units: Set<Id> | null = null;
      if (query.orgUnitId !== undefined) {
        units = query.includeSubunits
          ? new Set(dir.subtreeOf(query.orgUnitId).map((unit) => unit.id))
          : new Set([query.orgUnitId]);
      }
      const ids = query.ids ? new Set(query.ids) : null;
      const text = query.text?.trim().toLocaleLowerCase();
      return dir.people
        .filter((person) => {
          if (units && !units.has(person.orgUnitId)) return false;
          if (ids && !ids.has(person.id)) return false;
          if (text) {
            const haystack = [person.name, person.nameAlt ?? '', person.email].join('\n').toLocaleLowerCase();
            if (!haystack.includes(text)) return false;
          }
          return true;
        })
        .sort(byName);
    });
  }

  listReports(managerId: Id, query: { recursive?: boolean } = {}, options?: RequestOptions): Promise<Person[]> {
    return this.readDirectory(options, ({ dir }) => {
      if (!dir.person(managerId)) throw new NotFoundError('person', managerId);
      const result: Person[] = [...dir.reportsOf(managerId)];
      if (query.recursive) {
        const seen = new Set<Id>([managerId, ...result.map((person) => person.id)]);
        for (let i = 0; i < result.length; i += 1) {
          for (const report of dir.reportsOf(result[i]!.id)) {
            if (seen.has(report.id)) continue;
            seen.add(report.id);
            result.push(report);
          }
        }
      }
      return result.sort(byName);
    });
  }

  listOrgUnits(options?: RequestOptions): Promise<OrgUnit[]> {
    return this.readDirectory(options, ({ dir }) => [...dir.orgUnits].sort(byId));
  }

  getOrgSubtree(orgUnitId: Id, options?: RequestOptions): Promise<OrgUnit[]> {
    return this.readDirectory(options, ({ dir }) => {
      const subtree = dir.subtreeOf(orgUnitId);
      if (subtree.length === 0) throw new NotFoundError('orgUnit', orgUnitId);
      return subtree;
    });
  }

  // ── Cycles and strategy ─────────────────────────────────────────────────

  listCycles(options?: RequestOptions): Promise<Cycle[]> {
    return this.read(['cycle'], options, async (tx) => (await tx.getAll('cycle')).sort(byTime((cycle) => cycle.start)));
  }

  getCycle(id: Id, options?: RequestOptions): Promise<Cycle> {
    return this.read(['cycle'], options, (tx) => requireRecord(tx, 'cycle', id));
  }

  createCycle(input: NewCycle, options?: RequestOptions): Promise<Cycle> {
    return this.write(['cycle'], options, async (tx, { actor, now }) => {
      refuse(canManageCycles(actor), 'cycle.create');
      validate([
        ...validateCycleFields(input),
        ...(input.status === undefined ? [] : oneOf('status', input.status, CYCLE_STATUSES)),
      ]);
      const cycle: Cycle = {
        id: newId('cycle'),
        version: 1,
        updatedAt: now,
        name: input.name.trim(),
        start: input.start,
        end: input.end,
        status: input.status ?? 'planning',
        autoKpiFromKeyResults: input.autoKpiFromKeyResults ?? false,
      };
      await tx.put('cycle', cycle);
      return cycle;
    });
  }

  updateCycle(id: Id, version: number, patch: CyclePatch, options?: RequestOptions): Promise<Cycle> {
    return this.write(['cycle'], options, async (tx, { actor, now }) => {
      const cycle = await requireRecord(tx, 'cycle', id);
      refuse(canManageCycles(actor), 'cycle.update');
      checkVersion('cycle', cycle, version);
      const next = { ...cycle, ...defined(patch) };
      validate([
        ...validateCycleFields(next),
        ...(patch.status === undefined ? [] : oneOf('status', patch.status, CYCLE_STATUSES)),
      ]);
      const updated = revise(cycle, defined(patch), now);
      await tx.put('cycle', updated);
      return updated;
    });
  }

  listStrategies(cycleId: Id, options?: RequestOptions): Promise<Strategy[]> {
    return this.read(['strategy'], options, async (tx) =>
      (await tx.getByIndex('strategy', 'cycleId', cycleId)).sort((a, b) => a.order - b.order || byId(a, b)),
    );
  }

  // ── Goals and key results: reads ────────────────────────────────────────

  listGoals(query: GoalQuery, options?: RequestOptions): Promise<Goal[]> {
    return this.read(['goal'], options, async (tx, ctx) => {
      const candidates = await goalCandidates(tx, query);
      const statuses =
        query.status === undefined ? null : new Set(typeof query.status === 'string' ? [query.status] : query.status);
      const ids = query.ids ? new Set(query.ids) : null;
      return candidates
        .filter((goal) => {
          if (query.cycleId !== undefined && goal.cycleId !== query.cycleId) return false;
          if (query.ownerId !== undefined && goal.ownerId !== query.ownerId) return false;
          if (query.orgUnitId !== undefined && goal.orgUnitId !== query.orgUnitId) return false;
          if (query.parentId !== undefined && goal.parentId !== query.parentId) return false;
          if (query.level !== undefined && goal.level !== query.level) return false;
          if (ids && !ids.has(goal.id)) return false;
          // Archived goals stay out of lists unless asked for by status.
          if (statuses ? !statuses.has(goal.status) : goal.status === 'archived') return false;
          return canViewGoal(ctx.actor, goal, ctx.dir).allowed;
        })
        .sort(byTime((goal) => goal.createdAt));
    });
  }

  getGoal(id: Id, options?: RequestOptions): Promise<Goal> {
    return this.read(['goal'], options, (tx, ctx) => requireGoal(tx, ctx, id));
  }

  getGoalSubtree(rootId: Id, options?: RequestOptions): Promise<GoalSet> {
    return this.read(GOALS_READ, options, async (tx, ctx) => {
      const root = await requireGoal(tx, ctx, rootId);
      const goals: Goal[] = [root];
      const seen = new Set<Id>([root.id]);
      let frontier: Goal[] = [root];
      // Level by level, each level's index queries in parallel: measured 20-50× faster than
      // reading the cycle's goals once and walking them in memory (501 of 50,000 goals).
      while (frontier.length > 0) {
        const children = (await Promise.all(frontier.map((goal) => tx.getByIndex('goal', 'parentId', goal.id)))).flat();
        frontier = [];
        for (const child of children) {
          if (seen.has(child.id)) continue;
          seen.add(child.id);
          // Walk through goals the person may not see, so visible goals below them still show.
          frontier.push(child);
          if (child.status !== 'archived' && canViewGoal(ctx.actor, child, ctx.dir).allowed) goals.push(child);
        }
      }
      return { goals, keyResults: await keyResultsOf(tx, goals) };
    });
  }

  getPersonGoalsWithAncestors(personId: Id, cycleId: Id, options?: RequestOptions): Promise<GoalSet> {
    return this.read(GOALS_READ, options, async (tx, ctx) => {
      const own = (await tx.getByIndex('goal', 'ownerId', personId)).filter(
        (goal) => goal.cycleId === cycleId && goal.status !== 'archived' && canViewGoal(ctx.actor, goal, ctx.dir).allowed,
      );
      const goals = new Map<Id, Goal>(own.map((goal) => [goal.id, goal]));
      const walked = new Set<Id>(goals.keys());
      for (const goal of own) {
        let parentId = goal.parentId;
        while (parentId !== null && !walked.has(parentId)) {
          walked.add(parentId);
          const parent = await tx.get('goal', parentId);
          if (!parent) break;
          if (canViewGoal(ctx.actor, parent, ctx.dir).allowed) goals.set(parent.id, parent);
          parentId = parent.parentId;
        }
      }
      const list = [...goals.values()].sort(byTime((goal) => goal.createdAt));
      return { goals: list, keyResults: await keyResultsOf(tx, list) };
    });
  }

  listKeyResults(query: KeyResultQuery, options?: RequestOptions): Promise<KeyResult[]> {
    return this.read(GOALS_READ, options, async (tx, ctx) => {
      const goalIds = [...new Set([...(query.goalId ? [query.goalId] : []), ...(query.goalIds ?? [])])];
      const goals = (await Promise.all(goalIds.map((id) => tx.get('goal', id)))).filter(
        (goal): goal is Goal => goal !== undefined && canViewGoal(ctx.actor, goal, ctx.dir).allowed,
      );
      return keyResultsOf(tx, goals);
    });
  }

  getKeyResult(id: Id, options?: RequestOptions): Promise<KeyResult> {
    return this.read(GOALS_READ, options, async (tx, ctx) => (await requireKeyResult(tx, ctx, id)).keyResult);
  }

  listGoalChanges(goalId: Id, options?: RequestOptions): Promise<GoalChange[]> {
    return this.read(['goal', 'goalChange'], options, async (tx, ctx) => {
      await requireGoal(tx, ctx, goalId);
      return (await tx.getByIndex('goalChange', 'goalId', goalId)).sort(byTime((change) => change.at)).reverse();
    });
  }

  // ── Goals: writes ───────────────────────────────────────────────────────

  createGoal(input: NewGoal, options?: RequestOptions): Promise<Goal> {
    return this.write(['goal', 'cycle'], options, async (tx, ctx) => {
      const { actor, dir, now } = ctx;
      const ownerId = input.ownerId ?? actor.id;
      const owner = dir.person(ownerId);
      if (!owner) throw new NotFoundError('person', ownerId);
      const orgUnitId = input.orgUnitId ?? owner.orgUnitId;
      if (!dir.orgUnit(orgUnitId)) throw new NotFoundError('orgUnit', orgUnitId);
      await requireRecord(tx, 'cycle', input.cycleId);
      const parent = input.parentId === null ? null : await requireGoal(tx, ctx, input.parentId);
      validate([...oneOf('level', input.level, GOAL_LEVELS)]);
      refuse(canCreateGoal(actor, { level: input.level, ownerId, orgUnitId }, dir), 'goal.create');
      const fieldIssues = [
        ...validateGoalFields({ title: input.title, description: input.description, weight: input.weight }),
        ...(input.weight === undefined ? [issue('weight', { key: 'validation.required' })] : []),
        ...(input.visibility === undefined ? [] : oneOf('visibility', input.visibility, GOAL_VISIBILITIES)),
        ...(parent && parent.cycleId !== input.cycleId ? [issue('parentId', { key: 'validation.notAllowedValue' })] : []),
      ];
      const rebalance = input.rebalance
        ? await planGoalRebalance(tx, ctx, { id: '', parentId: input.parentId, cycleId: input.cycleId, level: input.level }, input.weight, input.rebalance)
        : undefined;
      // Stale siblings first, as in every write: the person resolves the conflict before anything else is judged.
      rebalance?.checkVersions();
      validate(fieldIssues);
      if (rebalance) validate(rebalance.issues);
      const goal: Goal = {
        id: newId('goal'),
        version: 1,
        updatedAt: now,
        cycleId: input.cycleId,
        level: input.level,
        ownerId,
        orgUnitId,
        parentId: input.parentId,
        alignsTo: [...(input.alignsTo ?? [])],
        strategyIds: [...(input.strategyIds ?? [])],
        title: input.title.trim(),
        description: input.description ?? '',
        status: 'draft',
        weight: input.weight,
        visibility: input.visibility ?? 'public',
        createdAt: now,
      };
      await tx.put('goal', goal);
      for (const sibling of rebalance?.revised ?? []) await tx.put('goal', sibling);
      return goal;
    });
  }

  updateGoal(id: Id, version: number, patch: GoalPatch, options?: RequestOptions): Promise<Goal> {
    return this.write(['goal'], options, async (tx, ctx) => {
      const { actor, dir, now } = ctx;
      const goal = await requireGoal(tx, ctx, id);
      refuse(canEditGoal(actor, goal, dir), 'goal.update');
      const changes = defined(patch);
      if (changes.ownerId !== undefined && changes.ownerId !== goal.ownerId) {
        if (!dir.person(changes.ownerId)) throw new NotFoundError('person', changes.ownerId);
        // Handing a goal over is creating it for the new owner: the same rule applies.
        refuse(canCreateGoal(actor, { level: goal.level, ownerId: changes.ownerId, orgUnitId: goal.orgUnitId }, dir), 'goal.update');
      }
      const issues = [
        ...validateGoalFields({ ...goal, ...changes }),
        ...(changes.visibility === undefined ? [] : oneOf('visibility', changes.visibility, GOAL_VISIBILITIES)),
      ];
      if (changes.parentId !== undefined && changes.parentId !== null && changes.parentId !== goal.parentId) {
        const parent = await requireGoal(tx, ctx, changes.parentId);
        if (parent.cycleId !== goal.cycleId || (await isInSubtree(tx, parent, goal.id))) {
          issues.push(issue('parentId', { key: 'validation.notAllowedValue' }));
        }
      }
      const { rebalance: weightChanges, ...goalChanges } = changes;
      const rebalance = weightChanges
        ? await planGoalRebalance(tx, ctx, goal, goalChanges.weight ?? goal.weight, weightChanges)
        : undefined;
      // A stale write is a conflict before anything else: the rules are only worth judging against what is stored now.
      checkVersion('goal', goal, version);
      rebalance?.checkVersions();
      validate([...issues, ...(rebalance?.issues ?? [])]);
      // Editing a rejected goal starts the next draft.
      const updated = revise(goal, { ...goalChanges, status: 'draft' }, now);
      await tx.put('goal', updated);
      for (const sibling of rebalance?.revised ?? []) await tx.put('goal', sibling);
      return updated;
    });
  }

  archiveGoal(id: Id, version: number, options?: RequestOptions): Promise<Goal> {
    return this.write(['goal'], options, async (tx, ctx) => {
      const goal = await requireGoal(tx, ctx, id);
      refuse(canArchiveGoal(ctx.actor, goal, ctx.dir), 'goal.archive');
      checkVersion('goal', goal, version);
      const updated = revise(goal, { status: 'archived' }, ctx.now);
      await tx.put('goal', updated);
      return updated;
    });
  }

  adjustGoal(id: Id, version: number, adjustment: GoalAdjustment, options?: RequestOptions): Promise<AdjustGoalResult> {
    return this.write(ADJUST_WRITE, options, async (tx, ctx) => {
      const { actor, dir, now } = ctx;
      const goal = await requireGoal(tx, ctx, id);
      refuse(canAdjustGoal(actor, goal, dir), 'goal.adjust');
      const cycle = await requireRecord(tx, 'cycle', goal.cycleId);
      const goalChanges = defined({ title: adjustment.title, description: adjustment.description, weight: adjustment.weight });
      const issues = [...validateAdjustment(adjustment), ...validateGoalFields({ ...goal, ...goalChanges })];

      // Key results are matched by id and must belong to this goal.
      const krEdits: { before: KeyResult; after: KeyResult; changes: Partial<KeyResult> }[] = [];
      for (const edit of adjustment.keyResults ?? []) {
        const keyResult = await tx.get('keyResult', edit.id);
        if (!keyResult || keyResult.goalId !== goal.id) throw new NotFoundError('keyResult', edit.id);
        const changes = defined({ title: edit.title, target: edit.target, weight: edit.weight, due: edit.due });
        for (const found of validateKeyResultFields({ ...keyResult, ...changes }, cycle)) {
          issues.push(issue(`keyResults.${edit.id}.${found.field}`, found.message));
        }
        krEdits.push({ before: keyResult, after: revise(keyResult, changes, now), changes });
      }
      // A key result's weight is its share of the goal: moving one moves the others' share, so the set must still sum to 100.
      if (krEdits.some(({ before: old, changes }) => changes.weight !== undefined && changes.weight !== old.weight)) {
        const newWeights = new Map(krEdits.map(({ after: edited }) => [edited.id, edited.weight]));
        const all = await tx.getByIndex('keyResult', 'goalId', goal.id);
        for (const found of validateSiblingWeights(all.map((keyResult) => newWeights.get(keyResult.id) ?? keyResult.weight))) {
          issues.push(issue('keyResults.weight', found.message));
        }
      }
      // As for edits: a stale adjustment is a conflict first (its weights are judged against what is stored now).
      checkVersion('goal', goal, version);
      for (const edit of adjustment.keyResults ?? []) {
        const found = krEdits.find((candidate) => candidate.before.id === edit.id)!;
        checkVersion('keyResult', found.before, edit.version);
      }
      validate(issues);

      const before: GoalSnapshot = {};
      const after: GoalSnapshot = {};
      for (const field of ['title', 'description', 'weight'] as const) {
        if (goalChanges[field] === undefined || goalChanges[field] === goal[field]) continue;
        Object.assign(before, { [field]: goal[field] });
        Object.assign(after, { [field]: goalChanges[field] });
      }
      const krBefore: KeyResultSnapshot[] = [];
      const krAfter: KeyResultSnapshot[] = [];
      for (const { before: old, changes } of krEdits) {
        const oldSnapshot: KeyResultSnapshot = { id: old.id };
        const newSnapshot: KeyResultSnapshot = { id: old.id };
        for (const field of ['title', 'target', 'weight', 'due'] as const) {
          if (changes[field] === undefined || changes[field] === old[field]) continue;
          Object.assign(oldSnapshot, { [field]: old[field] });
          Object.assign(newSnapshot, { [field]: changes[field] });
        }
        krBefore.push(oldSnapshot);
        krAfter.push(newSnapshot);
      }
      if (krBefore.length > 0) {
        before.keyResults = krBefore;
        after.keyResults = krAfter;
      }

      const change: GoalChange = {
        id: newId('goalChange'),
        goalId: goal.id,
        authorId: actor.id,
        at: now,
        reason: adjustment.reason.trim(),
        before,
        after,
      };
      const updatedGoal = revise(goal, goalChanges, now);
      await tx.put('goal', updatedGoal);
      await tx.put('goalChange', change);

      // KPIs born from a key result follow its new target, keeping the reason in their history.
      const kpis: Kpi[] = [];
      for (const { before: old, after: updated } of krEdits) {
        await tx.put('keyResult', updated);
        if (updated.target === old.target) continue;
        for (const kpi of await tx.getByIndex('kpi', 'sourceId', old.id)) {
          if (kpi.source !== 'keyResult' || kpi.archived) continue;
          const moved = revise(
            kpi,
            {
              target: updated.target,
              targetChanges: [
                ...kpi.targetChanges,
                { at: now, authorId: actor.id, reason: change.reason, before: kpi.target, after: updated.target, goalChangeId: change.id },
              ],
            },
            now,
          );
          await tx.put('kpi', moved);
          kpis.push(moved);
        }
      }
      return { goal: updatedGoal, keyResults: krEdits.map((edit) => edit.after), change, kpis };
    });
  }

  submitGoal(id: Id, version: number, options?: RequestOptions): Promise<Goal> {
    return this.write(['goal'], options, async (tx, ctx) => {
      const goal = await requireGoal(tx, ctx, id);
      refuse(canSubmitGoal(ctx.actor, goal, ctx.dir), 'goal.submit');
      checkVersion('goal', goal, version);
      const updated = revise(goal, { status: 'pending' }, ctx.now);
      await tx.put('goal', updated);
      return updated;
    });
  }

  approveGoal(id: Id, version: number, comment?: string, options?: RequestOptions): Promise<Goal> {
    return this.write(GOAL_WRITE, options, (tx, ctx) => approve(tx, ctx, { id, version }, comment));
  }

  rejectGoal(id: Id, version: number, comment: string, options?: RequestOptions): Promise<Goal> {
    return this.write(['goal'], options, async (tx, ctx) => {
      const goal = await requireGoal(tx, ctx, id);
      refuse(canDecideGoal(ctx.actor, goal, ctx.dir), 'goal.reject');
      checkVersion('goal', goal, version);
      validate(validateRejection({ comment }));
      const updated = revise(
        goal,
        { status: 'rejected', decisionComment: comment.trim(), decidedBy: ctx.actor.id, decidedAt: ctx.now },
        ctx.now,
      );
      await tx.put('goal', updated);
      return updated;
    });
  }

  /** Each goal in its own transaction: one refusal or conflict does not hold the others back. */
  async approveGoals(items: readonly VersionRef[], comment?: string, options?: RequestOptions): Promise<BatchResult<Goal>> {
    const signal = options?.signal;
    try {
      throwIfAborted(signal);
    } catch (error) {
      throw toStorageError(error);
    }
    const result: BatchResult<Goal> = { succeeded: [], failed: [] };
    for (const item of items) {
      try {
        result.succeeded.push(await this.write(GOAL_WRITE, options, (tx, ctx) => approve(tx, ctx, item, comment)));
      } catch (error) {
        const typed: TandemError = toStorageError(error);
        // Stop at an abort: the goals approved so far stay approved, and were announced.
        if (typed.code === 'aborted') throw typed;
        result.failed.push({ id: item.id, error: typed });
      }
    }
    return result;
  }

  // ── Key results ─────────────────────────────────────────────────────────

  createKeyResult(input: NewKeyResult, options?: RequestOptions): Promise<KeyResult> {
    return this.write(['goal', 'keyResult', 'cycle'], options, async (tx, ctx) => {
      const goal = await requireGoal(tx, ctx, input.goalId);
      refuse(canEditKeyResults(ctx.actor, goal, ctx.dir), 'keyResult.create');
      const cycle = await tx.get('cycle', goal.cycleId);
      const rebalance = input.rebalance
        ? planRebalance('keyResult', await tx.getByIndex('keyResult', 'goalId', goal.id), input.weight, input.rebalance, ctx.now)
        : undefined;
      // Stale siblings first, as in every write: the person resolves the conflict before anything else is judged.
      rebalance?.checkVersions();
      validate([...validateKeyResultFields(input, cycle), ...optionalText('unit', input.unit, TITLE_MAX_LENGTH)]);
      if (rebalance) validate(rebalance.issues);
      const keyResult: KeyResult = {
        id: newId('kr'),
        version: 1,
        updatedAt: ctx.now,
        goalId: goal.id,
        title: input.title.trim(),
        metric: input.metric,
        start: input.start,
        target: input.target,
        current: input.current ?? input.start,
        unit: input.unit ?? '',
        direction: input.direction,
        weight: input.weight,
        due: input.due,
        lastCheckIn: null,
      };
      await tx.put('keyResult', keyResult);
      for (const sibling of rebalance?.revised ?? []) await tx.put('keyResult', sibling);
      return keyResult;
    });
  }

  updateKeyResult(id: Id, version: number, patch: KeyResultPatch, options?: RequestOptions): Promise<KeyResult> {
    return this.write(['goal', 'keyResult', 'cycle'], options, async (tx, ctx) => {
      const { keyResult, goal } = await requireKeyResult(tx, ctx, id);
      refuse(canEditKeyResults(ctx.actor, goal, ctx.dir), 'keyResult.update');
      const { rebalance: weightChanges, ...changes } = defined(patch);
      const cycle = await tx.get('cycle', goal.cycleId);
      const siblings = weightChanges
        ? (await tx.getByIndex('keyResult', 'goalId', goal.id)).filter((other) => other.id !== keyResult.id)
        : [];
      const rebalance = weightChanges ? planRebalance('keyResult', siblings, changes.weight ?? keyResult.weight, weightChanges, ctx.now) : undefined;
      // As for goals: a stale write is a conflict first.
      checkVersion('keyResult', keyResult, version);
      rebalance?.checkVersions();
      validate([
        ...validateKeyResultFields({ ...keyResult, ...changes }, cycle),
        ...optionalText('unit', changes.unit, TITLE_MAX_LENGTH),
        ...(rebalance?.issues ?? []),
      ]);
      const updated = revise(keyResult, changes, ctx.now);
      await tx.put('keyResult', updated);
      for (const sibling of rebalance?.revised ?? []) await tx.put('keyResult', sibling);
      return updated;
    });
  }

  deleteKeyResult(id: Id, version: number, options?: RequestOptions): Promise<void> {
    return this.write(GOALS_READ, options, async (tx, ctx) => {
      const { keyResult, goal } = await requireKeyResult(tx, ctx, id);
      refuse(canEditKeyResults(ctx.actor, goal, ctx.dir), 'keyResult.delete');
      checkVersion('keyResult', keyResult, version);
      await tx.delete('keyResult', id);
    });
  }

  checkIn(input: NewCheckIn, options?: RequestOptions): Promise<CheckInResult> {
    return this.write(
      CHECK_IN_WRITE,
      options,
      async (tx, ctx) => {
        const { actor, now } = ctx;
        const { keyResult, goal } = await requireKeyResult(tx, ctx, input.keyResultId);
        refuse(canCheckIn(actor, goal, ctx.dir), 'keyResult.checkIn');
        // Judged against the key result the person saw: a changed one (a new target, another metric) is a conflict first.
        checkVersion('keyResult', keyResult, input.keyResultVersion);
        validate(validateCheckInFields(input, keyResult));

        const checkIn: CheckIn = {
          id: newId('checkIn'),
          keyResultId: keyResult.id,
          goalId: goal.id,
          authorId: actor.id,
          at: now,
          value: input.value,
          confidence: input.confidence,
          note: input.note?.trim() ?? '',
          blockers: input.blockers?.trim() ?? '',
        };
        const updatedKeyResult = revise(
          keyResult,
          { current: input.value, lastCheckIn: { at: now, authorId: actor.id, confidence: input.confidence } },
          now,
        );
        const workLog = await addToWorkLog(tx, actor.id, isoWeekOf(now), now, {
          id: newId('entry'),
          at: now,
          text: checkIn.note || keyResult.title,
          keyResultId: keyResult.id,
          checkInId: checkIn.id,
        });
        await tx.put('checkIn', checkIn);
        await tx.put('keyResult', updatedKeyResult);
        await tx.put('workLog', workLog);
        const kpis: Kpi[] = [];
        for (const kpi of await tx.getByIndex('kpi', 'sourceId', keyResult.id)) {
          if (kpi.source !== 'keyResult' || kpi.archived) continue;
          const updated = revise(kpi, { actual: input.value, history: [...kpi.history, { at: now, value: input.value }] }, now);
          await tx.put('kpi', updated);
          kpis.push(updated);
        }
        return { checkIn, keyResult: updatedKeyResult, workLog, kpis };
      },
      // Check-ins are frequent and small: relaxed durability made them ~2× faster.
      { durability: 'relaxed' },
    );
  }

  listCheckIns(query: CheckInQuery, options?: RequestOptions): Promise<CheckIn[]> {
    return this.read(['checkIn', 'goal'], options, async (tx, ctx) => {
      const keyResultIds = [...new Set([...(query.keyResultId ? [query.keyResultId] : []), ...(query.keyResultIds ?? [])])];
      let checkIns: CheckIn[];
      if (keyResultIds.length > 0) {
        checkIns = (await Promise.all(keyResultIds.map((id) => tx.getByIndex('checkIn', 'keyResultId', id)))).flat();
        if (query.authorId !== undefined) checkIns = checkIns.filter((checkIn) => checkIn.authorId === query.authorId);
      } else if (query.authorId !== undefined) {
        checkIns = await tx.getByIndex('checkIn', 'authorId', query.authorId);
      } else {
        checkIns = await tx.getAll('checkIn');
      }
      const visible = await visibleGoalIds(tx, ctx, checkIns.map((checkIn) => checkIn.goalId));
      return checkIns.filter((checkIn) => visible.has(checkIn.goalId)).sort(byTime((checkIn) => checkIn.at));
    });
  }

  listWorkLogs(query: { personId: Id; week?: IsoWeek }, options?: RequestOptions): Promise<WorkLog[]> {
    return this.read(['workLog'], options, async (tx, ctx) => {
      if (!canViewWorkLog(ctx.actor, query.personId, ctx.dir).allowed) return [];
      const logs =
        query.week === undefined
          ? await tx.getByIndex('workLog', 'personId', query.personId)
          : await tx.getByIndex('workLog', 'personWeek', [query.personId, query.week]);
      return logs.sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : byId(a, b)));
    });
  }

  // ── KPIs ────────────────────────────────────────────────────────────────

  listKpis(query: KpiQuery, options?: RequestOptions): Promise<Kpi[]> {
    return this.read(['kpi'], options, async (tx, ctx) => {
      let owners: Set<Id> | null = null;
      if (query.ownerId !== undefined || query.ownerIds !== undefined) {
        owners = new Set([...(query.ownerId ? [query.ownerId] : []), ...(query.ownerIds ?? [])]);
      }
      if (query.orgUnitId !== undefined) {
        const units = new Set(ctx.dir.subtreeOf(query.orgUnitId).map((unit) => unit.id));
        const inUnits = ctx.dir.people.filter((person) => units.has(person.orgUnitId)).map((person) => person.id);
        owners = new Set(owners ? inUnits.filter((id) => owners!.has(id)) : inUnits);
      }
      let kpis: Kpi[];
      if (query.cycleId !== undefined && (owners === null || owners.size > 20)) {
        kpis = await tx.getByIndex('kpi', 'cycleId', query.cycleId);
      } else if (owners !== null) {
        kpis = (await Promise.all([...owners].map((ownerId) => tx.getByIndex('kpi', 'ownerId', ownerId)))).flat();
      } else {
        kpis = await tx.getAll('kpi');
      }
      return kpis
        .filter((kpi) => {
          if (owners && !owners.has(kpi.ownerId)) return false;
          if (query.cycleId !== undefined && kpi.cycleId !== query.cycleId) return false;
          if (kpi.archived && !query.includeArchived) return false;
          return canViewKpi(ctx.actor, kpi, ctx.dir).allowed;
        })
        .sort((a, b) => (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : byId(a, b)));
    });
  }

  getKpi(id: Id, options?: RequestOptions): Promise<Kpi> {
    return this.read(['kpi'], options, (tx, ctx) => requireKpi(tx, ctx, id));
  }

  createKpi(input: NewKpi, options?: RequestOptions): Promise<Kpi> {
    return this.write(['kpi', 'cycle'], options, async (tx, { actor, dir, now }) => {
      if (!dir.person(input.ownerId)) throw new NotFoundError('person', input.ownerId);
      await requireRecord(tx, 'cycle', input.cycleId);
      refuse(canEditKpiPlan(actor, input.ownerId, dir), 'kpi.create');
      validate([
        ...validateKpiFields(input),
        ...(input.source === undefined ? [] : oneOf('source', input.source, ['manual'] as const)),
        ...optionalText('unit', input.unit, TITLE_MAX_LENGTH),
        ...optionalText('category', input.category, TITLE_MAX_LENGTH),
      ]);
      const start = input.start ?? 0;
      const actual = input.actual ?? start;
      const kpi: Kpi = {
        id: newId('kpi'),
        version: 1,
        updatedAt: now,
        ownerId: input.ownerId,
        cycleId: input.cycleId,
        name: input.name.trim(),
        source: 'manual',
        sourceId: null,
        start,
        target: input.target,
        actual,
        unit: input.unit ?? '',
        direction: input.direction,
        weight: input.weight,
        thresholds: input.thresholds ? { ...input.thresholds } : { ...DEFAULT_KPI_THRESHOLDS },
        category: input.category ?? '',
        history: [{ at: now, value: actual }],
        targetChanges: [],
        archived: false,
        addedAt: now,
      };
      await tx.put('kpi', kpi);
      return kpi;
    });
  }

  updateKpi(id: Id, version: number, patch: KpiPatch, options?: RequestOptions): Promise<Kpi> {
    return this.write(['kpi'], options, async (tx, ctx) => {
      const { actor, dir, now } = ctx;
      const kpi = await requireKpi(tx, ctx, id);
      const { reason, actual, ...plan } = defined(patch);
      if (Object.keys(plan).length > 0) refuse(canEditKpiPlan(actor, kpi.ownerId, dir), 'kpi.updatePlan');
      if (actual !== undefined) refuse(canEditKpiActual(actor, kpi, dir), 'kpi.updateActual');
      checkVersion('kpi', kpi, version);
      const targetMoves = plan.target !== undefined && plan.target !== kpi.target;
      validate([
        ...validateKpiFields({ ...kpi, ...plan, ...(actual === undefined ? {} : { actual }) }),
        ...optionalText('category', plan.category, TITLE_MAX_LENGTH),
        // The target history keeps why: a moved target without a reason is refused.
        ...(targetMoves && !reason?.trim() ? [issue('reason', { key: 'validation.targetReasonRequired' })] : []),
        ...optionalText('reason', reason, NOTE_MAX_LENGTH),
      ]);
      const changes: Partial<Kpi> = { ...plan };
      if (targetMoves) {
        changes.targetChanges = [
          ...kpi.targetChanges,
          { at: now, authorId: actor.id, reason: reason!.trim(), before: kpi.target, after: plan.target! },
        ];
      }
      if (actual !== undefined) {
        changes.actual = actual;
        changes.history = [...kpi.history, { at: now, value: actual }];
      }
      const updated = revise(kpi, changes, now);
      await tx.put('kpi', updated);
      return updated;
    });
  }

  createKpiFromKeyResult(keyResultId: Id, options?: RequestOptions): Promise<Kpi> {
    return this.write(['goal', 'keyResult', 'kpi'], options, async (tx, ctx) => {
      const { keyResult, goal } = await requireKeyResult(tx, ctx, keyResultId);
      refuse(canEditKpiPlan(ctx.actor, goal.ownerId, ctx.dir), 'kpi.fromKeyResult');
      return ensureKpiFor(tx, keyResult, goal, ctx.now);
    });
  }

  applyJobProfile(personId: Id, jobProfileId: Id, cycleId: Id, options?: RequestOptions): Promise<Kpi[]> {
    return this.write(['person', 'jobProfile', 'cycle', 'kpi'], options, async (tx, { actor, dir, now }) => {
      const person = await tx.get('person', personId);
      if (!person) throw new NotFoundError('person', personId);
      const profile = await requireRecord(tx, 'jobProfile', jobProfileId);
      await requireRecord(tx, 'cycle', cycleId);
      refuse(canEditKpiPlan(actor, personId, dir), 'kpi.applyJobProfile');
      if (person.jobProfileId !== profile.id) await tx.put('person', revise(person, { jobProfileId: profile.id }, now));
      const existing = (await tx.getByIndex('kpi', 'ownerId', personId)).filter(
        (kpi) => kpi.cycleId === cycleId && kpi.source === 'jobProfile' && kpi.sourceId === profile.id && !kpi.archived,
      );
      const plan: Kpi[] = [];
      // Applying the same profile again adds only the templates not yet in the plan.
      for (const template of profile.kpiTemplates) {
        const already = existing.find((kpi) => kpi.name === template.name);
        if (already) {
          plan.push(already);
          continue;
        }
        const kpi = kpiFromTemplate(template, profile.id, { ownerId: personId, cycleId }, newId('kpi'), now);
        await tx.put('kpi', kpi);
        plan.push(kpi);
      }
      return plan;
    });
  }

  listJobProfiles(options?: RequestOptions): Promise<JobProfile[]> {
    return this.read(['jobProfile'], options, async (tx) => (await tx.getAll('jobProfile')).sort(byId));
  }

  getJobProfile(id: Id, options?: RequestOptions): Promise<JobProfile> {
    return this.read(['jobProfile'], options, (tx) => requireRecord(tx, 'jobProfile', id));
  }

  // ── Reviews ─────────────────────────────────────────────────────────────

  listReviewTemplates(options?: RequestOptions): Promise<ReviewTemplate[]> {
    return this.read(['reviewTemplate'], options, async (tx) => (await tx.getAll('reviewTemplate')).sort(byId));
  }

  getReviewTemplate(id: Id, options?: RequestOptions): Promise<ReviewTemplate> {
    return this.read(['reviewTemplate'], options, (tx) => requireRecord(tx, 'reviewTemplate', id));
  }

  createReviewTemplate(input: NewReviewTemplate, options?: RequestOptions): Promise<ReviewTemplate> {
    return this.write(['reviewTemplate'], options, async (tx, { actor, now }) => {
      refuse(canManageTemplates(actor), 'reviewTemplate.create');
      validate(validateTemplate(input));
      const template: ReviewTemplate = {
        id: newId('template'),
        version: 1,
        updatedAt: now,
        name: input.name.trim(),
        raterTypes: [...input.raterTypes],
        scale: input.scale.map((point) => ({ ...point })),
        sections: structuredClone(input.sections),
      };
      await tx.put('reviewTemplate', template);
      return template;
    });
  }

  updateReviewTemplate(
    id: Id,
    version: number,
    patch: Partial<NewReviewTemplate>,
    options?: RequestOptions,
  ): Promise<ReviewTemplate> {
    return this.write(['reviewTemplate'], options, async (tx, { actor, now }) => {
      const template = await requireRecord(tx, 'reviewTemplate', id);
      refuse(canManageTemplates(actor), 'reviewTemplate.update');
      const changes = defined(patch);
      checkVersion('reviewTemplate', template, version);
      validate(validateTemplate({ ...template, ...changes }));
      const updated = revise(template, structuredClone(changes), now);
      await tx.put('reviewTemplate', updated);
      return updated;
    });
  }

  listReviews(query: ReviewQuery, options?: RequestOptions): Promise<Review[]> {
    return this.read(['review'], options, async (tx, ctx) => {
      let reviews: Review[];
      if (query.revieweeId !== undefined) reviews = await tx.getByIndex('review', 'revieweeId', query.revieweeId);
      else if (query.raterId !== undefined) reviews = await tx.getByIndex('review', 'raterId', query.raterId);
      else if (query.cycleId !== undefined) reviews = await tx.getByIndex('review', 'cycleId', query.cycleId);
      else reviews = await tx.getAll('review');
      return reviews
        .filter(
          (review) =>
            (query.cycleId === undefined || review.cycleId === query.cycleId) &&
            (query.revieweeId === undefined || review.revieweeId === query.revieweeId) &&
            (query.raterId === undefined || review.raterId === query.raterId) &&
            canViewReview(ctx.actor, review, ctx.dir).allowed,
        )
        .sort(byId);
    });
  }

  getReview(id: Id, options?: RequestOptions): Promise<Review> {
    return this.read(['review'], options, (tx, ctx) => requireReview(tx, ctx, id));
  }

  createReview(input: NewReview, options?: RequestOptions): Promise<Review> {
    return this.write(['review', 'reviewTemplate', 'cycle'], options, async (tx, { actor, dir, now }) => {
      const template = await requireRecord(tx, 'reviewTemplate', input.templateId);
      await requireRecord(tx, 'cycle', input.cycleId);
      if (!dir.person(input.revieweeId)) throw new NotFoundError('person', input.revieweeId);
      if (!dir.person(input.raterId)) throw new NotFoundError('person', input.raterId);
      refuse(canManageReview(actor, { revieweeId: input.revieweeId }, dir), 'review.create');
      const issues = [...oneOf('raterType', input.raterType, RATER_TYPES)];
      if (issues.length === 0 && !template.raterTypes.includes(input.raterType)) {
        issues.push(issue('raterType', { key: 'validation.notAllowedValue' }));
      }
      // The rater must fit the rater type: oneself, a colleague, or someone up the chain.
      const raterFits =
        input.raterType === 'self'
          ? input.raterId === input.revieweeId
          : input.raterType === 'manager'
            ? isManagerOf(input.raterId, input.revieweeId, dir)
            : input.raterId !== input.revieweeId;
      if (!raterFits) issues.push(issue('raterId', { key: 'validation.notAllowedValue' }));
      validate(issues);
      const review: Review = {
        id: newId('review'),
        version: 1,
        updatedAt: now,
        templateId: template.id,
        cycleId: input.cycleId,
        revieweeId: input.revieweeId,
        raterId: input.raterId,
        raterType: input.raterType,
        status: 'not-started',
        answers: {},
        score: null,
        submittedAt: null,
        released: false,
      };
      await tx.put('review', review);
      return review;
    });
  }

  saveReviewDraft(id: Id, version: number, answers: Record<Id, ReviewAnswer>, options?: RequestOptions): Promise<Review> {
    return this.write(
      ['review', 'reviewTemplate'],
      options,
      async (tx, ctx) => {
        const review = await requireReview(tx, ctx, id);
        refuse(canEditReview(ctx.actor, review), 'review.saveDraft');
        const template = await requireRecord(tx, 'reviewTemplate', review.templateId);
        checkVersion('review', review, version);
        validate(validateReviewAnswers(template, answers, FEEDBACK_MAX_LENGTH));
        const updated = revise(review, { status: 'draft', answers: structuredClone(answers) }, ctx.now);
        await tx.put('review', updated);
        return updated;
      },
      // Drafts are saved often while a person types: relaxed durability.
      { durability: 'relaxed' },
    );
  }

  submitReview(id: Id, version: number, options?: RequestOptions): Promise<Review> {
    return this.write(REVIEW_WRITE, options, async (tx, ctx) => {
      const review = await requireReview(tx, ctx, id);
      refuse(canEditReview(ctx.actor, review), 'review.submit');
      checkVersion('review', review, version);
      const template = await requireRecord(tx, 'reviewTemplate', review.templateId);
      validate(validateReviewAnswers(template, review.answers, FEEDBACK_MAX_LENGTH));
      // The reviewee's own approved goals and live KPIs of the cycle are what the goal and KPI sections rate.
      const goalIds = (await tx.getByIndex('goal', 'ownerId', review.revieweeId))
        .filter((goal) => goal.cycleId === review.cycleId && goal.status === 'approved')
        .map((goal) => goal.id);
      const kpiIds = (await tx.getByIndex('kpi', 'ownerId', review.revieweeId))
        .filter((kpi) => kpi.cycleId === review.cycleId && !kpi.archived)
        .map((kpi) => kpi.id);
      const outcome = scoreReview(template, { goalIds, kpiIds }, review.answers);
      if ('missing' in outcome) {
        throw new ValidationError(outcome.missing.map((missing) => issue(missing, { key: 'validation.required' })));
      }
      const updated = revise(review, { status: 'submitted', score: outcome.score, submittedAt: ctx.now }, ctx.now);
      await tx.put('review', updated);
      return updated;
    });
  }

  lockReview(id: Id, version: number, options?: RequestOptions): Promise<Review> {
    return this.write(['review'], options, async (tx, ctx) => {
      const review = await requireReview(tx, ctx, id);
      refuse(canManageReview(ctx.actor, review, ctx.dir), 'review.lock');
      // Locking also closes a review the rater never submitted (the deadline passed).
      if (review.status === 'locked') throw new ForbiddenError('review.lock');
      checkVersion('review', review, version);
      const updated = revise(review, { status: 'locked' }, ctx.now);
      await tx.put('review', updated);
      return updated;
    });
  }

  reopenReview(id: Id, version: number, options?: RequestOptions): Promise<Review> {
    return this.write(['review'], options, async (tx, ctx) => {
      const review = await requireReview(tx, ctx, id);
      refuse(canManageReview(ctx.actor, review, ctx.dir), 'review.reopen');
      if (review.status !== 'submitted' && review.status !== 'locked') throw new ForbiddenError('review.reopen');
      checkVersion('review', review, version);
      // Back to the rater: the score is computed again when they submit.
      const updated = revise(review, { status: 'draft', score: null, submittedAt: null }, ctx.now);
      await tx.put('review', updated);
      return updated;
    });
  }

  releaseReviews(revieweeId: Id, cycleId: Id, options?: RequestOptions): Promise<Review[]> {
    return this.write(['review', 'cycle'], options, async (tx, { actor, dir, now }) => {
      if (!dir.person(revieweeId)) throw new NotFoundError('person', revieweeId);
      await requireRecord(tx, 'cycle', cycleId);
      refuse(canManageReview(actor, { revieweeId }, dir), 'review.release');
      const reviews = (await tx.getByIndex('review', 'revieweeId', revieweeId)).filter((review) => review.cycleId === cycleId);
      const result: Review[] = [];
      for (const review of reviews) {
        if (review.released) {
          result.push(review);
          continue;
        }
        const released = revise(review, { released: true }, now);
        await tx.put('review', released);
        result.push(released);
      }
      return result.sort(byId);
    });
  }

  // ── Feedback ────────────────────────────────────────────────────────────

  listFeedback(subject: Subject, options?: RequestOptions): Promise<Feedback[]> {
    return this.read(FEEDBACK_SUBJECTS, options, async (tx, ctx) => {
      const subjectPersonId = await requireSubject(tx, ctx, subject);
      return (await tx.getByIndex('feedback', 'subject', [subject.kind, subject.id]))
        .filter((feedback) => canViewFeedback(ctx.actor, feedback, subjectPersonId, ctx.dir).allowed)
        .sort(byTime((feedback) => feedback.createdAt));
    });
  }

  createFeedback(input: NewFeedback, options?: RequestOptions): Promise<Feedback> {
    return this.write(FEEDBACK_SUBJECTS, options, async (tx, ctx) => {
      const { actor, dir, now } = ctx;
      const subjectPersonId = await requireSubject(tx, ctx, input.subject);
      const parentId = input.parentId ?? null;
      if (parentId !== null) {
        const parent = await tx.get('feedback', parentId);
        const sameSubject = parent?.subject.kind === input.subject.kind && parent.subject.id === input.subject.id;
        if (!parent || !sameSubject || !canViewFeedback(actor, parent, subjectPersonId, dir).allowed) {
          throw new NotFoundError('feedback', parentId);
        }
      }
      validate([
        ...oneOf('kind', input.kind, FEEDBACK_KINDS),
        ...oneOf('visibility', input.visibility, FEEDBACK_VISIBILITIES),
        ...validateFeedbackBody(input),
      ]);
      const feedback: Feedback = {
        id: newId('feedback'),
        version: 1,
        updatedAt: now,
        subject: { kind: input.subject.kind, id: input.subject.id },
        authorId: actor.id,
        parentId,
        kind: input.kind,
        visibility: input.visibility,
        body: input.body.trim(),
        mentions: mentionsIn(input.body, dir.people),
        createdAt: now,
        editedAt: null,
      };
      await tx.put('feedback', feedback);
      return feedback;
    });
  }

  updateFeedback(id: Id, version: number, patch: { body: string }, options?: RequestOptions): Promise<Feedback> {
    return this.write(FEEDBACK_SUBJECTS, options, async (tx, ctx) => {
      const feedback = await requireFeedback(tx, ctx, id);
      refuse(canEditFeedback(ctx.actor, feedback), 'feedback.update');
      checkVersion('feedback', feedback, version);
      validate(validateFeedbackBody(patch));
      const updated = revise(
        feedback,
        { body: patch.body.trim(), mentions: mentionsIn(patch.body, ctx.dir.people), editedAt: ctx.now },
        ctx.now,
      );
      await tx.put('feedback', updated);
      return updated;
    });
  }

  deleteFeedback(id: Id, version: number, options?: RequestOptions): Promise<void> {
    return this.write(FEEDBACK_SUBJECTS, options, async (tx, ctx) => {
      const feedback = await requireFeedback(tx, ctx, id);
      refuse(canDeleteFeedback(ctx.actor, feedback), 'feedback.delete');
      checkVersion('feedback', feedback, version);
      // Replies stay: they show as answering a removed message.
      await tx.delete('feedback', id);
    });
  }

  // ── Development ─────────────────────────────────────────────────────────

  listTrainings(options?: RequestOptions): Promise<Training[]> {
    return this.read(['training'], options, async (tx) => (await tx.getAll('training')).sort(byId));
  }

  listTrainingRecords(query: { personId?: Id; trainingId?: Id }, options?: RequestOptions): Promise<TrainingRecord[]> {
    return this.read(['trainingRecord'], options, async (tx, ctx) => {
      let records: TrainingRecord[];
      if (query.personId !== undefined) records = await tx.getByIndex('trainingRecord', 'personId', query.personId);
      else if (query.trainingId !== undefined) records = await tx.getByIndex('trainingRecord', 'trainingId', query.trainingId);
      else records = await tx.getAll('trainingRecord');
      // A person's development record is seen by the same circle as their work log.
      return records
        .filter(
          (record) =>
            (query.trainingId === undefined || record.trainingId === query.trainingId) &&
            canViewWorkLog(ctx.actor, record.personId, ctx.dir).allowed,
        )
        .sort(byTime((record) => record.assignedAt));
    });
  }

  assignTraining(
    input: { personId: Id; trainingId: Id; reason: string },
    options?: RequestOptions,
  ): Promise<TrainingRecord> {
    return this.write(['training', 'trainingRecord'], options, async (tx, { actor, dir, now }) => {
      if (!dir.person(input.personId)) throw new NotFoundError('person', input.personId);
      await requireRecord(tx, 'training', input.trainingId);
      refuse(canAssignTraining(actor, input.personId, dir), 'training.assign');
      validate(optionalText('reason', input.reason, NOTE_MAX_LENGTH));
      const record: TrainingRecord = {
        id: newId('trainingRecord'),
        version: 1,
        updatedAt: now,
        personId: input.personId,
        trainingId: input.trainingId,
        status: 'assigned',
        assignedAt: now,
        completedAt: null,
        reason: input.reason?.trim() ?? '',
      };
      await tx.put('trainingRecord', record);
      return record;
    });
  }

  completeTraining(id: Id, version: number, options?: RequestOptions): Promise<TrainingRecord> {
    return this.write(['trainingRecord'], options, async (tx, ctx) => {
      const record = await tx.get('trainingRecord', id);
      if (!record || !canViewWorkLog(ctx.actor, record.personId, ctx.dir).allowed) {
        throw new NotFoundError('trainingRecord', id);
      }
      refuse(canCompleteTraining(ctx.actor, record, ctx.dir), 'training.complete');
      checkVersion('trainingRecord', record, version);
      const updated = revise(record, { status: 'completed', completedAt: ctx.now }, ctx.now);
      await tx.put('trainingRecord', updated);
      return updated;
    });
  }

  // ── Changes ─────────────────────────────────────────────────────────────

  subscribe(listener: ChangeListener): Unsubscribe {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Hears about the store itself: another tab upgraded the data (reload),
   * this page's upgrade waits for other tabs, or the browser closed the
   * database. Returns the function that stops listening.
   */
  onStatus(listener: (event: StoreStatusEvent) => void): Unsubscribe {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /**
   * Shorthand for the two status events a page answers the same way, by
   * asking the person to close other tabs or reload: `versionchange` and `blocked`.
   */
  onBlocked(listener: () => void): Unsubscribe {
    return this.onStatus((event) => {
      if (event.type === 'versionchange' || event.type === 'blocked') listener();
    });
  }

  // ── Demo and admin tools (not part of the DataAdapter contract) ─────────

  /** Acts for another person from now on (kept across reloads, followed by other tabs). */
  async signIn(personId: Id): Promise<Session> {
    try {
      const dir = await this.directory();
      const person = dir.person(personId);
      if (!person) throw new NotFoundError('person', personId);
      await this.backend.write(['meta'], (tx) => tx.putMeta('actingPersonId', personId));
      this.actorId = personId;
      this.emit({ type: 'session', origin: 'local' });
      this.post({ type: 'session', actorId: personId });
      return { person, roles: [...person.roles] };
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** True once demo data has been seeded completely. */
  async isSeeded(): Promise<boolean> {
    try {
      return (await this.backend.read(['meta'], (tx) => tx.getMeta('seed'))) !== undefined;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** The demo personas, from the seed or from a fixture loaded with personas. */
  async personas(): Promise<SeedPersonas | null> {
    try {
      return await this.backend.read(['meta'], async (tx) => (await tx.getMeta('personas')) ?? (await tx.getMeta('seed'))?.personas ?? null);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Replaces all data with a generated demo company. The acting person stays
   * if they exist in the new data, else becomes the employee persona.
   */
  async seed(options: SeedOptions): Promise<SeedInfo> {
    try {
      throwIfAborted(options.signal);
      if (!this.seeder) throw new Error('This store was created without a seeder.');
      const info = await this.seeder(this.backend, options);
      this.directoryPromise = null;
      const dir = await this.directory();
      if (this.actorId === null || !dir.person(this.actorId)) this.actorId = info.personas.employee;
      const actorId = this.actorId;
      await this.backend.write(['meta'], (tx) => tx.putMeta('actingPersonId', actorId));
      this.announceReset();
      this.post({ type: 'session', actorId });
      return info;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Replaces all data with the given records (fixtures, imports), in one transaction. */
  async load(records: Partial<RecordSet>, personas?: SeedPersonas): Promise<void> {
    try {
      const actorId = this.actorId;
      await this.backend.write(EVERYTHING, async (tx) => {
        await clearData(tx);
        const puts: Promise<void>[] = [];
        for (const kind of RECORD_KINDS) {
          for (const record of records[kind] ?? []) puts.push(tx.put(kind, record));
        }
        if (personas) puts.push(tx.putMeta('personas', personas));
        if (actorId !== null) puts.push(tx.putMeta('actingPersonId', actorId));
        await Promise.all(puts);
      });
      this.announceReset();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Clears every record and the seed information; the acting person and schema record stay. */
  async reset(): Promise<void> {
    try {
      await this.backend.write(EVERYTHING, clearData);
      this.announceReset();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Closes the connection and the channel to other tabs; later calls reject with StorageError. */
  close(): void {
    this.stopStatus();
    this.channel?.close();
    this.backend.close();
    this.listeners.clear();
    this.statusListeners.clear();
  }
}

/** The BroadcastChannel name for a database: one per name, so demos on other names stay apart. */
export function channelName(databaseName: string): string {
  return `tandem-store:${databaseName}`;
}

// ── Plan helpers: each awaits only its transaction ────────────────────────

/** Empties every record store and forgets the seed; `meta` keeps the schema record and the acting person. */
async function clearData(tx: WriteTx): Promise<void> {
  await Promise.all([...RECORD_KINDS.map((kind) => tx.clear(kind)), tx.deleteMeta('seed'), tx.deleteMeta('personas')]);
}

async function requireRecord<K extends RecordKind>(tx: ReadTx, kind: K, id: Id): Promise<RecordsByKind[K]> {
  const record = await tx.get(kind, id);
  if (!record) throw new NotFoundError(kind, id);
  return record;
}

/** A goal the person may see; one they may not see is "not found", so its existence does not leak. */
async function requireGoal(tx: ReadTx, ctx: Context, id: Id): Promise<Goal> {
  const goal = await tx.get('goal', id);
  if (!goal || !canViewGoal(ctx.actor, goal, ctx.dir).allowed) throw new NotFoundError('goal', id);
  return goal;
}

async function requireKeyResult(tx: ReadTx, ctx: Context, id: Id): Promise<{ keyResult: KeyResult; goal: Goal }> {
  const keyResult = await tx.get('keyResult', id);
  const goal = keyResult ? await tx.get('goal', keyResult.goalId) : undefined;
  if (!keyResult || !goal || !canViewGoal(ctx.actor, goal, ctx.dir).allowed) throw new NotFoundError('keyResult', id);
  return { keyResult, goal };
}

async function requireKpi(tx: ReadTx, ctx: Context, id: Id): Promise<Kpi> {
  const kpi = await tx.get('kpi', id);
  if (!kpi || !canViewKpi(ctx.actor, kpi, ctx.dir).allowed) throw new NotFoundError('kpi', id);
  return kpi;
}

async function requireReview(tx: ReadTx, ctx: Context, id: Id): Promise<Review> {
  const review = await tx.get('review', id);
  if (!review || !canViewReview(ctx.actor, review, ctx.dir).allowed) throw new NotFoundError('review', id);
  return review;
}

/** Feedback the person may read (its subject included). */
async function requireFeedback(tx: ReadTx, ctx: Context, id: Id): Promise<Feedback> {
  const feedback = await tx.get('feedback', id);
  if (!feedback) throw new NotFoundError('feedback', id);
  let subjectPersonId: Id | null;
  try {
    subjectPersonId = await requireSubject(tx, ctx, feedback.subject);
  } catch {
    throw new NotFoundError('feedback', id);
  }
  if (!canViewFeedback(ctx.actor, feedback, subjectPersonId, ctx.dir).allowed) throw new NotFoundError('feedback', id);
  return feedback;
}

/**
 * Checks the person may see a feedback subject and returns whom it is about:
 * the owner of a goal, key result or KPI, the reviewee, or the person.
 */
async function requireSubject(tx: ReadTx, ctx: Context, subject: Subject): Promise<Id | null> {
  switch (subject.kind) {
    case 'goal':
      return (await requireGoal(tx, ctx, subject.id)).ownerId;
    case 'keyResult':
      return (await requireKeyResult(tx, ctx, subject.id)).goal.ownerId;
    case 'kpi':
      return (await requireKpi(tx, ctx, subject.id)).ownerId;
    case 'review':
      return (await requireReview(tx, ctx, subject.id)).revieweeId;
    case 'person':
      if (!ctx.dir.person(subject.id)) throw new NotFoundError('person', subject.id);
      return subject.id;
    default:
      throw new ValidationError([issue('subject', { key: 'validation.notAllowedValue' })]);
  }
}

/** Picks the narrowest index the query allows; the caller filters on every field anyway. */
async function goalCandidates(tx: ReadTx, query: GoalQuery): Promise<Goal[]> {
  if (query.ids) {
    const goals = await Promise.all([...new Set(query.ids)].map((id) => tx.get('goal', id)));
    return goals.filter((goal): goal is Goal => goal !== undefined);
  }
  if (query.parentId !== undefined && query.parentId !== null) return tx.getByIndex('goal', 'parentId', query.parentId);
  if (query.ownerId !== undefined) return tx.getByIndex('goal', 'ownerId', query.ownerId);
  if (query.cycleId !== undefined && query.level !== undefined) {
    return tx.getByIndex('goal', 'cycleLevel', [query.cycleId, query.level]);
  }
  if (query.orgUnitId !== undefined) return tx.getByIndex('goal', 'orgUnitId', query.orgUnitId);
  if (query.cycleId !== undefined) return tx.getByIndex('goal', 'cycleId', query.cycleId);
  if (typeof query.status === 'string') return tx.getByIndex('goal', 'status', query.status);
  return tx.getAll('goal');
}

/** Key results of the given goals, one index query each, all in flight at once. */
async function keyResultsOf(tx: ReadTx, goals: readonly Goal[]): Promise<KeyResult[]> {
  const lists = await Promise.all(goals.map((goal) => tx.getByIndex('keyResult', 'goalId', goal.id)));
  return lists.flat();
}

async function visibleGoalIds(tx: ReadTx, ctx: Context, goalIds: readonly Id[]): Promise<Set<Id>> {
  const unique = [...new Set(goalIds)];
  const goals = await Promise.all(unique.map((id) => tx.get('goal', id)));
  return new Set(
    goals.filter((goal): goal is Goal => goal !== undefined && canViewGoal(ctx.actor, goal, ctx.dir).allowed).map((goal) => goal.id),
  );
}

/** True when `candidate` lies in the subtree under `rootId` (or is it): re-parenting there would make a loop. */
async function isInSubtree(tx: ReadTx, candidate: Goal, rootId: Id): Promise<boolean> {
  const seen = new Set<Id>();
  let current: Goal | undefined = candidate;
  while (current && !seen.has(current.id)) {
    if (current.id === rootId) return true;
    seen.add(current.id);
    current = current.parentId === null ? undefined : await tx.get('goal', current.parentId);
  }
  return false;
}

async function addToWorkLog(
  tx: WriteTx,
  personId: Id,
  week: IsoWeek,
  now: IsoDateTime,
  entry: WorkLog['entries'][number],
): Promise<WorkLog> {
  const [existing] = await tx.getByIndex('workLog', 'personWeek', [personId, week]);
  if (existing) return revise(existing, { entries: [...existing.entries, entry] }, now);
  return { id: newId('workLog'), version: 1, updatedAt: now, personId, week, entries: [entry] };
}

/** The KPI following a key result: the existing one, or a new one. */
async function ensureKpiFor(tx: WriteTx, keyResult: KeyResult, goal: Goal, now: IsoDateTime): Promise<Kpi> {
  const existing = (await tx.getByIndex('kpi', 'sourceId', keyResult.id)).find(
    (kpi) => kpi.source === 'keyResult' && !kpi.archived,
  );
  if (existing) return existing;
  const kpi = kpiFromKeyResult(keyResult, goal, newId('kpi'), now);
  await tx.put('kpi', kpi);
  return kpi;
}

/** Approves one goal; in cycles that say so, its key results become KPIs in the same write. */
async function approve(tx: WriteTx, ctx: Context, ref: VersionRef, comment: string | undefined): Promise<Goal> {
  const goal = await requireGoal(tx, ctx, ref.id);
  refuse(canDecideGoal(ctx.actor, goal, ctx.dir), 'goal.approve');
  checkVersion('goal', goal, ref.version);
  validate(optionalText('comment', comment, NOTE_MAX_LENGTH));
  const updated = revise(
    goal,
    { status: 'approved', decidedBy: ctx.actor.id, decidedAt: ctx.now, ...(comment?.trim() ? { decisionComment: comment.trim() } : {}) },
    ctx.now,
  );
  await tx.put('goal', updated);
  const cycle = await tx.get('cycle', goal.cycleId);
  if (cycle?.autoKpiFromKeyResults) {
    for (const keyResult of await tx.getByIndex('keyResult', 'goalId', goal.id)) await ensureKpiFor(tx, keyResult, updated, ctx.now);
  }
  return updated;
}

function validateTemplate(input: Partial<NewReviewTemplate>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof input.name !== 'string' || !input.name.trim()) issues.push(issue('name', { key: 'validation.required' }));
  else issues.push(...optionalText('name', input.name, TITLE_MAX_LENGTH));
  if (!input.raterTypes?.length || !input.raterTypes.every((type) => (RATER_TYPES as readonly string[]).includes(type))) {
    issues.push(issue('raterTypes', { key: 'validation.notAllowedValue' }));
  }
  if (!input.scale?.length || !input.scale.every((point) => Number.isFinite(point.value))) {
    issues.push(issue('scale', { key: 'validation.required' }));
  }
  if (!input.sections?.length) issues.push(issue('sections', { key: 'validation.required' }));
  else if (input.sections.some((section) => !Number.isFinite(section.weight) || section.weight < 0 || section.weight > 100)) {
    issues.push(issue('sections', { key: 'validation.outOfRange', params: { min: '0', max: '100' } }));
  }
  return issues;
}
