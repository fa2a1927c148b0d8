import { expect } from '@open-wc/testing';
import { generateCompany, generateCompanyInBatches, type SeedBatch, type SeedOptions, type SeedResult } from '../../../src/data/seed/index.js';
import { RECORD_KINDS, type RecordSet } from '../../../src/model/records.js';

const NOW = new Date('2026-11-23T09:30:00.000Z');

function drain(options: SeedOptions & { batchSize?: number }): { batches: SeedBatch[]; result: SeedResult } {
  const batches: SeedBatch[] = [];
  const generator = generateCompanyInBatches(options);
  for (let step = generator.next(); ; step = generator.next()) {
    if (step.done) return { batches, result: step.value };
    batches.push(step.value);
  }
}

function union(batches: readonly SeedBatch[]): RecordSet {
  const records = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, [] as unknown[]])) as Record<string, unknown[]>;
  for (const batch of batches) {
    for (const [kind, list] of Object.entries(batch.records)) (records[kind] as unknown[]).push(...(list as unknown[]));
  }
  return records as unknown as RecordSet;
}

describe('generateCompanyInBatches', () => {
  it('yields, batch by batch, exactly the records generateCompany returns', () => {
    const options = { seed: 11, now: NOW };
    const whole = generateCompany(options);
    const { batches, result } = drain({ ...options, batchSize: 400 });
    expect(batches.length).to.be.greaterThan(5);
    expect(union(batches)).to.deep.equal(whole.records);
    expect(result.personas).to.deep.equal(whole.personas);
    expect(result.activeCycleId).to.equal(whole.activeCycleId);
    for (const kind of RECORD_KINDS) expect(result.records[kind], kind).to.deep.equal([]);
  });

  it('reports progress that only grows and ends at 1, in batches near the size asked for', () => {
    const { batches } = drain({ seed: 11, now: NOW, batchSize: 1000 });
    const progress = batches.map((batch) => batch.progress);
    for (let index = 1; index < progress.length; index += 1) expect(progress[index]).to.be.at.least(progress[index - 1] as number);
    expect(progress[progress.length - 1]).to.equal(1);
    expect(progress[0]).to.be.within(0, 1);
    const sizes = batches.slice(0, -1).map((batch) => Object.values(batch.records).reduce((sum, list) => sum + list.length, 0));
    // A batch closes at the first pause after reaching the size: one person's records at most beyond it.
    for (const size of sizes) expect(size).to.be.within(1000, 1500);
  });

  it('matches generateCompany for a mid-sized company too', () => {
    const options = { seed: 3, now: NOW, goals: 3000 };
    const whole = generateCompany(options);
    const { batches } = drain({ ...options, batchSize: 5000 });
    // JSON keeps this fast for ~100,000 records; order and values must match exactly.
    const merged = union(batches);
    for (const kind of RECORD_KINDS) expect(JSON.stringify(merged[kind]) === JSON.stringify(whole.records[kind]), kind).to.equal(true);
  });
});
