import { expect } from '@open-wc/testing';
import { fieldChanges, isEmptySnapshot } from '../../src/model/goal-history.js';

describe('goal history', () => {
  it('lists the goal fields first, then each key result field that moved', () => {
    const changes = fieldChanges({
      before: { title: 'Grow', weight: 40, keyResults: [{ id: 'kr-1', target: 100, due: '2026-03-01' }, { id: 'kr-2', title: 'Old' }] },
      after: { title: 'Grow faster', weight: 40, keyResults: [{ id: 'kr-1', target: 120, due: '2026-03-15' }, { id: 'kr-2', title: 'New' }] },
    });
    expect(changes).to.deep.equal([
      { subject: 'goal', field: 'title', before: 'Grow', after: 'Grow faster' },
      { subject: 'keyResult', keyResultId: 'kr-1', field: 'target', before: 100, after: 120 },
      { subject: 'keyResult', keyResultId: 'kr-1', field: 'due', before: '2026-03-01', after: '2026-03-15' },
      { subject: 'keyResult', keyResultId: 'kr-2', field: 'title', before: 'Old', after: 'New' },
    ]);
  });

  it('skips key results without a before snapshot and fields that did not move', () => {
    expect(fieldChanges({ before: { weight: 10 }, after: { weight: 10, keyResults: [{ id: 'kr-9', target: 5 }] } })).to.deep.equal([]);
  });

  it('isEmptySnapshot', () => {
    expect(isEmptySnapshot({})).to.equal(true);
    expect(isEmptySnapshot({ keyResults: [] })).to.equal(true);
    expect(isEmptySnapshot({ title: 'x' })).to.equal(false);
  });
});
