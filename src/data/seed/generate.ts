/**
 * The demo company, generated from a seed: 澜星科技 (Lanxing Tech), a
 * Shanghai consumer-electronics maker with international teams, its people,
 * org units, cycles, strategy, goal cascade, key results, check-ins, KPIs,
 * work logs, reviews, feedback and trainings.
 *
 * Deterministic: the same seed, `now` and size give deep-equal records on
 * every run and machine (no `Math.random`, no clock, no locale). Everything
 * lies relative to `now`: the active cycle contains it and all history lies
 * before it, so a demo seeded today always looks current.
 *
 * Size: by default about 60 people and 220 goals, a company small enough to
 * read page by page. `goals` scales it (about one person per 3.5 goals, teams
 * of about eight); past a few thousand key results, check-ins thin out to a
 * few per key result (always including the latest), KPI histories to three
 * points and reviews to self and manager, so 50,000 goals stay quick to
 * generate and to store.
 */
import type { Id, RecordKind, RecordSet, RecordsByKind } from '../../model/records.js';
import { RECORD_KINDS } from '../../model/records.js';
import { DAY_MS, forgetSharedTimestamps } from './calendar.js';
import { buildCycles } from './cycles.js';
import { buildJobProfiles, buildTrainingRecords, buildTrainings } from './development.js';
import { buildFeedback, type FeedbackPlan, type FeedbackTopic } from './feedback.js';
import { planGoals } from './goals.js';
import { buildKpiPlan } from './kpis.js';
import { buildCompany, MIN_PEOPLE } from './org.js';
import { realiseGoal, type CheckInCadence, type RealisedGoal } from './progress.js';
import { SeededRandom } from './random.js';
import { buildReviews, buildReviewTemplates, type ReviewContext, type RevieweeFacts, type ReviewTemplates } from './reviews.js';
import { buildWorkLogs } from './worklogs.js';
import { createIdSequences, type StaffMember } from './world.js';

export interface SeedOptions {
  /** Same seed and same options → deep-equal output. */
  seed: number;
  /** The demo's "today": the active cycle contains it; all history lies before it. */
  now: Date;
  /** Approximate total goal count across the three cycles; by default the demo company's (≈ 220, ≈ 60 people). */
  goals?: number;
}

/** The people the demo's role switcher signs in as. */
export interface SeedPersonas {
  /** 王芳: an engineer with approved goals, check-ins, a draft goal and a self-review in progress. */
  employee: Id;
  /** 李明: her manager, leading an R&D team, with goals of his reports waiting for approval. */
  manager: Id;
  /** 陈静: an HR business partner (role `hr`). */
  hr: Id;
  /** 周远航: the CEO (roles `manager` and `admin`). */
  admin: Id;
}

export interface SeedResult {
  records: RecordSet;
  personas: SeedPersonas;
  activeCycleId: Id;
}

export interface SeedBatch {
  /** 0 to 1: how much of the company has been generated with this batch; the last batch has 1. */
  progress: number;
  records: Partial<RecordSet>;
}

/** The goal count of the demo company: about 60 people. */
export const DEMO_GOAL_COUNT = 220;
/** Goals per person across the three cycles, which sets the company's size for a goal count. */
export const GOALS_PER_PERSON = 3.5;
/** Records per batch when none is asked for: a few thousand keeps a writer's transactions short. */
export const DEFAULT_BATCH_SIZE = 5000;

/** Above this many people, the extras that only a page-by-page reader notices are left out. */
const SMALL_COMPANY_PEOPLE = 1000;

/** Where each record goes as it is made: into one full set, or into batches. */
interface RecordSink {
  add<K extends RecordKind>(kind: K, records: readonly RecordsByKind[K][]): void;
}

type SeedOutcome = Omit<SeedResult, 'records'>;

export function emptyRecordSet(): RecordSet {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, []])) as unknown as RecordSet;
}

function appendRecords<K extends RecordKind>(target: Partial<RecordSet>, kind: K, records: readonly RecordsByKind[K][]): number {
  let list = target[kind] as RecordsByKind[K][] | undefined;
  if (!list) {
    list = [];
    (target as Record<K, RecordsByKind[K][]>)[kind] = list;
  }
  // A loop, not push(...records): spreading a very large array overflows the call stack.
  for (const record of records) list.push(record);
  return records.length;
}

/** The whole company at once. */
export function generateCompany(options: SeedOptions): SeedResult {
  const records = emptyRecordSet();
  const steps = produceCompany(options, { add: (kind, list) => appendRecords(records, kind, list) });
  let step = steps.next();
  while (!step.done) step = steps.next();
  return { records, ...step.value };
}

/**
 * The company in batches of about `batchSize` records, each with the share of
 * the work done, so a writer can store a large seed step by step and show
 * progress. Every record is yielded exactly once and is final when yielded;
 * together the batches hold exactly what {@link generateCompany} returns.
 * The returned result carries the personas and the active cycle; its
 * `records` are empty, since they were all yielded (a streaming writer need
 * not hold them twice).
 */
export function* generateCompanyInBatches(options: SeedOptions & { batchSize?: number }): Generator<SeedBatch, SeedResult> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  let batch: Partial<RecordSet> = {};
  let pending = 0;
  const steps = produceCompany(options, {
    add: (kind, list) => {
      pending += appendRecords(batch, kind, list);
    },
  });
  let step = steps.next();
  while (!step.done) {
    if (pending >= batchSize) {
      yield { progress: step.value, records: batch };
      batch = {};
      pending = 0;
    }
    step = steps.next();
  }
  yield { progress: 1, records: batch };
  return { records: emptyRecordSet(), ...step.value };
}

function checkOptions(options: SeedOptions): { now: number; goals: number } {
  const now = options.now instanceof Date ? options.now.getTime() : Number.NaN;
  if (!Number.isFinite(now)) throw new RangeError('Seed option `now` must be a valid Date.');
  if (!Number.isFinite(options.seed)) throw new RangeError('Seed option `seed` must be a finite number.');
  const goals = options.goals ?? DEMO_GOAL_COUNT;
  if (!Number.isFinite(goals) || goals < 1) throw new RangeError('Seed option `goals` must be a positive number.');
  return { now, goals: Math.round(goals) };
}

/**
 * Makes the company, handing each record to `sink` once it is final, and
 * yields the share of the work done (0 to 1) whenever the records handed so
 * far are a consistent place to pause.
 */
function* produceCompany(options: SeedOptions, sink: RecordSink): Generator<number, SeedOutcome> {
  try {
    return yield* produceRecords(options, sink);
  } finally {
    forgetSharedTimestamps();
  }
}

function* produceRecords(options: SeedOptions, sink: RecordSink): Generator<number, SeedOutcome> {
  const { now, goals: targetGoals } = checkOptions(options);
  const peopleCount = Math.max(MIN_PEOPLE, Math.round(targetGoals / GOALS_PER_PERSON));
  const small = peopleCount <= SMALL_COMPANY_PEOPLE;
  const random = new SeededRandom(options.seed);
  const ids = createIdSequences();

  // ── Catalogues, organisation, cycles ──────────────────────────────────
  const cycles = buildCycles(now, ids);
  const catalogueCreated = cycles.previous.startMs - 120 * DAY_MS;
  const jobProfiles = buildJobProfiles(ids, catalogueCreated);
  const trainings = buildTrainings(ids, catalogueCreated);
  const templateRecords = buildReviewTemplates(ids, catalogueCreated);
  const company = buildCompany(random.fork('company'), peopleCount, now, ids, jobProfiles.idByKey);
  const { staff, personas } = company;
  sink.add('cycle', [cycles.previous.cycle, cycles.active.cycle, cycles.planning.cycle]);
  sink.add('strategy', cycles.strategies);
  sink.add('jobProfile', jobProfiles.records);
  sink.add('training', trainings.map((entry) => entry.record));
  sink.add('reviewTemplate', templateRecords);
  sink.add('orgUnit', company.orgUnits);
  sink.add(
    'person',
    staff.map((member) => member.person),
  );
  yield 0.01;

  const plan = planGoals(random.fork('goals'), company, cycles, targetGoals, ids, now);
  yield 0.03;

  // ── Goals, key results, check-ins, KPIs and work logs, person by person ─
  // Weekly check-ins (13 a quarter) while a cycle needs fewer than ~60,000 of them (about 1,500 goals);
  // beyond, a few per key result, never fewer than three. A closed quarter then keeps a third as many
  // (one, its final result, at 50,000 goals).
  const maxActive = Math.max(3, Math.floor(60_000 / (plan.count * 3)));
  const cadence: CheckInCadence = { maxPerKeyResult: { active: maxActive, previous: maxActive >= 13 ? maxActive : Math.max(1, Math.floor(maxActive / 3)) } };
  const kpiOptions = { maxHistoryPoints: small ? 7 : 2 };
  const progressRandom = random.fork('progress');
  const kpiRandom = random.fork('kpis');
  const logRandom = random.fork('work-logs');
  const topicRandom = random.fork('feedback-topics');
  const threadCount = Math.round(staff.length * (small ? 1 : 0.35));
  const topicChance = Math.min(1, (1.5 * threadCount) / staff.length);

  const facts: Record<'previous' | 'active', RevieweeFacts>[] = [];
  const topics: FeedbackTopic[] = [];
  const featured: FeedbackPlan['featured'][number][] = [];
  const activeElapsed = Math.min(1, Math.max(0.1, (now - cycles.active.startMs) / (cycles.active.endMs - cycles.active.startMs)));

  for (const member of staff) {
    const realised: RealisedGoal[] = (plan.byOwner[member.index] ?? []).map((planned) => realiseGoal(progressRandom, planned, cadence, now, ids));
    sink.add(
      'goal',
      realised.map((entry) => entry.planned.goal),
    );
    for (const entry of realised) {
      sink.add(
        'keyResult',
        entry.keyResults.map((keyResult) => keyResult.keyResult),
      );
      for (const keyResult of entry.keyResults) sink.add('checkIn', keyResult.checkIns);
      if (entry.change) sink.add('goalChange', [entry.change]);
    }

    const personFacts = {} as Record<'previous' | 'active', RevieweeFacts>;
    for (const kind of ['previous', 'active'] as const) {
      const cycle = cycles[kind];
      const cycleGoals = realised.filter((entry) => entry.planned.cycle === cycle);
      const kpis = kind === 'previous' && member.joinedRecently ? [] : buildKpiPlan(kpiRandom, member, cycle, cycleGoals, member.person.jobProfileId ?? null, now, ids, kpiOptions);
      sink.add('kpi', kpis);
      const approved = cycleGoals.filter((entry) => entry.planned.goal.status === 'approved');
      const meanProgress = approved.length === 0 ? null : approved.reduce((sum, entry) => sum + entry.progress, 0) / approved.length;
      personFacts[kind] = {
        goalIds: approved.map((entry) => entry.planned.goal.id),
        kpiIds: kpis.map((kpi) => kpi.id),
        // The active cycle is judged against the time that has passed: half done at mid-quarter is on target.
        attainment: meanProgress === null ? null : kind === 'previous' ? meanProgress : Math.min(1.2, meanProgress / activeElapsed),
      };
      if (kind === 'active' && kpis.length > 0 && topicRandom.chance(topicChance / 3)) {
        const kpi = topicRandom.pick(kpis);
        topics.push({ kind: 'kpi', id: kpi.id, label: kpi.name, personIndex: member.index });
      }
    }
    facts.push(personFacts);

    sink.add('workLog', buildWorkLogs(logRandom, member, realised, now, ids, small));
    collectTopics(topicRandom, member, realised, topicChance, topics);
    if (member.index === personas.employee) featured.push(...featuredThreads(realised, member, personas.manager));
    yield 0.03 + 0.72 * ((member.index + 1) / staff.length);
  }

  // ── Reviews ───────────────────────────────────────────────────────────
  const [zhTemplate, enTemplate, probationTemplate] = templateRecords;
  if (!zhTemplate || !enTemplate || !probationTemplate) throw new Error('Review templates are missing.');
  const templates: ReviewTemplates = { byLanguage: { zh: zhTemplate, en: enTemplate }, probation: probationTemplate };
  // Peer reviews are what a reader of the demo opens; a large company keeps self and manager reviews only.
  const reviewContext: ReviewContext = { random: random.fork('reviews'), company, templates, now, ids, peers: small ? { previous: 2, active: 1 } : { previous: 0, active: 0 } };
  for (const member of staff) {
    const personFacts = facts[member.index];
    if (member.tier === 'ceo' || !personFacts) continue;
    // People who joined this quarter were not here for the last review.
    const kinds: readonly ('previous' | 'active')[] = member.joinedRecently ? ['active'] : ['previous', 'active'];
    for (const kind of kinds) {
      const { reviews, disagrees } = buildReviews(reviewContext, member, cycles[kind], personFacts[kind]);
      sink.add('review', reviews);
      const managerReview = reviews.find((review) => review.raterType === 'manager');
      if (disagrees && managerReview) topics.push({ kind: 'review', id: managerReview.id, label: '', personIndex: member.index });
    }
    if (member.index % 50 === 0) yield 0.75 + 0.15 * (member.index / staff.length);
  }
  yield 0.9;

  // ── Feedback and trainings ────────────────────────────────────────────
  sink.add('feedback', buildFeedback(random.fork('feedback'), company, cycles.active, { threads: threadCount, topics, featured }, now, ids));
  yield 0.95;
  const trainingRandom = random.fork('trainings');
  for (const member of staff) {
    sink.add('trainingRecord', buildTrainingRecords(trainingRandom, member, trainings, cycles.previous, now, ids));
  }

  const idOf = (index: number): Id => (staff[index] as StaffMember).person.id;
  return {
    personas: { employee: idOf(personas.employee), manager: idOf(personas.manager), hr: idOf(personas.hr), admin: idOf(personas.admin) },
    activeCycleId: cycles.active.cycle.id,
  };
}

/** Now and then one of a person's goals or key results in the active cycle becomes the subject of a thread. */
function collectTopics(random: SeededRandom, member: StaffMember, realised: readonly RealisedGoal[], chance: number, topics: FeedbackTopic[]): void {
  const active = realised.filter((entry) => entry.planned.cycle.kind === 'active' && entry.planned.goal.status === 'approved');
  if (active.length === 0 || !random.chance(chance)) return;
  const entry = random.pick(active);
  const keyResult = entry.keyResults.length > 0 && random.chance(0.45) ? random.pick(entry.keyResults).keyResult : null;
  topics.push(
    keyResult
      ? { kind: 'keyResult', id: keyResult.id, label: keyResult.title, personIndex: member.index }
      : { kind: 'goal', id: entry.planned.goal.id, label: entry.planned.goal.title, personIndex: member.index },
  );
}

/** The threads the demo opens with: the manager praising the employee's goal and asking about one of its key results. */
function featuredThreads(realised: readonly RealisedGoal[], employee: StaffMember, managerIndex: number): FeedbackPlan['featured'][number][] {
  const goal = realised.find((entry) => entry.planned.cycle.kind === 'active' && entry.planned.goal.status === 'approved');
  if (!goal) return [];
  const threads: FeedbackPlan['featured'][number][] = [
    { topic: { kind: 'goal', id: goal.planned.goal.id, label: goal.planned.goal.title, personIndex: employee.index }, authorIndex: managerIndex, kind: 'praise' },
  ];
  const keyResult = goal.keyResults[goal.keyResults.length - 1];
  if (keyResult) {
    threads.push({
      topic: { kind: 'keyResult', id: keyResult.keyResult.id, label: keyResult.keyResult.title, personIndex: employee.index },
      authorIndex: managerIndex,
      kind: 'question',
    });
  }
  return threads;
}
