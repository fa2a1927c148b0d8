/**
 * What every generated company must hold, whatever its size: shared by the
 * demo-scale and large-scale seed tests. Each check returns the problems it
 * found (empty when all is well), so a failure names the records at fault.
 */
import type { Id, RecordSet } from '../../../src/model/records.js';
import { validateCheckInFields, validateKeyResultFields, validateSiblingWeights } from '../../../src/model/validation.js';

type Problems = string[];

/** Stops listing after a few, so one systematic fault does not print thousands of lines. */
function collector(): { problems: Problems; report: (problem: string) => void } {
  const problems: Problems = [];
  return {
    problems,
    report: (problem) => {
      if (problems.length < 20) problems.push(problem);
    },
  };
}

export function duplicateIds(records: RecordSet): Problems {
  const { problems, report } = collector();
  for (const [kind, list] of Object.entries(records)) {
    const seen = new Set<Id>();
    for (const record of list as { id: Id }[]) {
      if (!/^[a-z]+-\d+$/.test(record.id)) report(`${kind} ${record.id}: not a short readable id`);
      if (seen.has(record.id)) report(`${kind} ${record.id}: duplicate`);
      seen.add(record.id);
    }
  }
  return problems;
}

/** Every reference points at a record of the right kind (and, for goals, of the same cycle). */
export function danglingReferences(records: RecordSet): Problems {
  const { problems, report } = collector();
  const idsOf = <T extends { id: Id }>(list: readonly T[]) => new Set(list.map((record) => record.id));
  const people = idsOf(records.person);
  const units = idsOf(records.orgUnit);
  const cycles = idsOf(records.cycle);
  const jobProfiles = idsOf(records.jobProfile);
  const trainings = idsOf(records.training);
  const templates = new Map(records.reviewTemplate.map((template) => [template.id, template]));
  const goals = new Map(records.goal.map((goal) => [goal.id, goal]));
  const keyResults = new Map(records.keyResult.map((keyResult) => [keyResult.id, keyResult]));
  const checkIns = idsOf(records.checkIn);
  const kpis = idsOf(records.kpi);
  const reviews = idsOf(records.review);
  const feedback = new Map(records.feedback.map((message) => [message.id, message]));
  const strategyCycle = new Map(records.strategy.map((strategy) => [strategy.id, strategy.cycleId]));
  const expect = (ok: boolean, problem: string) => {
    if (!ok) report(problem);
  };

  for (const person of records.person) {
    expect(units.has(person.orgUnitId), `person ${person.id}: orgUnitId ${person.orgUnitId}`);
    expect(person.managerId === null || people.has(person.managerId), `person ${person.id}: managerId ${person.managerId}`);
    expect(person.jobProfileId == null || jobProfiles.has(person.jobProfileId), `person ${person.id}: jobProfileId ${person.jobProfileId}`);
  }
  for (const unit of records.orgUnit) {
    expect(unit.parentId === null || units.has(unit.parentId), `orgUnit ${unit.id}: parentId ${unit.parentId}`);
    expect(unit.leaderId !== null && people.has(unit.leaderId), `orgUnit ${unit.id}: leaderId ${unit.leaderId}`);
  }
  for (const strategy of records.strategy) expect(cycles.has(strategy.cycleId), `strategy ${strategy.id}: cycleId`);
  for (const goal of records.goal) {
    expect(cycles.has(goal.cycleId), `goal ${goal.id}: cycleId`);
    expect(people.has(goal.ownerId), `goal ${goal.id}: ownerId`);
    expect(units.has(goal.orgUnitId), `goal ${goal.id}: orgUnitId`);
    expect(goal.parentId === null || goals.get(goal.parentId)?.cycleId === goal.cycleId, `goal ${goal.id}: parentId ${goal.parentId}`);
    for (const aligned of goal.alignsTo) expect(goals.get(aligned)?.cycleId === goal.cycleId && aligned !== goal.id, `goal ${goal.id}: alignsTo ${aligned}`);
    for (const strategyId of goal.strategyIds) expect(strategyCycle.get(strategyId) === goal.cycleId, `goal ${goal.id}: strategyId ${strategyId}`);
    expect(goal.decidedBy === undefined || people.has(goal.decidedBy), `goal ${goal.id}: decidedBy`);
  }
  for (const keyResult of records.keyResult) expect(goals.has(keyResult.goalId), `keyResult ${keyResult.id}: goalId`);
  for (const checkIn of records.checkIn) {
    const keyResult = keyResults.get(checkIn.keyResultId);
    expect(keyResult !== undefined && keyResult.goalId === checkIn.goalId, `checkIn ${checkIn.id}: keyResultId / goalId`);
    expect(people.has(checkIn.authorId), `checkIn ${checkIn.id}: authorId`);
  }
  for (const change of records.goalChange) {
    expect(goals.has(change.goalId), `goalChange ${change.id}: goalId`);
    expect(people.has(change.authorId), `goalChange ${change.id}: authorId`);
    for (const snapshot of [...(change.before.keyResults ?? []), ...(change.after.keyResults ?? [])]) {
      expect(keyResults.get(snapshot.id)?.goalId === change.goalId, `goalChange ${change.id}: key result ${snapshot.id}`);
    }
  }
  for (const kpi of records.kpi) {
    expect(people.has(kpi.ownerId) && cycles.has(kpi.cycleId), `kpi ${kpi.id}: ownerId / cycleId`);
    const sourceOk =
      kpi.source === 'keyResult' ? kpi.sourceId !== null && keyResults.has(kpi.sourceId) : kpi.source === 'jobProfile' ? kpi.sourceId !== null && jobProfiles.has(kpi.sourceId) : kpi.sourceId === null;
    expect(sourceOk, `kpi ${kpi.id}: ${kpi.source} sourceId ${kpi.sourceId}`);
  }
  for (const log of records.workLog) {
    expect(people.has(log.personId), `workLog ${log.id}: personId`);
    for (const entry of log.entries) {
      expect(entry.keyResultId === undefined || keyResults.has(entry.keyResultId), `workLog ${log.id}: entry keyResultId`);
      expect(entry.checkInId === undefined || checkIns.has(entry.checkInId), `workLog ${log.id}: entry checkInId`);
    }
  }
  for (const review of records.review) {
    const template = templates.get(review.templateId);
    expect(template !== undefined && cycles.has(review.cycleId), `review ${review.id}: templateId / cycleId`);
    expect(people.has(review.revieweeId) && people.has(review.raterId), `review ${review.id}: revieweeId / raterId`);
    const items = new Set(template?.sections.flatMap((section) => section.items.map((item) => item.id)));
    for (const key of Object.keys(review.answers)) {
      expect(items.has(key) || goals.get(key)?.cycleId === review.cycleId || kpis.has(key), `review ${review.id}: answer for ${key}`);
    }
  }
  for (const message of records.feedback) {
    const { kind, id } = message.subject;
    const subjectExists =
      kind === 'goal' ? goals.has(id) : kind === 'keyResult' ? keyResults.has(id) : kind === 'kpi' ? kpis.has(id) : kind === 'review' ? reviews.has(id) : people.has(id);
    expect(subjectExists, `feedback ${message.id}: subject ${kind} ${id}`);
    expect(people.has(message.authorId), `feedback ${message.id}: authorId`);
    const parent = message.parentId === null ? null : feedback.get(message.parentId);
    expect(message.parentId === null || (parent !== undefined && parent?.subject.id === id), `feedback ${message.id}: parentId`);
    for (const mentioned of message.mentions) expect(people.has(mentioned), `feedback ${message.id}: mention ${mentioned}`);
  }
  for (const record of records.trainingRecord) {
    expect(people.has(record.personId) && trainings.has(record.trainingId), `trainingRecord ${record.id}: personId / trainingId`);
  }
  return problems;
}

/** Walking up parents (goals) or managers (people) always ends, at a record with none. */
export function loops(records: RecordSet): Problems {
  const { problems, report } = collector();
  const walk = (kind: string, ids: Iterable<Id>, parentOf: (id: Id) => Id | null) => {
    const known = new Set<Id>();
    for (const start of ids) {
      const path = new Set<Id>();
      for (let current: Id | null = start; current !== null && !known.has(current); current = parentOf(current)) {
        if (path.has(current)) {
          report(`${kind} ${start}: loop through ${current}`);
          break;
        }
        path.add(current);
      }
      for (const id of path) known.add(id);
    }
  };
  const goalParent = new Map(records.goal.map((goal) => [goal.id, goal.parentId]));
  walk('goal', goalParent.keys(), (id) => goalParent.get(id) ?? null);
  const manager = new Map(records.person.map((person) => [person.id, person.managerId]));
  walk('person', manager.keys(), (id) => manager.get(id) ?? null);
  const unitParent = new Map(records.orgUnit.map((unit) => [unit.id, unit.parentId]));
  walk('orgUnit', unitParent.keys(), (id) => unitParent.get(id) ?? null);
  return problems;
}

/** Goals under one parent (top-level goals: per cycle and level), key results of a goal, a person's KPIs in a cycle: 100. */
export function weightSums(records: RecordSet): Problems {
  const { problems, report } = collector();
  const check = (label: string, groups: Map<string, number[]>) => {
    for (const [key, weights] of groups) if (validateSiblingWeights(weights).length > 0) report(`${label} ${key}: weights sum to ${weights.reduce((a, b) => a + b, 0)}`);
  };
  const group = <T>(list: readonly T[], keyOf: (item: T) => string, weightOf: (item: T) => number) => {
    const groups = new Map<string, number[]>();
    for (const item of list) {
      const key = keyOf(item);
      const weights = groups.get(key);
      if (weights) weights.push(weightOf(item));
      else groups.set(key, [weightOf(item)]);
    }
    return groups;
  };
  check('goals under', group(records.goal, (goal) => `${goal.cycleId}/${goal.parentId ?? `top:${goal.level}`}`, (goal) => goal.weight));
  check('key results of', group(records.keyResult, (keyResult) => keyResult.goalId, (keyResult) => keyResult.weight));
  check('KPIs of', group(records.kpi, (kpi) => `${kpi.ownerId}/${kpi.cycleId}`, (kpi) => kpi.weight));
  return problems;
}

/**
 * Key results are valid (metric values, direction, due inside the cycle) and
 * agree with their check-ins: the latest check-in is `current` and
 * `lastCheckIn`; without check-ins, `current` is the start. Check-ins lie
 * inside the cycle and before `now`.
 */
export function keyResultsAndCheckIns(records: RecordSet, now: Date): Problems {
  const { problems, report } = collector();
  const goals = new Map(records.goal.map((goal) => [goal.id, goal]));
  const cycles = new Map(records.cycle.map((cycle) => [cycle.id, cycle]));
  const latest = new Map<Id, RecordSet['checkIn'][number]>();
  const nowText = now.toISOString();
  for (const checkIn of records.checkIn) {
    const previous = latest.get(checkIn.keyResultId);
    if (!previous || previous.at < checkIn.at) latest.set(checkIn.keyResultId, checkIn);
    if (checkIn.at >= nowText) report(`checkIn ${checkIn.id}: at ${checkIn.at} is not before now`);
  }
  const keyResults = new Map(records.keyResult.map((keyResult) => [keyResult.id, keyResult]));
  for (const checkIn of records.checkIn) {
    const keyResult = keyResults.get(checkIn.keyResultId);
    const goal = keyResult && goals.get(keyResult.goalId);
    const cycle = goal && cycles.get(goal.cycleId);
    if (!keyResult || !goal || !cycle) continue;
    if (goal.status !== 'approved') report(`checkIn ${checkIn.id}: on a ${goal.status} goal`);
    if (checkIn.at.slice(0, 10) < cycle.start || checkIn.at.slice(0, 10) > cycle.end) report(`checkIn ${checkIn.id}: outside its cycle`);
    const issues = validateCheckInFields(checkIn, keyResult);
    if (issues.length > 0) report(`checkIn ${checkIn.id}: ${issues.map((issue) => issue.field).join(', ')}`);
  }
  for (const keyResult of records.keyResult) {
    const goal = goals.get(keyResult.goalId);
    const cycle = goal && cycles.get(goal.cycleId);
    const issues = validateKeyResultFields(keyResult, cycle);
    if (issues.length > 0) report(`keyResult ${keyResult.id}: ${issues.map((issue) => issue.field).join(', ')}`);
    const last = latest.get(keyResult.id);
    if (last) {
      if (keyResult.current !== last.value) report(`keyResult ${keyResult.id}: current ${keyResult.current}, latest check-in ${last.value}`);
      const snapshot = keyResult.lastCheckIn;
      if (!snapshot || snapshot.at !== last.at || snapshot.authorId !== last.authorId || snapshot.confidence !== last.confidence) {
        report(`keyResult ${keyResult.id}: lastCheckIn does not match check-in ${last.id}`);
      }
    } else if (keyResult.current !== keyResult.start || keyResult.lastCheckIn !== null) {
      report(`keyResult ${keyResult.id}: moved without a check-in`);
    }
  }
  return problems;
}

/** Every versioned record: a version of at least 1 and a real update time, not after `now`. */
export function versions(records: RecordSet, now: Date): Problems {
  const { problems, report } = collector();
  const nowText = now.toISOString();
  for (const [kind, list] of Object.entries(records)) {
    for (const record of list as { id: Id; version?: number; updatedAt?: string }[]) {
      if (record.version === undefined) continue;
      if (!Number.isInteger(record.version) || record.version < 1) report(`${kind} ${record.id}: version ${record.version}`);
      if (typeof record.updatedAt !== 'string' || new Date(record.updatedAt).toISOString() !== record.updatedAt) report(`${kind} ${record.id}: updatedAt ${record.updatedAt}`);
      else if (record.updatedAt > nowText) report(`${kind} ${record.id}: updated after now (${record.updatedAt})`);
    }
  }
  return problems;
}

/** KPIs born from key results follow them: target, actual and history; a KPI's history ends at its actual. */
export function kpisFollowKeyResults(records: RecordSet): Problems {
  const { problems, report } = collector();
  const keyResults = new Map(records.keyResult.map((keyResult) => [keyResult.id, keyResult]));
  for (const kpi of records.kpi) {
    const last = kpi.history[kpi.history.length - 1];
    if (!last || last.value !== kpi.actual) report(`kpi ${kpi.id}: history does not end at actual ${kpi.actual}`);
    if (kpi.target === kpi.start) report(`kpi ${kpi.id}: target equals start`);
    if (kpi.source !== 'keyResult' || kpi.sourceId === null) continue;
    const keyResult = keyResults.get(kpi.sourceId);
    if (!keyResult) continue;
    if (kpi.target !== keyResult.target || kpi.actual !== keyResult.current || kpi.direction !== keyResult.direction) {
      report(`kpi ${kpi.id}: does not follow key result ${keyResult.id}`);
    }
  }
  return problems;
}
