import type { Goal, KeyResult, RecordSet } from '../../src/model/records.js';
import { fixtureCompany, ids } from '../contract/fixture.js';

/**
 * The fixture company with `count` more public goals cascading under the
 * Engineering goal (two levels deep) and a key result each: large enough for
 * the store's "many goals" query paths.
 */
export function fixtureWithBigTree(count: number): RecordSet {
  const fixture = fixtureCompany();
  const template = fixture.goal.find((goal) => goal.id === ids.goalEmp2Pending)!;
  const krTemplate = fixture.keyResult.find((kr) => kr.id === ids.krLaunch)!;
  for (let i = 0; i < count; i += 1) {
    const id = `g-bulk-${String(i).padStart(4, '0')}`;
    // Every tenth goal is a parent for the next nine, so the tree is two levels deep.
    const parentId = i % 10 === 0 ? ids.goalEng : `g-bulk-${String(i - (i % 10)).padStart(4, '0')}`;
    const goal: Goal = { ...template, id, parentId, title: `Bulk goal ${i}`, createdAt: `2026-02-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` };
    const keyResult: KeyResult = { ...krTemplate, id: `kr-bulk-${i}`, goalId: id };
    fixture.goal.push(goal);
    fixture.keyResult.push(keyResult);
  }
  return fixture;
}
