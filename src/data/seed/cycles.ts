/**
 * Three quarterly cycles around `now`: the previous quarter (closed, with its
 * reviews), the current one (active: it contains `now`) and the next (in
 * planning, with draft goals), each with its strategy pillars.
 */
import type { Cycle, Strategy } from '../../model/records.js';
import { PILLARS } from './content/company.js';
import type { PillarKey } from './content/okrs.js';
import { DAY_MS, HOUR_MS, quarterAfter, quarterBefore, quarterContaining, toIsoDate, toIsoDateTime, type Quarter } from './calendar.js';
import type { CycleContext, CycleKind, IdSequences } from './world.js';

/** The pillars each cycle's strategy map holds: last quarter had no separate customer pillar yet. */
const PILLARS_BY_KIND: Readonly<Record<CycleKind, readonly PillarKey[]>> = {
  previous: ['growth', 'product', 'efficiency', 'talent'],
  active: ['growth', 'product', 'efficiency', 'customer', 'talent'],
  planning: ['growth', 'product', 'efficiency', 'customer', 'talent'],
};

export interface Cycles {
  previous: CycleContext;
  active: CycleContext;
  planning: CycleContext;
  strategies: Strategy[];
}

export function buildCycles(now: number, ids: IdSequences): Cycles {
  const current = quarterContaining(now);
  const strategies: Strategy[] = [];
  // Nothing may have happened after `now`: a time computed as "a little after" an event is capped.
  const notAfterNow = (ms: number) => Math.min(ms, now);

  const context = (kind: CycleKind, quarter: Quarter): CycleContext => {
    const endMs = quarter.endMs + DAY_MS;
    const history: Record<CycleKind, { version: number; updatedAt: number; status: Cycle['status'] }> = {
      // planning → active → closed: two writes after creation.
      previous: { version: 3, updatedAt: notAfterNow(endMs + 4 * DAY_MS + 10 * HOUR_MS), status: 'closed' },
      active: { version: 2, updatedAt: notAfterNow(quarter.startMs + HOUR_MS), status: 'active' },
      planning: { version: 1, updatedAt: now - 9 * DAY_MS, status: 'planning' },
    };
    const { version, updatedAt, status } = history[kind];
    const cycle: Cycle = {
      id: ids.cycle(),
      version,
      updatedAt: toIsoDateTime(updatedAt),
      name: `${quarter.year} Q${quarter.quarter}`,
      start: toIsoDate(quarter.startMs),
      end: toIsoDate(quarter.endMs),
      status,
      // Only the next cycle tries automatic KPIs; so far managers pick the key results that become KPIs.
      autoKpiFromKeyResults: kind === 'planning',
    };
    const strategyByPillar = new Map<PillarKey, Strategy>();
    PILLARS_BY_KIND[kind].forEach((pillar, order) => {
      const strategy: Strategy = {
        id: ids.strategy(),
        version: 1,
        // Leadership sets the pillars a few weeks before a quarter starts (days ago, for the next one).
        updatedAt: toIsoDateTime(kind === 'planning' ? now - 8 * DAY_MS : quarter.startMs - 20 * DAY_MS),
        cycleId: cycle.id,
        title: PILLARS[pillar].title,
        description: PILLARS[pillar].description,
        order: order + 1,
      };
      strategies.push(strategy);
      strategyByPillar.set(pillar, strategy);
    });
    return { kind, cycle, startMs: quarter.startMs, endMs, pillars: PILLARS_BY_KIND[kind], strategyByPillar };
  };

  const previous = context('previous', quarterBefore(current));
  const active = context('active', current);
  const planning = context('planning', quarterAfter(current));
  return { previous, active, planning, strategies };
}
