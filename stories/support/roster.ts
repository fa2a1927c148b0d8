import type { Person } from '../../src/model/records.js';

const SURNAMES = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['赵', 'Zhao'],
  ['黄', 'Huang'],
  ['周', 'Zhou'],
  ['吴', 'Wu'],
] as const;

const GIVEN_NAMES = [
  ['芳', 'Fang'],
  ['伟', 'Wei'],
  ['娜', 'Na'],
  ['敏', 'Min'],
  ['静', 'Jing'],
  ['磊', 'Lei'],
  ['晓东', 'Xiaodong'],
  ['艳', 'Yan'],
  ['志强', 'Zhiqiang'],
  ['军', 'Jun'],
  ['佳怡', 'Jiayi'],
  ['杰', 'Jie'],
] as const;

const TITLES = ['Software Engineer', '产品经理', 'Sales Lead', '人力资源业务伙伴', 'Data Analyst', '测试工程师'] as const;

/** A deterministic roster of bilingual people, for large-data stories. */
export function roster(size: number): Person[] {
  const people: Person[] = [];
  for (let index = 0; index < size; index++) {
    const [surname, surnameLatin] = SURNAMES[index % SURNAMES.length] ?? SURNAMES[0];
    const [given, givenLatin] = GIVEN_NAMES[Math.floor(index / SURNAMES.length) % GIVEN_NAMES.length] ?? GIVEN_NAMES[0];
    people.push({
      id: `p-roster-${index}`,
      version: 1,
      updatedAt: '2025-01-06T09:00:00.000Z',
      name: surname + given,
      nameAlt: `${surnameLatin} ${givenLatin}`,
      email: `${surnameLatin}.${givenLatin}.${index}@example.com`.toLowerCase(),
      title: TITLES[index % TITLES.length] ?? TITLES[0],
      orgUnitId: 'ou-product',
      managerId: 'p-wang-fang',
      roles: ['employee'],
    });
  }
  return people;
}
