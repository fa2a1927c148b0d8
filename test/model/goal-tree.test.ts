import { expect } from '@open-wc/testing';
import {
  GOAL_TREE_NODE_KINDS,
  ancestorsOf,
  buildGoalForest,
  confirmKeyResultOrder,
  filterForest,
  flattenVisible,
  flattenPillarGroups,
  goalHierarchy,
  goalNodeKey,
  groupByPillar,
  highlightRanges,
  keyResultNodeKey,
  matchesQuery,
  strategyNodeKey,
  UNLINKED_GROUP_KEY,
  VisibleRows,
  visibleRowKey,
  type GoalForest,
  type GoalHierarchy,
  type GoalTreeNode,
  type GoalTreeRow,
  type VisibleRow,
} from '../../src/model/goal-tree.js';
import type { Goal, GoalLevel, KeyResult, Strategy } from '../../src/model/records.js';
import { SeededRandom } from '../../src/data/seed/random.js';

const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z' };

const goal = (id: string, parentId: string | null, level: GoalLevel, weight: number, title = id): Goal => ({
  ...stamp,
  id,
  cycleId: 'c1',
  level,
  ownerId: 'p1',
  orgUnitId: 'ou1',
  parentId,
  alignsTo: [],
  strategyIds: [],
  title,
  description: '',
  status: 'approved',
  weight,
  visibility: 'public',
  createdAt: stamp.updatedAt,
});

const keyResult = (id: string, goalId: string, weight: number, title = id): KeyResult => ({
  ...stamp,
  id,
  goalId,
  title,
  metric: 'number',
  start: 0,
  target: 100,
  current: 0,
  unit: '',
  direction: 'increase',
  weight,
  due: '2026-03-31',
  lastCheckIn: null,
});

const g = goalNodeKey;
const k = keyResultNodeKey;

// Listed out of order on purpose: the forest sorts.
const goals = [
  goal('i1', 'd1', 'individual', 50, 'Goal 10'),
  goal('d2', 'co1', 'department', 50, 'Sales: renewals'),
  goal('orphan', 'missing', 'individual', 100, 'My goal'),
  goal('co2', null, 'company', 40, 'Delight customers'),
  goal('d1', 'co1', 'department', 50, 'Sales: new markets'),
  goal('i2', 'd1', 'individual', 50, 'Goal 2'),
  goal('co1', null, 'company', 60, 'Grow revenue'),
];
const keyResults = [
  keyResult('k1', 'co1', 40, 'ARR ¥50m'),
  keyResult('k2', 'co1', 60, 'NRR 120%'),
  keyResult('k3', 'i1', 100, 'Ten demos'),
  keyResult('stray', 'gone', 100, 'Of a goal not in the set'),
];

const summary = (rows: readonly GoalTreeRow[]) =>
  rows.map((row) => `${row.node.key} L${row.level} ${row.posInSet}/${row.setSize}${row.hasChildren ? (row.expanded ? ' -' : ' +') : ''}`);

describe('goalHierarchy', () => {
  const idsOf = (hierarchy: GoalHierarchy, indices: ArrayLike<number>) => Array.from(indices, (index) => hierarchy.goals[index]!.id);
  const parentOf = (hierarchy: GoalHierarchy, id: string) => {
    const parent = hierarchy.parent[hierarchy.indexOf.get(id)!]!;
    return parent === -1 ? null : hierarchy.goals[parent]!.id;
  };
  const childrenOf = (hierarchy: GoalHierarchy, id: string) => {
    const index = hierarchy.indexOf.get(id)!;
    return idsOf(hierarchy, hierarchy.children.subarray(hierarchy.childStart[index], hierarchy.childStart[index + 1]));
  };

  it('puts parents before children, with missing parents making roots', () => {
    const hierarchy = goalHierarchy(goals);
    expect(idsOf(hierarchy, hierarchy.roots)).to.deep.equal(['orphan', 'co2', 'co1']);
    expect(idsOf(hierarchy, hierarchy.order)).to.deep.equal(['orphan', 'co2', 'co1', 'd2', 'd1', 'i1', 'i2']);
    expect(parentOf(hierarchy, 'i1')).to.equal('d1');
    expect(parentOf(hierarchy, 'orphan')).to.equal(null);
    expect(childrenOf(hierarchy, 'd1')).to.deep.equal(['i1', 'i2']);
    expect(childrenOf(hierarchy, 'i1')).to.deep.equal([]);
    expect(Array.from(hierarchy.order, (index) => hierarchy.depth[index])).to.deep.equal([0, 0, 0, 1, 1, 2, 2]);
  });

  it('breaks parent loops so every goal appears once', () => {
    // a and b are each other's parents, c hangs under a, s is its own parent.
    const looped = [goal('c', 'a', 'individual', 1), goal('a', 'b', 'individual', 1), goal('b', 'a', 'individual', 1), goal('s', 's', 'individual', 1)];
    const hierarchy = goalHierarchy(looped);
    // The walk up from c (c → a → b → a) meets a again, so a becomes a root; s is one anyway.
    expect(idsOf(hierarchy, hierarchy.roots)).to.deep.equal(['a', 's']);
    expect(idsOf(hierarchy, hierarchy.order)).to.deep.equal(['a', 'c', 'b', 's']);
    expect(parentOf(hierarchy, 'b')).to.equal('a');
    expect(childrenOf(hierarchy, 'a')).to.deep.equal(['c', 'b']);
    expect(childrenOf(hierarchy, 'b')).to.deep.equal([]);
  });

  it('breaks a loop with a long tail once', () => {
    // t3 → t2 → t1 → x → y → z → x: the loop closes at x.
    const tail = [
      goal('t3', 't2', 'individual', 1),
      goal('t2', 't1', 'individual', 1),
      goal('t1', 'x', 'individual', 1),
      goal('x', 'y', 'individual', 1),
      goal('y', 'z', 'individual', 1),
      goal('z', 'x', 'individual', 1),
    ];
    const hierarchy = goalHierarchy(tail);
    expect(idsOf(hierarchy, hierarchy.roots)).to.deep.equal(['x']);
    expect(idsOf(hierarchy, hierarchy.order)).to.deep.equal(['x', 't1', 't2', 't3', 'z', 'y']);
  });

  it('keeps the first of goals with the same id', () => {
    const hierarchy = goalHierarchy([goal('x', null, 'company', 1, 'first'), goal('x', null, 'company', 1, 'second')]);
    expect(hierarchy.goals.map((goal) => goal.title)).to.deep.equal(['first']);
    expect(hierarchy.order.length).to.equal(1);
  });

  it('is empty for no goals', () => {
    const hierarchy = goalHierarchy([]);
    expect([hierarchy.goals.length, hierarchy.order.length, hierarchy.roots.length]).to.deep.equal([0, 0, 0]);
  });
});

describe('buildGoalForest', () => {
  const forest = buildGoalForest(goals, keyResults);

  it('sorts siblings by level, weight, title (numbers as numbers), with key results first', () => {
    expect(forest.roots.map((node) => node.id)).to.deep.equal(['co1', 'co2', 'orphan']);
    expect(forest.roots[0]!.children.map((node) => node.key)).to.deep.equal([k('k2'), k('k1'), g('d1'), g('d2')]);
    expect(forest.nodes.get(g('d1'))!.children.map((node) => node.id)).to.deep.equal(['i2', 'i1']);
  });

  it('gives each node its kind, record, parent and depth', () => {
    expect(GOAL_TREE_NODE_KINDS).to.deep.equal(['goal', 'keyResult']);
    const i1 = forest.nodes.get(g('i1'))!;
    expect([i1.kind, i1.id, i1.parentKey, i1.depth]).to.deep.equal(['goal', 'i1', g('d1'), 2]);
    expect(i1.kind === 'goal' && i1.goal.title).to.equal('Goal 10');
    const k3 = forest.nodes.get(k('k3'))!;
    expect([k3.kind, k3.id, k3.parentKey, k3.depth, k3.children.length]).to.deep.equal(['keyResult', 'k3', g('i1'), 3, 0]);
    expect(k3.kind === 'keyResult' && k3.keyResult.title).to.equal('Ten demos');
    // The orphan is a root here, whatever its record's parentId says.
    expect(forest.nodes.get(g('orphan'))!.parentKey).to.equal(null);
  });

  it('leaves out key results of goals not in the set', () => {
    expect(forest.nodes.has(k('stray'))).to.equal(false);
    expect(forest.nodes.size).to.equal(10);
  });

  it('keeps the first of a key result id repeated under a goal', () => {
    const repeated = buildGoalForest([goal('1', null, 'company', 100)], [keyResult('k', '1', 100, 'First'), keyResult('k', '1', 100, 'Second')]);
    expect(repeated.roots[0]!.children.map((node) => node.kind === 'keyResult' && node.keyResult.title)).to.deep.equal(['First']);
    expect(repeated.nodes.size).to.equal(2);
    const found = repeated.nodes.get(k('k'));
    expect(found?.kind === 'keyResult' && found.keyResult.title).to.equal('First');
  });

  it('gives the same forest whether key results come grouped by goal or in any order', () => {
    // Stores list them by goal (one run each); a hand-made list may split a goal's, with repeats and strays between.
    const shape = (built: ReturnType<typeof buildGoalForest>) =>
      [...built.nodes.values()].map((node) => `${node.key}<${node.parentKey ?? ''}:${node.children.map((child) => child.key).join(',')}`).sort();
    const [k1, k2, k3, stray] = keyResults;
    const mixed = [k2!, k3!, stray!, k1!, keyResult('k1', 'co1', 1, 'A repeat, after another goal came between')];
    const reordered = buildGoalForest(goals, mixed);
    expect(shape(reordered)).to.deep.equal(shape(forest));
    expect(reordered.nodes.size).to.equal(forest.nodes.size);
    const found = reordered.nodes.get(k('k1'));
    expect(found?.kind === 'keyResult' && found.keyResult.title).to.equal('ARR ¥50m');
    expect(reordered.nodes.has(k('stray'))).to.equal(false);
  });

  it('finds key results listed in their goals\' order by a search, with the same forest, and confirms that order', () => {
    const shape = (built: GoalForest) =>
      [...built.nodes.values()].map((node) => `${node.key}<${node.parentKey ?? ''}:${node.children.map((child) => child.key).join(',')}`).sort();
    // As a store lists them: grouped by goal, in the order of the goals asked for, a goal with none skipped.
    const byGoal = goals.flatMap((item) => [1, 2, 3].slice(0, item.id.length % 4).map((n) => keyResult(`${item.id}-k${n}`, item.id, 10 * n)));
    const eager = buildGoalForest(goals, byGoal);
    const searched = buildGoalForest(goals, byGoal, { keyResultsInGoalOrder: true });
    // Rows first, as a view reads them: roots and each goal's children.
    const walk = (nodes: readonly GoalTreeNode[]): string[] => nodes.flatMap((node) => [node.key, ...walk(node.children)]);
    expect(walk(searched.roots)).to.deep.equal(walk(eager.roots));
    expect(confirmKeyResultOrder(searched)).to.equal(true);
    expect(shape(searched)).to.deep.equal(shape(eager));
    expect(confirmKeyResultOrder(eager), 'a forest that assumed nothing').to.equal(true);
  });

  it('says when key results did not come in their goals\' order, and then answers from what they are', () => {
    const shape = (built: GoalForest) =>
      [...built.nodes.values()].map((node) => `${node.key}<${node.parentKey ?? ''}:${node.children.map((child) => child.key).join(',')}`).sort();
    const [k1, k2, k3, stray] = keyResults;
    for (const listed of [
      [k1!, k2!, k3!], // runs in another order than the goals' (co1 is listed after i1)
      [k1!, k3!, k2!], // a goal's split in two
      [stray!, k3!, k1!, k2!], // one of a goal not in the set, the rest in order
    ]) {
      const searched = buildGoalForest(goals, listed, { keyResultsInGoalOrder: true });
      void searched.roots.map((root) => root.children);
      expect(confirmKeyResultOrder(searched), listed.map((item) => item.id).join(' ')).to.equal(false);
      expect(confirmKeyResultOrder(searched), 'asked again').to.equal(false);
      expect(shape(searched)).to.deep.equal(shape(buildGoalForest(goals, listed)));
    }
  });

  it('keeps a goal and a key result with the same id apart', () => {
    const same = buildGoalForest([goal('1', null, 'company', 100)], [keyResult('1', '1', 100)]);
    expect([...same.nodes.keys()]).to.deep.equal(['goal:1', 'keyResult:1']);
  });

  it('breaks ties on title and weight by id, and treats weights that are not numbers as 0', () => {
    const tied = buildGoalForest(
      [
        goal('b', null, 'company', 10, 'Same'),
        goal('a', null, 'company', 10, 'Same'),
        goal('n', null, 'company', Number.NaN, 'A first by title'),
        goal('z', null, 'company', 0, 'Z last by title'),
      ],
      [],
    );
    expect(tied.roots.map((node) => node.id)).to.deep.equal(['a', 'b', 'n', 'z']);
  });

  it('sorts titles in the locale given', () => {
    const cities = [goal('sh', null, 'company', 1, '上海'), goal('bj', null, 'company', 1, '北京'), goal('gz', null, 'company', 1, '广州')];
    // Pinyin: Běijīng, Guǎngzhōu, Shànghǎi.
    expect(buildGoalForest(cities, [], { locale: 'zh-CN' }).roots.map((node) => node.id)).to.deep.equal(['bj', 'gz', 'sh']);
    const english = buildGoalForest([goal('b', null, 'company', 1, 'beta'), goal('a', null, 'company', 1, 'Alpha')], []);
    expect(english.roots.map((node) => node.id)).to.deep.equal(['a', 'b']);
  });

  it('builds a forest from a parent loop without hanging', () => {
    const looped = buildGoalForest([goal('a', 'b', 'individual', 1), goal('b', 'a', 'individual', 1)], [keyResult('ka', 'a', 1)]);
    expect(looped.roots.map((node) => node.id)).to.deep.equal(['a']);
    expect(summary(flattenVisible(looped, new Set([g('a'), g('b')])))).to.deep.equal([
      'goal:a L1 1/1 -',
      'keyResult:ka L2 1/2',
      'goal:b L2 2/2',
    ]);
  });

  it('is empty for empty sets', () => {
    const empty = buildGoalForest([], []);
    expect(empty.roots).to.deep.equal([]);
    expect(empty.nodes.size).to.equal(0);
    expect(flattenVisible(empty, new Set())).to.deep.equal([]);
  });
});

describe('flattenVisible', () => {
  const forest = buildGoalForest(goals, keyResults);

  it('shows the roots when nothing is expanded', () => {
    expect(summary(flattenVisible(forest, new Set()))).to.deep.equal(['goal:co1 L1 1/3 +', 'goal:co2 L1 2/3', 'goal:orphan L1 3/3']);
  });

  it('shows the children of expanded rows, depth-first, with level, set size and position', () => {
    const rows = flattenVisible(forest, new Set([g('co1'), g('d1')]));
    expect(summary(rows)).to.deep.equal([
      'goal:co1 L1 1/3 -',
      'keyResult:k2 L2 1/4',
      'keyResult:k1 L2 2/4',
      'goal:d1 L2 3/4 -',
      'goal:i2 L3 1/2',
      'goal:i1 L3 2/2 +',
      'goal:d2 L2 4/4',
      'goal:co2 L1 2/3',
      'goal:orphan L1 3/3',
    ]);
    expect(rows[0]!.node).to.equal(forest.roots[0]);
  });

  it('hides the children of a collapsed row even when they are expanded themselves', () => {
    expect(summary(flattenVisible(forest, new Set([g('d1'), g('i1')])))).to.deep.equal([
      'goal:co1 L1 1/3 +',
      'goal:co2 L1 2/3',
      'goal:orphan L1 3/3',
    ]);
  });

  it('never marks a leaf expanded', () => {
    const rows = flattenVisible(forest, new Set([g('co2'), k('k1'), g('co1')]));
    expect(rows.find((row) => row.node.key === g('co2'))!.expanded).to.equal(false);
    expect(rows.find((row) => row.node.key === k('k1'))!.expanded).to.equal(false);
  });

  it('counts only the nodes shown when filtered', () => {
    const shown = filterForest(forest, (node) => node.kind === 'goal' && node.goal.title === 'Goal 2');
    const everything = new Set(forest.nodes.keys());
    expect(summary(flattenVisible(forest, everything, { only: shown }))).to.deep.equal([
      'goal:co1 L1 1/1 -',
      'goal:d1 L2 1/1 -',
      'goal:i2 L3 1/1',
    ]);
  });

  it('shows a filtered row as expandable only when it has children shown', () => {
    const shown = new Set([g('co1'), g('d1'), g('i1')]);
    const rows = flattenVisible(forest, new Set([g('co1')]), { only: shown });
    expect(summary(rows)).to.deep.equal(['goal:co1 L1 1/1 -', 'goal:d1 L2 1/1 +']);
    expect(summary(flattenVisible(forest, new Set([g('co1'), g('d1')]), { only: shown }))).to.deep.equal([
      'goal:co1 L1 1/1 -',
      'goal:d1 L2 1/1 -',
      'goal:i1 L3 1/1',
    ]);
  });

  it('flattens a chain 10,000 goals deep without running out of stack', () => {
    const chain = Array.from({ length: 10_000 }, (_, index) =>
      goal(`g${index}`, index === 0 ? null : `g${index - 1}`, 'individual', 100),
    );
    const deep = buildGoalForest(chain, []);
    const rows = flattenVisible(deep, new Set(deep.nodes.keys()));
    expect(rows.length).to.equal(10_000);
    expect(rows[9_999]!.level).to.equal(10_000);
    expect(ancestorsOf(deep, g('g9999')).length).to.equal(9_999);
  });
});

describe('groupByPillar and flattenPillarGroups', () => {
  const pillar = (id: string, order: number): Strategy => ({ ...stamp, id, cycleId: 'c1', title: id, description: '', order });
  const strategies = [pillar('s-growth', 1), pillar('s-people', 2), pillar('s-unused', 3)];
  const linked = goals.map((item) =>
    item.id === 'co1' ? { ...item, strategyIds: ['s-people', 's-growth'] } : item.id === 'co2' ? { ...item, strategyIds: ['s-people', 'elsewhere'] } : item,
  );
  const forest = buildGoalForest(linked, keyResults);

  it('puts each root once under its first pillar in strategy order, the rest in a last unlinked group', () => {
    const groups = groupByPillar(forest, strategies);
    expect(groups.map((group) => [group.key, group.roots.map((root) => root.id)])).to.deep.equal([
      ['strategy:s-growth', ['co1']],
      ['strategy:s-people', ['co2']],
      [UNLINKED_GROUP_KEY, ['orphan']],
    ]);
    expect(groups[2]!.strategy).to.equal(null);
  });

  it('flattens pillar rows at level 1 with the goals one level deeper', () => {
    const groups = groupByPillar(forest, strategies);
    const rows = flattenPillarGroups(forest, groups, new Set([strategyNodeKey('s-growth'), g('co1'), UNLINKED_GROUP_KEY]));
    expect(
      rows.map((row) => `${'group' in row ? row.group.key : row.node.key} L${row.level} ${row.posInSet}/${row.setSize}${row.expanded ? ' -' : ''}`),
    ).to.deep.equal([
      'strategy:s-growth L1 1/3 -',
      'goal:co1 L2 1/1 -',
      'keyResult:k2 L3 1/4',
      'keyResult:k1 L3 2/4',
      'goal:d1 L3 3/4',
      'goal:d2 L3 4/4',
      'strategy:s-people L1 2/3',
      'strategy: L1 3/3 -',
      'goal:orphan L2 1/1',
    ]);
  });

  it('shows only groups with a shown root when filtered', () => {
    const groups = groupByPillar(forest, strategies);
    const only = filterForest(forest, (node) => node.id === 'co2');
    const rows = flattenPillarGroups(forest, groups, new Set([strategyNodeKey('s-people')]), { only });
    expect(rows.map((row) => `${'group' in row ? row.group.key : row.node.key} ${row.posInSet}/${row.setSize}`)).to.deep.equal([
      'strategy:s-people 1/1',
      'goal:co2 1/1',
    ]);
  });

  it('makes no groups without strategies but the unlinked one', () => {
    expect(groupByPillar(forest, []).map((group) => [group.key, group.roots.length])).to.deep.equal([[UNLINKED_GROUP_KEY, 3]]);
  });
});

describe('VisibleRows', () => {
  const describeRow = (row: VisibleRow | undefined) =>
    row ? `${visibleRowKey(row)} L${row.level} ${row.posInSet}/${row.setSize}${row.hasChildren ? (row.expanded ? ' -' : ' +') : ''}` : 'none';

  /** Every row read by index, and every key found at its index, against the list the flatten functions make. */
  function expectSameAsFlattened(visible: VisibleRows, flat: readonly VisibleRow[], hidden: readonly string[] = []) {
    expect(visible.length).to.equal(flat.length);
    expect(Array.from({ length: visible.length }, (_, index) => describeRow(visible.at(index)))).to.deep.equal(flat.map(describeRow));
    flat.forEach((row, index) => expect(visible.indexOf(visibleRowKey(row)), visibleRowKey(row)).to.equal(index));
    for (const key of hidden) expect(visible.indexOf(key), key).to.equal(undefined);
    expect(visible.at(flat.length)).to.equal(undefined);
    expect(visible.at(-1)).to.equal(undefined);
  }

  it('lists what flattenVisible lists, and finds each row by key', () => {
    const forest = buildGoalForest(goals, keyResults);
    for (const open of [[], [g('co1')], [g('co1'), g('d1')], [g('d1')], [g('co1'), g('d1'), g('i1'), g('co2'), k('k1')]]) {
      const expanded = new Set(open);
      expectSameAsFlattened(new VisibleRows(forest, null, expanded), flattenVisible(forest, expanded));
    }
    // Under a closed row, or not in the forest: no place.
    expectSameAsFlattened(new VisibleRows(forest, null, new Set([g('d1')])), flattenVisible(forest, new Set([g('d1')])), [g('i1'), k('k3'), 'goal:nope']);
  });

  it('lists what flattenPillarGroups lists, filtered or not', () => {
    const pillar = (id: string, order: number): Strategy => ({ ...stamp, id, cycleId: 'c1', title: id, description: '', order });
    const strategies = [pillar('s-growth', 1), pillar('s-people', 2)];
    const linked = goals.map((item) => (item.id === 'co1' ? { ...item, strategyIds: ['s-growth'] } : item.id === 'co2' ? { ...item, strategyIds: ['s-people'] } : item));
    const forest = buildGoalForest(linked, keyResults);
    const groups = groupByPillar(forest, strategies);
    const open = new Set([strategyNodeKey('s-growth'), UNLINKED_GROUP_KEY, g('co1'), g('d1')]);
    expectSameAsFlattened(new VisibleRows(forest, groups, open), flattenPillarGroups(forest, groups, open), [strategyNodeKey('s-unknown'), k('k3')]);
    const only = filterForest(forest, (node) => node.id === 'i2' || node.id === 'co2');
    expectSameAsFlattened(new VisibleRows(forest, groups, open, { only }), flattenPillarGroups(forest, groups, open, { only }), [g('i1'), g('d2'), UNLINKED_GROUP_KEY]);
    const everything = new Set([...open, strategyNodeKey('s-people'), ...forest.nodes.keys()]);
    expectSameAsFlattened(new VisibleRows(forest, groups, everything, { only }), flattenPillarGroups(forest, groups, everything, { only }));
  });

  it('agrees with flattenVisible on 2,000 goals opened at random', () => {
    const many = generateGoals(2_000);
    const results = many.map((item, index) => keyResult(`k${index}`, item.id, 100, `Metric ${index}`));
    const random = new SeededRandom(7);
    for (let round = 0; round < 4; round += 1) {
      const forest = buildGoalForest(many, results);
      const expanded = new Set(many.filter(() => random.next() < 0.4 + round * 0.2).map((item) => g(item.id)));
      const visible = new VisibleRows(forest, null, expanded);
      expectSameAsFlattened(visible, flattenVisible(forest, expanded));
    }
  });
});

describe('filterForest', () => {
  const forest = buildGoalForest(goals, keyResults);
  const titled = (query: string) =>
    filterForest(forest, (node) => matchesQuery(node.kind === 'goal' ? node.goal.title : node.keyResult.title, query));

  it('keeps the matches and all their ancestors', () => {
    expect([...titled('goal 1')].sort()).to.deep.equal([g('co1'), g('d1'), g('i1')].sort());
    expect([...titled('sales')].sort()).to.deep.equal([g('co1'), g('d1'), g('d2')].sort());
  });

  it('finds key results too', () => {
    expect([...titled('nrr')].sort()).to.deep.equal([g('co1'), k('k2')].sort());
    expect([...titled('demos')].sort()).to.deep.equal([g('co1'), g('d1'), g('i1'), k('k3')].sort());
  });

  it('is empty when nothing matches, and keeps everything for an empty query', () => {
    expect(titled('zzz').size).to.equal(0);
    expect(titled('  ').size).to.equal(forest.nodes.size);
  });
});

describe('ancestorsOf', () => {
  const forest = buildGoalForest(goals, keyResults);

  it('lists ancestors nearest first', () => {
    expect(ancestorsOf(forest, k('k3'))).to.deep.equal([g('i1'), g('d1'), g('co1')]);
    expect(ancestorsOf(forest, g('co1'))).to.deep.equal([]);
    expect(ancestorsOf(forest, 'goal:nope')).to.deep.equal([]);
  });

  it('stops on a hand-made forest with a loop', () => {
    const looped: GoalForest = {
      roots: [],
      nodes: new Map([
        ['x', { kind: 'goal', key: 'x', id: 'x', goal: goals[0]!, parentKey: 'y', children: [], depth: 0 }],
        ['y', { kind: 'goal', key: 'y', id: 'y', goal: goals[0]!, parentKey: 'x', children: [], depth: 0 }],
      ]),
    };
    expect(ancestorsOf(looped, 'x')).to.deep.equal(['y', 'x']);
  });
});

describe('highlightRanges', () => {
  const marked = (text: string, query: string) => highlightRanges(text, query).map(({ start, end }) => text.slice(start, end));

  it('finds every match, ignoring case', () => {
    expect(highlightRanges('Grow revenue, GROW margin', 'grow')).to.deep.equal([
      { start: 0, end: 4 },
      { start: 14, end: 18 },
    ]);
    expect(marked('Grow revenue, GROW margin', 'GrOw')).to.deep.equal(['Grow', 'GROW']);
  });

  it('finds Chinese text, several times', () => {
    expect(highlightRanges('提升客户满意度，降低客户流失', '客户')).to.deep.equal([
      { start: 2, end: 4 },
      { start: 10, end: 12 },
    ]);
    expect(marked('Q3 目标：NPS 提升到 50', 'nps 提升')).to.deep.equal(['NPS 提升']);
  });

  it('never splits a character outside the BMP', () => {
    expect(highlightRanges('𠀀目标𠀀', '𠀀')).to.deep.equal([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ]);
    expect(marked('🚀 Launch 🚀', 'launch')).to.deep.equal(['Launch']);
  });

  it('maps back through characters that grow when lower-cased', () => {
    // İ lower-cases to i + a combining dot: two units for one.
    expect(highlightRanges('İstanbul office', 'office')).to.deep.equal([{ start: 9, end: 15 }]);
    expect(highlightRanges('İstanbul', 'stan')).to.deep.equal([{ start: 1, end: 5 }]);
    expect(highlightRanges('İİ', 'i')).to.deep.equal([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
    ]);
  });

  it('matches Greek final sigma to sigma', () => {
    expect(marked('ΟΔΟΣ and οδοσ', 'οδος')).to.deep.equal(['ΟΔΟΣ', 'οδοσ']);
    expect(matchesQuery('ΟΔΟΣ', 'οδοσ')).to.equal(true);
  });

  it('does not overlap matches', () => {
    expect(highlightRanges('aaaa', 'aa')).to.deep.equal([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(highlightRanges('aaa', 'aa')).to.deep.equal([{ start: 0, end: 2 }]);
  });

  it('trims the query and finds nothing for an empty one', () => {
    expect(highlightRanges('Grow revenue', '  revenue ')).to.deep.equal([{ start: 5, end: 12 }]);
    expect(highlightRanges('Grow revenue', '   ')).to.deep.equal([]);
    expect(highlightRanges('', 'x')).to.deep.equal([]);
    expect(highlightRanges('Grow revenue', 'profit')).to.deep.equal([]);
  });

  it('treats markup in the text as text', () => {
    expect(marked('<b>bold</b> claim', '<b>')).to.deep.equal(['<b>']);
  });
});

describe('matchesQuery', () => {
  it('matches as highlightRanges does, and everything for an empty query', () => {
    expect(matchesQuery('Grow revenue', 'REV')).to.equal(true);
    expect(matchesQuery('提升客户满意度', '满意')).to.equal(true);
    expect(matchesQuery('Grow revenue', 'profit')).to.equal(false);
    expect(matchesQuery('anything', ' ')).to.equal(true);
  });
});

/** A company-shaped cascade: 10 company goals, 100 departments, 1,000 teams, individuals for the rest. */
function generateGoals(total: number): Goal[] {
  const result: Goal[] = [];
  const levels: [GoalLevel, number][] = [
    ['company', 10],
    ['department', 100],
    ['department', 1_000],
  ];
  let previousStart = 0;
  let previousCount = 0;
  for (const [level, count] of levels) {
    const start = result.length;
    for (let index = 0; index < count; index += 1) {
      const parent = previousCount === 0 ? null : `g${previousStart + (index % previousCount)}`;
      result.push(goal(`g${result.length}`, parent, level, (index % 7) * 10, index % 2 ? `目标 ${index}` : `Objective ${index}`));
    }
    previousStart = start;
    previousCount = count;
  }
  for (let index = 0; result.length < total; index += 1) {
    result.push(goal(`g${result.length}`, `g${previousStart + (index % previousCount)}`, 'individual', (index % 5) * 20, `Goal ${index}`));
  }
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe('50,000 goals', () => {
  it('build and flatten fully expanded (speed: npm run bench, goal-tree-render)', () => {
    const many = generateGoals(50_000);

    // How fast this machine is right now: the least any tree builder must do, grouping by parent.
    // The bound scales with it, so a busy CI box does not fail a test meant to catch quadratic work.
    let started = performance.now();
    const byParent = new Map<string | null, Goal[]>();
    for (const item of many) {
      const list = byParent.get(item.parentId);
      if (list) list.push(item);
      else byParent.set(item.parentId, [item]);
    }
    const reference = performance.now() - started;

    // Every goal expanded: leaves among them simply have nothing to show.
    const expanded = new Set(many.map((item) => g(item.id)));
    started = performance.now();
    const forest = buildGoalForest(many, []);
    const built = performance.now() - started;
    // The first flatten sorts every goal's children: they are sorted when first read.
    started = performance.now();
    const rows = flattenVisible(forest, expanded);
    const flattened = performance.now() - started;

    const again: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      started = performance.now();
      flattenVisible(forest, expanded);
      again.push(performance.now() - started);
    }
    const budget = Math.max(500, 50 * reference);
    console.log(
      `50,000 goals: build ${built.toFixed(1)} ms + first flatten (sorting) ${flattened.toFixed(1)} ms = ${(built + flattened).toFixed(1)} ms; ` +
        `flatten again, median of 5: ${median(again).toFixed(1)} ms; reference grouping ${reference.toFixed(1)} ms, budget ${budget.toFixed(0)} ms`,
    );

    expect(rows.length).to.equal(50_000);
    expect(new Set(rows.map((row) => row.node.key)).size).to.equal(50_000);
    expect(rows[0]!.level).to.equal(1);
    expect(Math.max(...rows.map((row) => row.level))).to.equal(4);
  });

  it('with 100,000 key results, flatten fully expanded and search', () => {
    const many = generateGoals(50_000);
    const results = many.flatMap((item, index) => [keyResult(`k${index}a`, item.id, 50, `Metric ${index}`), keyResult(`k${index}b`, item.id, 50, `指标 ${index}`)]);
    const expanded = new Set(many.map((item) => g(item.id)));
    let started = performance.now();
    const forest = buildGoalForest(many, results, { locale: 'zh-CN' });
    const built = performance.now() - started;
    started = performance.now();
    const rows = flattenVisible(forest, expanded);
    const flattened = performance.now() - started;
    started = performance.now();
    const shown = filterForest(forest, (node) => matchesQuery(node.kind === 'goal' ? node.goal.title : node.keyResult.title, '指标 4999'));
    const filtered = flattenVisible(forest, expanded, { only: shown });
    const searched = performance.now() - started;
    console.log(
      `50,000 goals + 100,000 key results: build ${built.toFixed(1)} ms, flatten ${flattened.toFixed(1)} ms, ` +
        `search and flatten ${searched.toFixed(1)} ms (${filtered.length} rows)`,
    );
    expect(rows.length).to.equal(150_000);
    // 指标 4999 and 指标 49990–49999: 11 key results, their goals and those goals' ancestors.
    expect(filtered.filter((row) => row.node.kind === 'keyResult').length).to.equal(11);
  });
});
