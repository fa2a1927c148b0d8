import { expect } from '@open-wc/testing';
import { openMemoryStore } from '../../../src/data/index.js';

describe('seeding the memory store', function () {
  this.timeout(60_000);

  it('seeds the demo company in batches with progress', async () => {
    const store = await openMemoryStore();
    const progress: number[] = [];
    const started = performance.now();
    const info = await store.seed({ seed: 42, now: new Date('2026-03-16T08:00:00.000Z'), onProgress: (ratio) => progress.push(ratio) });
    console.log(`memory demo seed: ${Math.round(performance.now() - started)} ms`);
    expect(progress.at(-1)).to.equal(1);
    expect(await store.isSeeded()).to.equal(true);
    expect((await store.getSession()).person.id).to.equal(info.personas.employee);
    const goals = await store.listGoals({ cycleId: info.activeCycleId, ownerId: info.personas.employee });
    expect(goals.length).to.be.greaterThan(0);
  });
});
