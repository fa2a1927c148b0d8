/**
 * Job profiles (with the KPI templates recruitment's job analysis produced),
 * the training catalogue, and who was assigned or completed which training.
 */
import type { Id, JobProfile, Training, TrainingRecord } from '../../model/records.js';
import { JOB_PROFILE_KEYS, JOB_PROFILES, TRAININGS, type JobProfileKey, type TrainingSpec } from './content/company.js';
import { TRAINING_REASONS } from './content/phrases.js';
import { DAY_MS, HOUR_MS, toIsoDateTime } from './calendar.js';
import type { SeededRandom } from './random.js';
import { fillTemplate } from './text.js';
import type { CycleContext, IdSequences, StaffMember } from './world.js';

export function buildJobProfiles(ids: IdSequences, createdMs: number): { records: JobProfile[]; idByKey: Map<JobProfileKey, Id> } {
  const idByKey = new Map<JobProfileKey, Id>();
  const records = JOB_PROFILE_KEYS.map((key): JobProfile => {
    const spec = JOB_PROFILES[key];
    const id = ids.jobProfile();
    idByKey.set(key, id);
    return {
      id,
      version: 1,
      updatedAt: toIsoDateTime(createdMs),
      title: spec.title,
      description: spec.description,
      kpiTemplates: spec.kpis.map(({ name, category, unit, direction, start, target, weight, thresholds }) => ({
        name,
        category,
        unit,
        direction,
        start,
        target,
        weight,
        thresholds: { ...thresholds },
      })),
    };
  });
  return { records, idByKey };
}

export interface CatalogueEntry {
  readonly record: Training;
  readonly spec: TrainingSpec;
}

export function buildTrainings(ids: IdSequences, createdMs: number): CatalogueEntry[] {
  return TRAININGS.map((spec) => ({
    spec,
    record: {
      id: ids.training(),
      version: 1,
      updatedAt: toIsoDateTime(createdMs),
      title: spec.title,
      category: spec.category,
      description: spec.description,
      hours: spec.hours,
    },
  }));
}

function suits(spec: TrainingSpec, member: StaffMember): boolean {
  if (spec.audience === 'everyone') return true;
  if (spec.audience === 'managers') return member.tier !== 'member';
  return member.functionKey !== null && spec.audience.includes(member.functionKey);
}

/**
 * A person's trainings: the yearly compliance course, onboarding for new
 * joiners, leadership courses for some managers, and a course from their
 * development plan or their own request.
 */
export function buildTrainingRecords(
  random: SeededRandom,
  member: StaffMember,
  catalogue: readonly CatalogueEntry[],
  previous: CycleContext,
  now: number,
  ids: IdSequences,
): TrainingRecord[] {
  const records: TrainingRecord[] = [];
  const language = member.language;
  const assign = (entry: CatalogueEntry, reason: string, assignedMs: number, completionChance: number): void => {
    const assigned = Math.min(assignedMs, now - 2 * HOUR_MS);
    const completedMs = assigned + random.float(3, 45) * DAY_MS;
    const completed = completedMs < now - HOUR_MS && random.chance(completionChance);
    const assignedAt = toIsoDateTime(assigned);
    const completedAt = completed ? toIsoDateTime(completedMs) : null;
    records.push({
      id: ids.trainingRecord(),
      version: completed ? 2 : 1,
      updatedAt: completedAt ?? assignedAt,
      personId: member.person.id,
      trainingId: entry.record.id,
      status: completed ? 'completed' : 'assigned',
      assignedAt,
      completedAt,
      reason,
    });
  };
  const byCategory = (category: TrainingSpec['category']) => catalogue.filter((entry) => entry.spec.category === category && suits(entry.spec, member));
  const sinceLastQuarter = (): number => previous.startMs - 30 * DAY_MS + random.next() * (now - previous.startMs);

  const joinedMs = Date.parse(member.person.updatedAt);
  if (member.joinedRecently) {
    const onboarding = byCategory('onboarding')[0];
    if (onboarding) assign(onboarding, TRAINING_REASONS.onboarding[language], joinedMs, 0.6);
  }
  const compliance = byCategory('compliance');
  if (compliance.length > 0) {
    const course = random.pick(compliance);
    assign(course, TRAINING_REASONS.required[language], member.joinedRecently ? joinedMs + DAY_MS : sinceLastQuarter(), 0.75);
  }
  if (member.tier !== 'member' && random.chance(0.35)) {
    const leadership = byCategory('leadership');
    if (leadership.length > 0) assign(random.pick(leadership), TRAINING_REASONS.manager[language], sinceLastQuarter(), 0.6);
  }
  if (!member.joinedRecently && random.chance(0.45)) {
    const choices = catalogue.filter((entry) => ['professional', 'data', 'communication'].includes(entry.spec.category) && suits(entry.spec, member));
    if (choices.length > 0) {
      const reasonKind = random.pickWeighted<'review' | 'recommended' | 'requested'>([['review', 40], ['recommended', 35], ['requested', 25]]);
      // Development plans come out of the last review, so they were assigned after the quarter closed.
      const assignedMs = reasonKind === 'review' ? previous.endMs + random.float(5, 20) * DAY_MS : sinceLastQuarter();
      assign(random.pick(choices), fillTemplate(TRAINING_REASONS[reasonKind][language], { cycle: previous.cycle.name }), assignedMs, 0.5);
    }
  }
  return records;
}
