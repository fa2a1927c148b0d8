import { expect } from '@open-wc/testing';
import { keyResultsWithoutKpi, kpiTrend } from '../../src/model/kpi-scorecard.js';
import type { Goal, KeyResult, Kpi } from '../../src/model/records.js';

describe('model/kpi-scorecard', () => {
  describe('kpiTrend', () => {
    const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T00:00:00.000Z`;

    it('reads the first and last value of the history', () => {
      expect(kpiTrend([{ at: at(1), value: 40 }, { at: at(9), value: 35 }, { at: at(20), value: 62 }])).to.deep.equal({ kind: 'rising', from: 40, to: 62, points: 3 });
      expect(kpiTrend([{ at: at(1), value: 12 }, { at: at(20), value: 9 }])).to.deep.equal({ kind: 'falling', from: 12, to: 9, points: 2 });
      expect(kpiTrend([{ at: at(1), value: 5 }, { at: at(20), value: 5 }])).to.deep.equal({ kind: 'flat', from: 5, to: 5, points: 2 });
    });

    it('says none or single, and skips values that are not numbers', () => {
      expect(kpiTrend([])).to.deep.equal({ kind: 'none' });
      expect(kpiTrend([{ at: at(1), value: 7 }])).to.deep.equal({ kind: 'single', value: 7 });
      expect(kpiTrend([{ at: at(1), value: Number.NaN }, { at: at(2), value: 3 }])).to.deep.equal({ kind: 'single', value: 3 });
    });
  });

  describe('keyResultsWithoutKpi', () => {
    const goals = new Map<string, Pick<Goal, 'status'>>([
      ['g-approved', { status: 'approved' }],
      ['g-draft', { status: 'draft' }],
    ]);
    const keyResult = (id: string, goalId: string) => ({ id, goalId }) as KeyResult;
    const kpi = (sourceId: string, archived = false): Pick<Kpi, 'source' | 'sourceId' | 'archived'> => ({ source: 'keyResult', sourceId, archived });

    it('keeps key results of approved goals that no live KPI follows', () => {
      const candidates = keyResultsWithoutKpi(
        [keyResult('kr-1', 'g-approved'), keyResult('kr-2', 'g-approved'), keyResult('kr-3', 'g-draft'), keyResult('kr-4', 'g-approved'), keyResult('kr-5', 'g-gone')],
        goals,
        [kpi('kr-1'), kpi('kr-4', true), { source: 'jobProfile', sourceId: 'kr-2', archived: false }],
      );
      expect(candidates.map((candidate) => candidate.id)).to.deep.equal(['kr-2', 'kr-4']);
    });
  });

});
