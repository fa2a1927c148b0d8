/**
 * Review templates and reviews. The closed previous cycle has its self,
 * manager and peer reviews submitted or locked, with scores that mostly
 * follow goal results (and a few that do not, for the goal-versus-performance
 * report to flag); the active cycle has reviews in every state.
 */
import type { Id, RaterType, Review, ReviewAnswer, ReviewSection, ReviewStatus, ReviewTemplate } from '../../model/records.js';
import { PROBATION_TEMPLATE_NAME, RATING_COMMENTS, REVIEW_ANSWERS, REVIEW_TEXT } from './content/phrases.js';
import { DAY_MS, HOUR_MS, toIsoDateTime, wholeMinute } from './calendar.js';
import type { SeededRandom, WeightedChoice } from './random.js';
import type { Language } from './text.js';
import type { Company, CycleContext, CycleKind, IdSequences, StaffMember } from './world.js';

export interface ReviewTemplates {
  readonly byLanguage: Readonly<Record<Language, ReviewTemplate>>;
  /** Self and manager only, for people who joined this quarter. */
  readonly probation: ReviewTemplate;
}

/** Goals weigh most, then KPIs, then competencies; open questions are answered in words and not scored. */
const SECTION_WEIGHTS = { goals: 40, kpis: 30, competencies: 30, questions: 0 } as const;

export function buildReviewTemplates(ids: IdSequences, createdMs: number): ReviewTemplate[] {
  const templates: ReviewTemplate[] = [];
  for (const language of ['zh', 'en'] as const) {
    const text = REVIEW_TEXT[language];
    const id = ids.reviewTemplate();
    const sections: ReviewSection[] = [
      { id: `${id}-goals`, kind: 'goals', title: text.sections.goals, weight: SECTION_WEIGHTS.goals, items: [] },
      { id: `${id}-kpis`, kind: 'kpis', title: text.sections.kpis, weight: SECTION_WEIGHTS.kpis, items: [] },
      {
        id: `${id}-competencies`,
        kind: 'competencies',
        title: text.sections.competencies,
        weight: SECTION_WEIGHTS.competencies,
        items: text.competencies.map((item, index) => ({ id: `${id}-c${index + 1}`, text: item, answer: 'rating' })),
      },
      {
        id: `${id}-questions`,
        kind: 'questions',
        title: text.sections.questions,
        weight: SECTION_WEIGHTS.questions,
        items: text.questions.map((item, index) => ({ id: `${id}-q${index + 1}`, text: item, answer: 'text' })),
      },
    ];
    templates.push({
      id,
      // HR reworded a competency after the first cycle: one edit.
      version: 2,
      updatedAt: toIsoDateTime(createdMs + 40 * DAY_MS),
      name: text.templateName,
      raterTypes: ['self', 'peer', 'manager'],
      scale: text.scale.map((label, index) => ({ value: index + 1, label })),
      sections,
    });
  }
  const zh = REVIEW_TEXT.zh;
  const probationId = ids.reviewTemplate();
  templates.push({
    id: probationId,
    version: 1,
    updatedAt: toIsoDateTime(createdMs),
    name: PROBATION_TEMPLATE_NAME,
    raterTypes: ['self', 'manager'],
    scale: zh.scale.map((label, index) => ({ value: index + 1, label })),
    sections: [
      { id: `${probationId}-goals`, kind: 'goals', title: zh.sections.goals, weight: 40, items: [] },
      {
        id: `${probationId}-competencies`,
        kind: 'competencies',
        title: zh.sections.competencies,
        weight: 60,
        items: zh.competencies.map((item, index) => ({ id: `${probationId}-c${index + 1}`, text: item, answer: 'rating' })),
      },
      {
        id: `${probationId}-questions`,
        kind: 'questions',
        title: zh.sections.questions,
        weight: 0,
        items: zh.questions.slice(0, 2).map((item, index) => ({ id: `${probationId}-q${index + 1}`, text: item, answer: 'text' })),
      },
    ],
  });
  return templates;
}

/** What a review of one person in one cycle rates: their goals and KPIs, and how their results went. */
export interface RevieweeFacts {
  readonly goalIds: readonly Id[];
  readonly kpiIds: readonly Id[];
  /** Goal results against what was due by now: 1 on target. `null` with no approved goals. */
  readonly attainment: number | null;
}

const ACTIVE_STATUSES: Readonly<Record<RaterType, readonly WeightedChoice<ReviewStatus>[]>> = {
  self: [['not-started', 35], ['draft', 40], ['submitted', 25]],
  manager: [['not-started', 55], ['draft', 35], ['submitted', 10]],
  peer: [['not-started', 50], ['draft', 30], ['submitted', 20]],
};

const RATER_BIAS: Readonly<Record<RaterType, number>> = { self: 0.35, peer: 0.15, manager: 0 };

export interface ReviewContext {
  readonly random: SeededRandom;
  readonly company: Company;
  readonly templates: ReviewTemplates;
  readonly now: number;
  readonly ids: IdSequences;
  /** Peer reviews per person in each cycle. */
  readonly peers: Readonly<Record<'previous' | 'active', number>>;
}

/**
 * Reviews of one person in one cycle: self, manager and peers (self and
 * manager on the probation template for people who joined this quarter).
 * Returns the reviews and whether the manager's rating disagrees with the
 * goal results on purpose.
 */
export function buildReviews(context: ReviewContext, reviewee: StaffMember, cycle: CycleContext, facts: RevieweeFacts): { reviews: Review[]; disagrees: boolean } {
  const { random, company, templates, now, ids } = context;
  const manager = company.staff[reviewee.managerIndex];
  if (!manager) return { reviews: [], disagrees: false };
  const probation = cycle.kind === 'active' && reviewee.joinedRecently;
  const template = probation ? templates.probation : templates.byLanguage[reviewee.language];
  const peerCount = cycle.kind === 'previous' ? context.peers.previous : context.peers.active;
  const peers = probation || peerCount === 0 ? [] : choosePeers(random, company, reviewee, peerCount);

  const attainment = facts.attainment ?? 0.8;
  // Ratings follow results: 2.8 at 40% of target, 4.6 on target.
  const base = 1.6 + 3 * Math.min(1.1, attainment);
  // A few managers rate against the results, which the goal-versus-performance report exists to flag.
  let disagrees = false;
  if (cycle.kind === 'previous' && attainment >= 0.8 && random.chance(0.08)) disagrees = true;
  if (cycle.kind === 'previous' && attainment < 0.5 && random.chance(0.1)) disagrees = true;
  const managerBase = disagrees ? (attainment >= 0.8 ? base - 1.9 : base + 1.6) : base;
  // Released peer reviews are shared with the reviewee; in the active cycle nothing is released yet.
  const released = cycle.kind === 'previous' && random.chance(0.75);

  const raters: { rater: StaffMember; raterType: RaterType; base: number }[] = [
    { rater: reviewee, raterType: 'self', base: base + RATER_BIAS.self },
    { rater: manager, raterType: 'manager', base: managerBase },
    ...peers.map((peer) => ({ rater: peer, raterType: 'peer' as const, base: base + RATER_BIAS.peer })),
  ];

  const reviews = raters.map(({ rater, raterType, base: raterBase }): Review => {
    let status: ReviewStatus = cycle.kind === 'previous' ? previousStatus(random, raterType) : random.pickWeighted(ACTIVE_STATUSES[raterType]);
    // The employee persona is halfway through their self-review: a draft to continue in the demo.
    if (cycle.kind === 'active' && raterType === 'self' && reviewee.index === company.personas.employee) status = 'draft';
    const completeness = status === 'not-started' ? 0 : status === 'draft' ? random.float(0.3, 0.8) : 1;
    const answers = answersFor(random, template, raterType, facts, completeness, raterBase, rater.language);
    const timeline = reviewTimeline(random, cycle, status, now);
    return {
      id: ids.review(),
      version: timeline.version,
      updatedAt: toIsoDateTime(timeline.updatedAt),
      templateId: template.id,
      cycleId: cycle.cycle.id,
      revieweeId: reviewee.person.id,
      raterId: rater.person.id,
      raterType,
      status,
      answers,
      score: status === 'submitted' || status === 'locked' ? scoreOf(template, answers, facts) : null,
      submittedAt: timeline.submittedAt === null ? null : toIsoDateTime(timeline.submittedAt),
      released,
    };
  });
  return { reviews, disagrees };
}

function previousStatus(random: SeededRandom, raterType: RaterType): ReviewStatus {
  if (raterType === 'peer') return 'submitted';
  return random.chance(raterType === 'manager' ? 0.85 : 0.8) ? 'locked' : 'submitted';
}

/** Teammates first; heads and leaders are reviewed by their fellow heads or leaders. */
function choosePeers(random: SeededRandom, company: Company, reviewee: StaffMember, count: number): StaffMember[] {
  const { staff, teams, departments } = company;
  let candidates: readonly number[];
  if (reviewee.tier === 'member') candidates = teams[reviewee.teamIndex]?.memberIndices ?? [];
  else if (reviewee.tier === 'leader') candidates = (departments[reviewee.departmentIndex]?.teamIndices ?? []).map((teamIndex) => teams[teamIndex]?.leaderIndex ?? -1);
  else candidates = departments.map((department) => department.headIndex);
  const chosen: StaffMember[] = [];
  // Draw without copying the candidates: a large department has hundreds of team leaders.
  for (let attempt = 0; attempt < count * 4 && chosen.length < count && candidates.length > 1; attempt += 1) {
    const index = random.pick(candidates);
    const peer = staff[index];
    if (peer && index !== reviewee.index && !chosen.includes(peer)) chosen.push(peer);
  }
  return chosen;
}

function ratingFrom(random: SeededRandom, base: number): number {
  // Triangular noise of ±0.8 (two uniforms): close enough to normal for a rating, at half the draws.
  return Math.min(5, Math.max(1, Math.round(base + (random.next() + random.next() - 1) * 0.8)));
}

function commentFor(random: SeededRandom, rating: number, language: Language): string {
  const band = rating <= 2 ? 'low' : rating === 3 ? 'middle' : 'high';
  return random.pick(RATING_COMMENTS[band][language]);
}

function answersFor(
  random: SeededRandom,
  template: ReviewTemplate,
  raterType: RaterType,
  facts: RevieweeFacts,
  completeness: number,
  base: number,
  language: Language,
): Record<Id, ReviewAnswer> {
  // Keyed by goal and KPI ids unique to each review: a prototype-less object is a plain hash table
  // in V8, where an ordinary one would grow a new hidden class per key (5× slower at 50,000 goals).
  const answers = Object.create(null) as Record<Id, ReviewAnswer>;
  if (completeness === 0) return answers;
  const commentChance = raterType === 'manager' ? 0.45 : 0.25;
  const rate = (key: Id): void => {
    if (completeness < 1 && !random.chance(completeness)) return;
    const rating = ratingFrom(random, base);
    answers[key] = random.chance(commentChance) ? { rating, comment: commentFor(random, rating, language) } : { rating };
  };
  for (const section of template.sections) {
    if (section.kind === 'goals') facts.goalIds.forEach(rate);
    else if (section.kind === 'kpis') facts.kpiIds.forEach(rate);
    else if (section.kind === 'competencies') for (const item of section.items) rate(item.id);
    else if (raterType === 'self') {
      // Open questions are the reviewee's own reflection.
      section.items.forEach((item, index) => {
        if (completeness < 1 && !random.chance(completeness)) return;
        const pool = REVIEW_ANSWERS[language][index] ?? REVIEW_ANSWERS[language][0] ?? [];
        if (pool.length > 0) answers[item.id] = { comment: random.pick(pool) };
      });
    }
  }
  return answers;
}

/**
 * The score on the template's scale: each scored section's mean rating,
 * weighted by the section weights of the sections that have ratings.
 */
function scoreOf(template: ReviewTemplate, answers: Record<Id, ReviewAnswer>, facts: RevieweeFacts): number | null {
  let weighted = 0;
  let weights = 0;
  for (const section of template.sections) {
    if (section.weight <= 0) continue;
    const keys = section.kind === 'goals' ? facts.goalIds : section.kind === 'kpis' ? facts.kpiIds : section.items.map((item) => item.id);
    let sum = 0;
    let rated = 0;
    for (const key of keys) {
      const rating = answers[key]?.rating;
      if (rating !== undefined) {
        sum += rating;
        rated += 1;
      }
    }
    if (rated === 0) continue;
    weighted += (section.weight * sum) / rated;
    weights += section.weight;
  }
  return weights === 0 ? null : Math.round((weighted / weights) * 100) / 100;
}

interface ReviewTimeline {
  version: number;
  updatedAt: number;
  submittedAt: number | null;
}

/**
 * Closed-cycle reviews were written in the two weeks after the quarter and
 * locked a few days later; active ones are being written now. Each draft
 * save, the submission and the lock are one write each.
 */
function reviewTimeline(random: SeededRandom, cycle: CycleContext, status: ReviewStatus, now: number): ReviewTimeline {
  const latest = now - HOUR_MS;
  const kind: CycleKind = cycle.kind;
  const opened = wholeMinute(Math.min(kind === 'previous' ? cycle.endMs - 7 * DAY_MS : cycle.startMs + DAY_MS, latest - HOUR_MS));
  if (status === 'not-started') return { version: 1, updatedAt: opened, submittedAt: null };
  const drafts = random.int(1, 3);
  const windowStart = kind === 'previous' ? cycle.endMs : Math.max(opened, now - 14 * DAY_MS);
  const windowEnd = kind === 'previous' ? cycle.endMs + 12 * DAY_MS : latest;
  const written = wholeMinute(Math.max(opened, Math.min(latest, windowStart + random.next() * Math.max(0, windowEnd - windowStart))));
  if (status === 'draft') return { version: 1 + drafts, updatedAt: written, submittedAt: null };
  if (status === 'submitted') return { version: 2 + drafts, updatedAt: written, submittedAt: written };
  const locked = wholeMinute(Math.min(latest, written + random.float(1, 7) * DAY_MS));
  return { version: 3 + drafts, updatedAt: Math.max(written, locked), submittedAt: written };
}
