import { expect } from '@open-wc/testing';
import { generateCompany } from '../../../src/data/seed/index.js';

describe('generateCompany at 50,000 goals', () => {
  it('makes about 50,000 goals and 150,000 key results, with a few check-ins each', function () {
    // Generous for a loaded CI machine; on a quiet one it takes a few seconds (the log says how long).
    this.timeout(60_000);
    const started = performance.now();
    const { records, personas } = generateCompany({ seed: 2026, now: new Date('2026-11-23T09:30:00.000Z'), goals: 50_000 });
    const elapsed = performance.now() - started;
    const counts = Object.entries(records)
      .map(([kind, list]) => `${kind} ${list.length}`)
      .join(', ');
    console.log(`50,000-goal seed generated in ${Math.round(elapsed)} ms: ${counts}`);

    expect(records.goal.length).to.be.within(47_500, 52_500);
    expect(records.keyResult.length).to.be.within(130_000, 170_000);
    // About one person per 3.5 goals, in teams of about eight.
    expect(records.person.length).to.be.within(12_000, 17_000);
    const teams = records.orgUnit.filter((unit) => unit.kind === 'team').length;
    expect(records.person.length / teams).to.be.within(6, 10);
    const checkInsPerKeyResult = new Map<string, number>();
    for (const checkIn of records.checkIn) checkInsPerKeyResult.set(checkIn.keyResultId, (checkInsPerKeyResult.get(checkIn.keyResultId) ?? 0) + 1);
    let most = 0;
    for (const count of checkInsPerKeyResult.values()) most = Math.max(most, count);
    expect(most).to.be.at.most(3);
    expect(Object.values(personas).every((id) => records.person.some((person) => person.id === id))).to.equal(true);
  });
});
