/**
 * Small domain calculations the store needs to write records. Pure functions;
 * candidates to move into `src/model/` once the model has its own versions
 * (then the store imports those instead).
 */
import type { Id, IsoDateTime, IsoWeek, Person, ReviewAnswer, ReviewTemplate } from '../../model/records.js';
import type { ValidationIssue } from '../../model/validation.js';

let lastStamp = 0;
let sequence = 0;

/**
 * A new record id: a time stamp, a counter and randomness, so ids created
 * later sort after earlier ones (IndexedDB returns records in key order, and
 * new key results then list in the order they were added).
 */
export function newId(prefix: string): Id {
  const now = Date.now();
  sequence = now === lastStamp ? sequence + 1 : 0;
  lastStamp = now;
  const random = crypto.getRandomValues(new Uint32Array(2));
  const tail = Array.from(random, (n) => n.toString(36).padStart(7, '0')).join('');
  return `${prefix}-${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(3, '0')}-${tail}`;
}

/**
 * The ISO 8601 week (`2026-W09`) a moment falls in, on the calendar of the
 * page the store runs in: a check-in at 07:00 on Monday in Shanghai is that
 * week's, not the week before (where it would fall in UTC).
 */
export function isoWeekOf(at: IsoDateTime | Date): IsoWeek {
  const date = typeof at === 'string' ? new Date(at) : at;
  // The local date, then counted as a UTC date: whole days, whatever the clock changes.
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  // The week belongs to the year of its Thursday.
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The people a feedback body @mentions, by name or alternate name. Longest
 * names are tried first so "@Wang Fang" is not also read as "@Wang".
 */
export function mentionsIn(body: string, people: Iterable<Person>): Id[] {
  if (!body.includes('@')) return [];
  const candidates: { name: string; id: Id }[] = [];
  for (const person of people) {
    candidates.push({ name: person.name, id: person.id });
    if (person.nameAlt) candidates.push({ name: person.nameAlt, id: person.id });
  }
  candidates.sort((a, b) => b.name.length - a.name.length);
  const found: Id[] = [];
  let rest = body;
  for (const { name, id } of candidates) {
    if (!name) continue;
    const token = `@${name}`;
    if (!rest.includes(token)) continue;
    rest = rest.split(token).join(' ');
    if (!found.includes(id)) found.push(id);
  }
  return found;
}

/** What a review must rate: the template's rating items, the reviewee's goals and KPIs, by section. */
export interface ReviewSubjects {
  goalIds: readonly Id[];
  kpiIds: readonly Id[];
}

/** The ids rated in each section of a template for one reviewee. */
export function ratedIdsBySection(template: ReviewTemplate, subjects: ReviewSubjects): Map<Id, Id[]> {
  const bySection = new Map<Id, Id[]>();
  for (const section of template.sections) {
    switch (section.kind) {
      case 'goals':
        bySection.set(section.id, [...subjects.goalIds]);
        break;
      case 'kpis':
        bySection.set(section.id, [...subjects.kpiIds]);
        break;
      case 'competencies':
      case 'questions':
        bySection.set(
          section.id,
          section.items.filter((item) => item.answer === 'rating').map((item) => item.id),
        );
        break;
    }
  }
  return bySection;
}

/** Ratings must be points of the template's scale; comments fit a feedback-sized box. */
export function validateReviewAnswers(
  template: ReviewTemplate,
  answers: Record<Id, ReviewAnswer>,
  maxComment: number,
): ValidationIssue[] {
  const allowed = new Set(template.scale.map((point) => point.value));
  const issues: ValidationIssue[] = [];
  for (const [key, answer] of Object.entries(answers)) {
    if (answer.rating !== undefined && !allowed.has(answer.rating)) {
      issues.push({ field: key, message: { key: 'validation.notAllowedValue' } });
    } else if (answer.comment !== undefined && [...answer.comment].length > maxComment) {
      issues.push({ field: key, message: { key: 'validation.tooLong', params: { max: maxComment } } });
    }
  }
  return issues;
}

/**
 * The review score, in the units of the template's scale: each section's
 * mean rating, weighted by the section's weight. Sections with no weight or
 * nothing to rate (a reviewee without KPIs) are left out and the remaining
 * weights renormalised, so the score stays on the scale. Rounded to two
 * decimals. Returns the missing ratings instead when any are unanswered.
 */
export function scoreReview(
  template: ReviewTemplate,
  subjects: ReviewSubjects,
  answers: Record<Id, ReviewAnswer>,
): { score: number } | { missing: Id[] } {
  const bySection = ratedIdsBySection(template, subjects);
  const missing: Id[] = [];
  let weighted = 0;
  let totalWeight = 0;
  for (const section of template.sections) {
    const ids = bySection.get(section.id) ?? [];
    const ratings: number[] = [];
    for (const id of ids) {
      const rating = answers[id]?.rating;
      if (rating === undefined) missing.push(id);
      else ratings.push(rating);
    }
    if (section.weight <= 0 || ratings.length === 0) continue;
    const mean = ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length;
    weighted += section.weight * mean;
    totalWeight += section.weight;
  }
  if (missing.length > 0) return { missing };
  if (totalWeight === 0) return { score: 0 };
  return { score: Math.round((weighted / totalWeight) * 100) / 100 };
}
