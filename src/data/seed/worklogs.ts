/**
 * Work logs: one per person per ISO week in which they checked in, with an
 * entry per check-in ("Check-in: … → 95%") and, in a small company, a line
 * or two about the rest of the week.
 */
import type { CheckIn, WorkLog, WorkLogEntry } from '../../model/records.js';
import { WORK_LOG_CHECK_IN, WORK_LOG_LINES } from './content/phrases.js';
import { DAY_MS, HOUR_MS, isoWeekOf, mondayOnOrBefore, toIsoDateTime } from './calendar.js';
import type { RealisedGoal } from './progress.js';
import type { SeededRandom } from './random.js';
import { formatValueWithUnit } from './text.js';
import type { IdSequences, StaffMember } from './world.js';

interface TimedEntry {
  ms: number;
  entry: WorkLogEntry;
}

export function buildWorkLogs(
  random: SeededRandom,
  member: StaffMember,
  goals: readonly RealisedGoal[],
  now: number,
  ids: IdSequences,
  withOtherLines: boolean,
): WorkLog[] {
  const weeks = new Map<string, TimedEntry[]>();
  const [prefix, separator] = WORK_LOG_CHECK_IN[member.language];
  for (const realised of goals) {
    for (const { keyResult, checkIns, checkInTimes, step } of realised.keyResults) {
      for (let index = 0; index < checkIns.length; index += 1) {
        const checkIn = checkIns[index] as CheckIn;
        const ms = checkInTimes[index] as number;
        // join() makes one flat string, where + would keep a rope of four pieces per entry.
        const text = [prefix, keyResult.title, separator, formatValueWithUnit(checkIn.value, keyResult.metric, keyResult.unit, step, member.language)].join('');
        const entry: WorkLogEntry = { id: '', at: checkIn.at, text, keyResultId: keyResult.id, checkInId: checkIn.id };
        const week = isoWeekOf(ms);
        const entries = weeks.get(week);
        if (entries) entries.push({ ms, entry });
        else weeks.set(week, [{ ms, entry }]);
      }
    }
  }

  const logs: WorkLog[] = [];
  for (const week of [...weeks.keys()].sort()) {
    const entries = weeks.get(week) as TimedEntry[];
    if (withOtherLines && random.chance(0.55)) {
      // Another line from the same week, in office hours, never in the future.
      const monday = mondayOnOrBefore((entries[0] as TimedEntry).ms);
      const ms = Math.min(now - HOUR_MS, monday + random.int(0, 4) * DAY_MS + random.int(1, 9) * HOUR_MS + random.int(0, 59) * 60_000);
      if (ms >= monday) {
        const at = toIsoDateTime(ms);
        entries.push({ ms, entry: { id: '', at, text: random.pick(WORK_LOG_LINES[member.language]) } });
      }
    }
    entries.sort((left, right) => left.ms - right.ms);
    // Entry ids are given in time order, once the week's entries are known.
    for (const timed of entries) timed.entry.id = ids.workLogEntry();
    const last = entries[entries.length - 1] as TimedEntry;
    logs.push({
      id: ids.workLog(),
      // The log was created with its first entry; each later entry was one more write.
      version: entries.length,
      updatedAt: last.entry.at,
      personId: member.person.id,
      week,
      entries: entries.map((timed) => timed.entry),
    });
  }
  return logs;
}
