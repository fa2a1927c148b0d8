import type { Person, Session } from '../../src/model/records.js';

const updatedAt = '2025-01-06T09:00:00.000Z';

function person(fields: Omit<Person, 'version' | 'updatedAt' | 'orgUnitId' | 'managerId' | 'roles'> & Partial<Person>): Person {
  return { version: 1, updatedAt, orgUnitId: 'ou-product', managerId: 'p-wang-fang', roles: ['employee'], ...fields };
}

/** A small bilingual team for stories: names in both scripts where people have both. */
export const PEOPLE = {
  wangFang: person({
    id: 'p-wang-fang',
    name: '王芳',
    nameAlt: 'Wang Fang',
    email: 'wang.fang@example.com',
    title: 'Head of Product Engineering',
    managerId: null,
    roles: ['employee', 'manager'],
  }),
  liMing: person({ id: 'p-li-ming', name: '李明', nameAlt: 'Li Ming', email: 'li.ming@example.com', title: '前端工程师' }),
  chenJing: person({
    id: 'p-chen-jing',
    name: 'Chen Jing',
    nameAlt: '陈静',
    email: 'chen.jing@example.com',
    title: 'HR Business Partner',
    roles: ['employee', 'hr'],
  }),
  priyaRaman: person({ id: 'p-priya-raman', name: 'Priya Raman', email: 'priya.raman@example.com', title: 'Product Designer' }),
  longLatin: person({
    id: 'p-long-latin',
    name: 'Anna-Katharina Wilhelmina Oppenheimer-Castellanos',
    email: 'anna-katharina.oppenheimer-castellanos@example.com',
    title: 'Senior Regional Director, Strategic Partnerships and Channel Enablement (Asia Pacific)',
  }),
  longHan: person({
    id: 'p-long-han',
    name: '欧阳明月',
    nameAlt: 'Ouyang Mingyue',
    email: 'ouyang.mingyue@example.com',
    title: '华东区域战略合作与渠道赋能高级总监（兼大客户事业部负责人）',
  }),
} as const satisfies Record<string, Person>;

export type PersonKey = keyof typeof PEOPLE;

export const PERSON_IDS = Object.values(PEOPLE).map((p) => p.id);

/** The person the story adapters sign in as: a manager, so every view has something to show. */
export const SESSION: Session = { person: PEOPLE.wangFang, roles: PEOPLE.wangFang.roles };
