import { expect } from '@open-wc/testing';
import {
  DEFAULT_CHILD_GOAL_SHARE,
  STATUSES_LEFT_OUT_OF_ROLL_UP,
  keyResultProgress,
  rollUpByWeight,
  rollUpByWeightSteps,
  rollUpConfidence,
  rollUpProgress,
  weightedMean,
} from '../../src/model/progress.js';
import { goalHierarchy } from '../../src/model/goal-tree.js';
import type { Goal, GoalStatus, KeyResult, MetricKind } from '../../src/model/records.js';

const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z' };

const goal = (id: string, parentId: string | null, weight = 100, status: GoalStatus = 'approved'): Goal => ({
  ...stamp,
  id,
  cycleId: 'c1',
  level: parentId ? 'individual' : 'company',
  ownerId: 'p1',
  orgUnitId: 'ou1',
  parentId,
  alignsTo: [],
  strategyIds: [],
  title: id,
  description: '',
  status,
  weight,
  visibility: 'public',
  createdAt: stamp.updatedAt,
});

/** A key result at `progress` of the way from 0 to 100. */
const kr = (id: string, goalId: string, progress: number, weight = 100, confidence: number | null = null): KeyResult => ({
  ...stamp,
  id,
  goalId,
  title: id,
  metric: 'number',
  start: 0,
  target: 100,
  current: progress * 100,
  unit: '',
  direction: 'increase',
  weight,
  due: '2026-03-31',
  lastCheckIn: confidence === null ? null : { at: '2026-02-01T00:00:00.000Z', authorId: 'p1', confidence },
});

const measure = (metric: MetricKind, start: number, target: number, current: number, direction: 'increase' | 'decrease' = 'increase') => ({
  metric,
  start,
  target,
  current,
  direction,
});

describe('keyResultProgress', () => {
  it('measures the way from start to target', () => {
    expect(keyResultProgress(measure('number', 0, 200, 50))).to.equal(0.25);
    expect(keyResultProgress(measure('number', 100, 300, 250))).to.equal(0.75);
    expect(keyResultProgress(measure('percent', 20, 80, 35))).to.equal(0.25);
    expect(keyResultProgress(measure('currency', 1000, 2000, 1000))).to.equal(0);
    expect(keyResultProgress(measure('number', 0, 200, 200))).to.equal(1);
  });

  it('runs downwards for a decrease (500 ms → 300 ms, now 400 ms: halfway)', () => {
    expect(keyResultProgress(measure('number', 500, 300, 400, 'decrease'))).to.equal(0.5);
    expect(keyResultProgress(measure('number', 500, 300, 450, 'decrease'))).to.equal(0.25);
    expect(keyResultProgress(measure('number', 500, 300, 300, 'decrease'))).to.equal(1);
  });

  it('caps over-achievement at 1 and moving the wrong way at 0', () => {
    expect(keyResultProgress(measure('number', 0, 200, 600))).to.equal(1);
    expect(keyResultProgress(measure('number', 500, 300, 100, 'decrease'))).to.equal(1);
    expect(keyResultProgress(measure('number', 100, 200, 40))).to.equal(0);
    expect(keyResultProgress(measure('number', 500, 300, 650, 'decrease'))).to.equal(0);
  });

  it('gives binary results no partial credit', () => {
    expect(keyResultProgress(measure('binary', 0, 1, 0))).to.equal(0);
    expect(keyResultProgress(measure('binary', 0, 1, 1))).to.equal(1);
    expect(keyResultProgress(measure('binary', 0, 1, 0.5))).to.equal(0);
  });

  it('counts milestones', () => {
    expect(keyResultProgress(measure('milestone', 0, 5, 3))).to.equal(0.6);
    expect(keyResultProgress(measure('milestone', 2, 6, 3))).to.equal(0.25);
  });

  it('gives 0 when there is no way to measure along', () => {
    // Target equal to the start: nothing to divide by.
    expect(keyResultProgress(measure('number', 50, 50, 80))).to.equal(0);
    expect(keyResultProgress(measure('number', 50, 50, 50, 'decrease'))).to.equal(0);
    // Target on the wrong side of the start for the direction.
    expect(keyResultProgress(measure('number', 300, 500, 400, 'decrease'))).to.equal(0);
    expect(keyResultProgress(measure('number', 500, 300, 400, 'increase'))).to.equal(0);
  });

  it('gives 0 for numbers that are not finite', () => {
    expect(keyResultProgress(measure('number', 0, 100, Number.NaN))).to.equal(0);
    expect(keyResultProgress(measure('number', 0, Number.POSITIVE_INFINITY, 10))).to.equal(0);
    expect(keyResultProgress(measure('number', Number.NaN, 100, 10))).to.equal(0);
  });
});

describe('weightedMean', () => {
  it('weighs values by their share', () => {
    expect(weightedMean([{ value: 0.5, weight: 30 }, { value: 1, weight: 70 }])).to.be.closeTo(0.85, 1e-12);
  });

  it('normalises weights that do not sum to 100', () => {
    expect(weightedMean([{ value: 0, weight: 10 }, { value: 1, weight: 30 }])).to.equal(0.75);
    expect(weightedMean([{ value: 0.2, weight: 80 }, { value: 0.6, weight: 80 }])).to.be.closeTo(0.4, 1e-12);
  });

  it('counts values equally when every weight is 0, and bad weights as 0', () => {
    expect(weightedMean([{ value: 0, weight: 0 }, { value: 1, weight: 0 }, { value: 0.5, weight: 0 }])).to.equal(0.5);
    expect(weightedMean([{ value: 0, weight: -50 }, { value: 1, weight: 50 }])).to.equal(1);
    expect(weightedMean([{ value: 0, weight: Number.NaN }, { value: 0.4, weight: 10 }])).to.equal(0.4);
    expect(weightedMean([{ value: 0.2, weight: Number.NaN }, { value: 0.4, weight: -1 }])).to.be.closeTo(0.3, 1e-12);
  });

  it('is null for nothing', () => {
    expect(weightedMean([])).to.equal(null);
  });
});

describe('rollUpProgress', () => {
  it('weighs a goal\'s key results', () => {
    const progress = rollUpProgress([goal('g', null)], [kr('a', 'g', 0.5, 60), kr('b', 'g', 1, 40)]);
    expect(progress.get('g')).to.be.closeTo(0.7, 1e-12);
  });

  it('weighs child goals when a goal has only children', () => {
    const goals = [goal('top', null), goal('c1', 'top', 30), goal('c2', 'top', 70)];
    const progress = rollUpProgress(goals, [kr('k1', 'c1', 0.2), kr('k2', 'c2', 0.6)]);
    expect(progress.get('c1')).to.be.closeTo(0.2, 1e-12);
    expect(progress.get('c2')).to.be.closeTo(0.6, 1e-12);
    expect(progress.get('top')).to.be.closeTo(0.48, 1e-12);
  });

  describe('a goal with key results and child goals', () => {
    const goals = [goal('top', null), goal('c1', 'top', 30), goal('c2', 'top', 70)];
    // Own key results: 0.5 × 60% + 1 × 40% = 0.7; children: 0.2 × 30% + 0.6 × 70% = 0.48.
    const keyResults = [kr('a', 'top', 0.5, 60), kr('b', 'top', 1, 40), kr('k1', 'c1', 0.2), kr('k2', 'c2', 0.6)];

    it('takes half from each by default', () => {
      expect(DEFAULT_CHILD_GOAL_SHARE).to.equal(0.5);
      expect(rollUpProgress(goals, keyResults).get('top')).to.be.closeTo(0.59, 1e-12);
    });

    it('takes the children\'s share as the option says', () => {
      expect(rollUpProgress(goals, keyResults, { childGoalShare: 0 }).get('top')).to.be.closeTo(0.7, 1e-12);
      expect(rollUpProgress(goals, keyResults, { childGoalShare: 1 }).get('top')).to.be.closeTo(0.48, 1e-12);
      expect(rollUpProgress(goals, keyResults, { childGoalShare: 0.25 }).get('top')).to.be.closeTo(0.645, 1e-12);
    });

    it('keeps a share out of range inside 0 to 1, and a share that is not a number at the default', () => {
      expect(rollUpProgress(goals, keyResults, { childGoalShare: 3 }).get('top')).to.be.closeTo(0.48, 1e-12);
      expect(rollUpProgress(goals, keyResults, { childGoalShare: -1 }).get('top')).to.be.closeTo(0.7, 1e-12);
      expect(rollUpProgress(goals, keyResults, { childGoalShare: Number.NaN }).get('top')).to.be.closeTo(0.59, 1e-12);
    });

    it('weighs each group within itself, so bad weights in one do not tilt the balance', () => {
      // Key result weights sum to 1000, child weights to 10: each group is still half.
      const skewed = [kr('a', 'top', 0.5, 600), kr('b', 'top', 1, 400), kr('k1', 'c1', 0.2), kr('k2', 'c2', 0.6)];
      const lightChildren = [goal('top', null), goal('c1', 'top', 3), goal('c2', 'top', 7)];
      expect(rollUpProgress(lightChildren, skewed).get('top')).to.be.closeTo(0.59, 1e-12);
    });
  });

  it('rolls up through every level', () => {
    const goals = [goal('co', null), goal('dept', 'co', 50), goal('other', 'co', 50), goal('me', 'dept', 100)];
    const progress = rollUpProgress(goals, [kr('k', 'me', 0.8), kr('o', 'other', 0.2)]);
    expect(progress.get('me')).to.be.closeTo(0.8, 1e-12);
    expect(progress.get('dept')).to.be.closeTo(0.8, 1e-12);
    expect(progress.get('co')).to.be.closeTo(0.5, 1e-12);
  });

  it('leaves rejected and archived children out of their parent, but still computes them', () => {
    expect(STATUSES_LEFT_OUT_OF_ROLL_UP).to.deep.equal(['rejected', 'archived']);
    const goals = [
      goal('top', null),
      goal('ok', 'top', 25),
      goal('rejected', 'top', 25, 'rejected'),
      goal('archived', 'top', 25, 'archived'),
      goal('draft', 'top', 25, 'draft'),
    ];
    const keyResults = [kr('a', 'ok', 1), kr('b', 'rejected', 0), kr('c', 'archived', 0), kr('d', 'draft', 0.5)];
    const progress = rollUpProgress(goals, keyResults);
    expect(progress.get('top')).to.be.closeTo(0.75, 1e-12);
    expect(progress.get('rejected')).to.equal(0);
    expect(progress.get('archived')).to.equal(0);
    expect(progress.get('draft')).to.equal(0.5);
  });

  it('normalises child weights that do not sum to 100, and counts all-zero weights equally', () => {
    const goals = [goal('top', null), goal('c1', 'top', 20), goal('c2', 'top', 20)];
    expect(rollUpProgress(goals, [kr('k1', 'c1', 0.2), kr('k2', 'c2', 0.6)]).get('top')).to.be.closeTo(0.4, 1e-12);
    const zero = [goal('top', null), goal('c1', 'top', 0), goal('c2', 'top', 0)];
    expect(rollUpProgress(zero, [kr('k1', 'c1', 0.2), kr('k2', 'c2', 0.6)]).get('top')).to.be.closeTo(0.4, 1e-12);
    const zeroKeyResults = [kr('a', 'top', 0.3, 0), kr('b', 'top', 0.9, 0)];
    expect(rollUpProgress([goal('top', null)], zeroKeyResults).get('top')).to.be.closeTo(0.6, 1e-12);
  });

  it('gives a goal with nothing to measure 0, which counts in its parent', () => {
    const goals = [goal('top', null), goal('measured', 'top', 50), goal('empty', 'top', 50)];
    const progress = rollUpProgress(goals, [kr('k', 'measured', 1)]);
    expect(progress.get('empty')).to.equal(0);
    expect(progress.get('top')).to.equal(0.5);
  });

  it('treats a goal whose parent is not in the set as a root', () => {
    const progress = rollUpProgress([goal('mine', 'elsewhere')], [kr('k', 'mine', 0.4)]);
    expect([...progress]).to.deep.equal([['mine', 0.4]]);
  });

  it('ignores key results of goals not in the set', () => {
    const progress = rollUpProgress([goal('g', null)], [kr('k', 'g', 0.4), kr('stray', 'missing', 1)]);
    expect([...progress]).to.deep.equal([['g', 0.4]]);
  });

  it('returns an empty map for empty sets', () => {
    expect(rollUpProgress([], []).size).to.equal(0);
    expect(rollUpProgress([], [kr('k', 'g', 1)]).size).to.equal(0);
  });

  it('survives parent loops without hanging, computing every goal once', () => {
    // a and b are each other's parents; c hangs under a; s is its own parent.
    const goals = [goal('c', 'a'), goal('a', 'b'), goal('b', 'a'), goal('s', 's')];
    const progress = rollUpProgress(goals, [kr('kc', 'c', 1), kr('kb', 'b', 0), kr('ks', 's', 0.3)]);
    // The loop breaks at a (the walk up from c meets a again): a is the root, with children c and b.
    expect(progress.get('c')).to.equal(1);
    expect(progress.get('b')).to.equal(0);
    expect(progress.get('a')).to.equal(0.5);
    expect(progress.get('s')).to.equal(0.3);
    expect(progress.size).to.equal(4);
  });

  it('rolls up a chain 10,000 goals deep without running out of stack', () => {
    const goals = Array.from({ length: 10_000 }, (_, index) => goal(`g${index}`, index === 0 ? null : `g${index - 1}`));
    const progress = rollUpProgress(goals, [kr('leaf', 'g9999', 0.25)]);
    expect(progress.get('g0')).to.equal(0.25);
  });

  it('rolls up 50,000 goals with 100,000 key results quickly', () => {
    const goals: Goal[] = [];
    const keyResults: KeyResult[] = [];
    for (let index = 0; index < 50_000; index += 1) {
      goals.push(goal(`g${index}`, index === 0 ? null : `g${Math.floor((index - 1) / 10)}`, 10));
      keyResults.push(kr(`k${index}a`, `g${index}`, 0.5, 50), kr(`k${index}b`, `g${index}`, 1, 50));
    }
    // How fast this machine is right now (grouping key results by goal, the least a roll-up must do),
    // printed beside the figure for a reader; speed itself is asserted only by the benchmarks.
    let started = performance.now();
    const byGoal = new Map<string, KeyResult[]>();
    for (const item of keyResults) {
      const list = byGoal.get(item.goalId);
      if (list) list.push(item);
      else byGoal.set(item.goalId, [item]);
    }
    const reference = performance.now() - started;
    started = performance.now();
    const progress = rollUpProgress(goals, keyResults);
    const elapsed = performance.now() - started;
    const budget = Math.max(500, 50 * reference);
    console.log(
      `rollUpProgress: 50,000 goals, 100,000 key results in ${elapsed.toFixed(1)} ms; ` +
        `reference grouping ${reference.toFixed(1)} ms, budget ${budget.toFixed(0)} ms`,
    );
    expect(progress.size).to.equal(50_000);
    // Every goal stands at 0.75, so every roll-up does too.
    expect(progress.get('g0')).to.be.closeTo(0.75, 1e-12);
  });
});

describe('rollUpConfidence', () => {
  it('weighs the confidence of key results that have been checked in', () => {
    // (0.8 × 50 + 0.4 × 25) / 75: the unchecked key result's weight goes to the others.
    const keyResults = [kr('a', 'g', 0, 50, 0.8), kr('b', 'g', 0, 25, 0.4), kr('c', 'g', 0, 25)];
    expect(rollUpConfidence([goal('g', null)], keyResults).get('g')).to.be.closeTo(2 / 3, 1e-12);
  });

  it('is null where nothing below has been checked in, and leaves such children out', () => {
    const goals = [goal('top', null), goal('quiet', 'top', 50), goal('loud', 'top', 50)];
    const confidence = rollUpConfidence(goals, [kr('q', 'quiet', 0), kr('l', 'loud', 0, 100, 0.6)]);
    expect(confidence.get('quiet')).to.equal(null);
    expect(confidence.get('loud')).to.equal(0.6);
    expect(confidence.get('top')).to.equal(0.6);
  });

  it('combines own key results and children like progress', () => {
    const goals = [goal('top', null), goal('child', 'top')];
    const confidence = rollUpConfidence(goals, [kr('a', 'top', 0, 100, 0.9), kr('b', 'child', 0, 100, 0.5)]);
    expect(confidence.get('top')).to.be.closeTo(0.7, 1e-12);
  });

  it('keeps confidence inside 0 to 1 and skips values that are not numbers', () => {
    const keyResults = [kr('a', 'g', 0, 50, 1.4), kr('b', 'g', 0, 50, Number.NaN)];
    expect(rollUpConfidence([goal('g', null)], keyResults).get('g')).to.equal(1);
  });
});

describe('rollUpByWeight', () => {
  it('rolls up any figure, with the value given for goals with nothing below', () => {
    const goals = [goal('top', null), goal('child', 'top')];
    const figures = rollUpByWeight(goals, [kr('a', 'child', 0)], (keyResult) => keyResult.weight, -1);
    expect(figures.get('child')).to.equal(100);
    expect(figures.get('top')).to.equal(100);
    expect(rollUpByWeight([goal('lonely', null)], [], () => 1, -1).get('lonely')).to.equal(-1);
  });

  it('rolls up in slices that give the same figures, over a hierarchy arranged once', () => {
    const goals = [goal('top', null), ...Array.from({ length: 12_000 }, (_, index) => goal(`g${index}`, 'top', 1 + (index % 3)))];
    const keyResults = goals.flatMap((item, index) => [kr(`${item.id}a`, item.id, (index % 10) / 10), kr(`${item.id}b`, item.id, 0.5, 50)]);
    const steps = rollUpByWeightSteps(goals, keyResults, keyResultProgress, 0, { hierarchy: goalHierarchy(goals) });
    let slices = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) slices += 1;
    // 24,002 key results and 12,001 goals, 10,000 a slice.
    expect(slices).to.equal(3);
    expect([...step.value]).to.deep.equal([...rollUpProgress(goals, keyResults)]);
  });
});
