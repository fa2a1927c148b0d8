/**
 * The organisation: company → six departments → teams, with the CEO, a head
 * per department, a leader per team and its members. The demo's personas are
 * fixed people in fixed places, so a guide can say "sign in as 王芳".
 */
import type { Id, OrgUnit, Person, Role } from '../../model/records.js';
import { CEO_TITLE, CHINESE_NUMERALS, COMPANY_NAME, DEPARTMENTS, EMAIL_DOMAIN, type JobProfileKey } from './content/company.js';
import { NameGenerator, type GeneratedName } from './content/names.js';
import { FUNCTION_KEYS, type FunctionKey } from './content/okrs.js';
import { DAY_MS, toIsoDateTime } from './calendar.js';
import type { SeededRandom } from './random.js';
import { apportion, type Language } from './text.js';
import type { Company, Department, IdSequences, PersonaIndices, StaffMember, Team, Tier } from './world.js';

/** The fewest people that still fill six departments, an HR team and a manager with several reports. */
export const MIN_PEOPLE = 30;

/** The people the demo signs in as, with names fixed across seeds. */
const PERSONA_NAMES = {
  admin: ['周远航', 'Zhou Yuanhang', 'yuanhang.zhou'],
  manager: ['李明', 'Li Ming', 'ming.li'],
  employee: ['王芳', 'Wang Fang', 'fang.wang'],
  hr: ['陈静', 'Chen Jing', 'jing.chen'],
} as const satisfies Record<keyof PersonaIndices, readonly [string, string, string]>;

interface TeamPlan {
  departmentIndex: number;
  functionKey: FunctionKey;
  language: Language;
  name: string;
  /** Leader included. */
  size: number;
}

function teamName(names: readonly string[], ordinal: number, language: Language): string {
  const base = names[ordinal % names.length] as string;
  const repeat = Math.floor(ordinal / names.length);
  if (repeat === 0) return base;
  if (language === 'en') return `${base} ${repeat + 1}`;
  // 云平台组 → 云平台二组; past ten, digits read better than 十一.
  const numeral = repeat + 1 <= 10 ? CHINESE_NUMERALS[repeat + 1] : ` ${repeat + 1} `;
  return base.endsWith('组') ? `${base.slice(0, -1)}${numeral}组` : `${base}${numeral}`;
}

/** Splits the company's people into departments and teams of about `teamSize`. */
function planTeams(random: SeededRandom, peopleCount: number): TeamPlan[][] {
  const inTeams = peopleCount - 1 - FUNCTION_KEYS.length;
  const perDepartment = apportion(
    inTeams,
    FUNCTION_KEYS.map((key) => DEPARTMENTS[key].share),
    2,
  );
  // Small companies have small teams; large ones settle at about eight.
  const teamSize = Math.min(8, Math.max(4, peopleCount / 13));
  return FUNCTION_KEYS.map((functionKey, departmentIndex) => {
    const profile = DEPARTMENTS[functionKey];
    const people = perDepartment[departmentIndex] as number;
    const teamCount = Math.max(1, Math.min(Math.floor(people / 2), Math.round(people / teamSize)));
    const sizes = apportion(
      people,
      Array.from({ length: teamCount }, () => random.float(0.7, 1.3)),
      2,
    );
    const internationalCount = Math.min(
      teamCount - 1,
      Math.max(Math.round(teamCount * profile.internationalShare), teamCount >= 2 && profile.internationalShare >= 0.2 ? 1 : 0),
    );
    let zhOrdinal = 0;
    let enOrdinal = 0;
    return sizes.map((size, teamIndex) => {
      // International teams come last in each department, as they were added as the company grew abroad.
      const language: Language = teamIndex >= teamCount - internationalCount ? 'en' : 'zh';
      const name =
        language === 'zh'
          ? teamName(profile.teamNames.zh, zhOrdinal++, 'zh')
          : teamName(profile.teamNames.en, enOrdinal++, 'en');
      return { departmentIndex, functionKey, language, name, size };
    });
  });
}

/** Earlier titles in a list are more common: there are more engineers than designers. */
function pickTitle<T>(random: SeededRandom, choices: readonly T[]): T {
  return random.pickWeighted(choices.map((choice, index): readonly [T, number] => [choice, 1 / (1 + 0.35 * index)]));
}

export function buildCompany(random: SeededRandom, peopleCount: number, now: number, ids: IdSequences, jobProfileIds: ReadonlyMap<JobProfileKey, Id>): Company {
  const teamPlans = planTeams(random.fork('teams'), Math.max(MIN_PEOPLE, peopleCount));
  const names = new NameGenerator(random.fork('names'), EMAIL_DOMAIN);
  for (const [name] of Object.values(PERSONA_NAMES)) names.reserve(name);
  const habits = random.fork('habits');

  // Personas: the manager leads the largest Chinese-speaking R&D team (several reports to approve), the
  // employee is that team's first member, HR is the first member of the first HR team.
  const flatPlans = teamPlans.flat();
  const chineseTeams = flatPlans.map((plan, index) => ({ plan, index })).filter(({ plan }) => plan.language === 'zh');
  const largestFirst = (candidates: typeof chineseTeams) =>
    candidates.reduce((best, candidate) => (candidate.plan.size > best.plan.size ? candidate : best));
  const rndTeams = chineseTeams.filter(({ plan }) => plan.functionKey === 'rnd');
  const managerTeamIndex = largestFirst(rndTeams.length > 0 ? rndTeams : chineseTeams).index;
  const hrTeamIndex = (chineseTeams.find(({ plan }) => plan.functionKey === 'people') ?? chineseTeams[0])?.index ?? 0;

  const orgUnits: OrgUnit[] = [];
  const staff: StaffMember[] = [];
  const departments: Department[] = [];
  const teams: Team[] = [];
  const personas: PersonaIndices = { employee: -1, manager: -1, hr: -1, admin: 0 };

  const someTimeAgo = (minDays: number, maxDays: number): string =>
    toIsoDateTime(now - habits.int(minDays, maxDays) * DAY_MS - habits.int(0, 23) * 3_600_000);

  const unit = (name: string, kind: OrgUnit['kind'], parentId: Id | null): OrgUnit => {
    const record: OrgUnit = { id: ids.orgUnit(), version: 1, updatedAt: someTimeAgo(200, 700), name, kind, parentId, leaderId: null };
    orgUnits.push(record);
    return record;
  };

  const addPerson = (
    generated: GeneratedName,
    details: {
      title: string;
      orgUnitId: Id;
      managerIndex: number;
      tier: Tier;
      language: Language;
      functionKey: FunctionKey | null;
      departmentIndex: number;
      teamIndex: number;
      jobProfileKey: JobProfileKey | null;
      joinedRecently?: boolean;
    },
  ): StaffMember => {
    const roles: Role[] = ['employee'];
    if (details.tier !== 'member') roles.push('manager');
    if (details.functionKey === 'people') roles.push('hr');
    if (details.tier === 'ceo') roles.push('admin');
    const joinedRecently = details.joinedRecently ?? false;
    // A few people had their title changed since they were added: version 2.
    const edited = !joinedRecently && habits.chance(0.08);
    const person: Person = {
      id: ids.person(),
      version: edited ? 2 : 1,
      updatedAt: joinedRecently ? someTimeAgo(3, 25) : someTimeAgo(20, 900),
      name: generated.name,
      ...(generated.nameAlt === undefined ? {} : { nameAlt: generated.nameAlt }),
      email: generated.email,
      title: details.title,
      orgUnitId: details.orgUnitId,
      managerId: details.managerIndex >= 0 ? (staff[details.managerIndex] as StaffMember).person.id : null,
      roles,
      jobProfileId: details.jobProfileKey === null ? null : (jobProfileIds.get(details.jobProfileKey) ?? null),
    };
    const member: StaffMember = {
      index: staff.length,
      person,
      language: details.language,
      functionKey: details.functionKey,
      tier: details.tier,
      departmentIndex: details.departmentIndex,
      teamIndex: details.teamIndex,
      managerIndex: details.managerIndex,
      jobProfileKey: details.jobProfileKey,
      // Most people update on Friday afternoon; some on Thursday or first thing Monday.
      checkInWeekday: habits.pickWeighted([[4, 50], [3, 25], [0, 25]]),
      checkInHourUtc: habits.int(1, 9),
      joinedRecently,
    };
    staff.push(member);
    return member;
  };

  const personaName = (persona: keyof PersonaIndices): GeneratedName => {
    const [name, nameAlt, emailLocal] = PERSONA_NAMES[persona];
    return names.fixed(name, nameAlt, emailLocal);
  };

  const companyUnit = unit(COMPANY_NAME, 'company', null);
  const ceo = addPerson(personaName('admin'), {
    title: CEO_TITLE,
    orgUnitId: companyUnit.id,
    managerIndex: -1,
    tier: 'ceo',
    language: 'zh',
    functionKey: null,
    departmentIndex: -1,
    teamIndex: -1,
    jobProfileKey: null,
  });
  companyUnit.leaderId = ceo.person.id;

  // Department heads are all in Shanghai and write Chinese.
  FUNCTION_KEYS.forEach((functionKey, departmentIndex) => {
    const profile = DEPARTMENTS[functionKey];
    const departmentUnit = unit(profile.name, 'department', companyUnit.id);
    const head = addPerson(names.chinese(), {
      title: profile.headTitle,
      orgUnitId: departmentUnit.id,
      managerIndex: ceo.index,
      tier: 'head',
      language: 'zh',
      functionKey,
      departmentIndex,
      teamIndex: -1,
      jobProfileKey: 'manager',
    });
    departmentUnit.leaderId = head.person.id;
    departments.push({ index: departmentIndex, functionKey, unit: departmentUnit, headIndex: head.index, teamIndices: [] });
  });

  flatPlans.forEach((plan, teamIndex) => {
    const department = departments[plan.departmentIndex] as Department;
    const profile = DEPARTMENTS[plan.functionKey];
    const teamUnit = unit(plan.name, 'team', department.unit.id);
    const isManagerTeam = teamIndex === managerTeamIndex;
    // International teams hire locally, with some colleagues from Shanghai.
    const nameFor = (language: Language): GeneratedName =>
      language === 'en' ? (random.chance(0.55) ? names.international() : names.chinese()) : random.chance(0.03) ? names.international() : names.chinese();
    const leader = addPerson(isManagerTeam ? personaName('manager') : nameFor(plan.language), {
      title: profile.leaderTitle[plan.language],
      orgUnitId: teamUnit.id,
      managerIndex: department.headIndex,
      tier: 'leader',
      language: plan.language,
      functionKey: plan.functionKey,
      departmentIndex: plan.departmentIndex,
      teamIndex,
      jobProfileKey: 'manager',
    });
    teamUnit.leaderId = leader.person.id;
    if (isManagerTeam) personas.manager = leader.index;
    const team: Team = {
      index: teamIndex,
      departmentIndex: plan.departmentIndex,
      functionKey: plan.functionKey,
      language: plan.language,
      unit: teamUnit,
      leaderIndex: leader.index,
      memberIndices: [],
    };
    for (let seat = 1; seat < plan.size; seat += 1) {
      const persona: keyof PersonaIndices | null =
        seat === 1 && isManagerTeam ? 'employee' : seat === 1 && teamIndex === hrTeamIndex && plan.functionKey === 'people' ? 'hr' : null;
      const title = pickTitle(random, profile.memberTitles[plan.language]);
      // Recent joiners get a job profile once they pass probation.
      const joinedRecently = persona === null && random.chance(0.06);
      const member = addPerson(persona ? personaName(persona) : nameFor(plan.language), {
        title: title.title,
        orgUnitId: teamUnit.id,
        managerIndex: leader.index,
        tier: 'member',
        language: plan.language,
        functionKey: plan.functionKey,
        departmentIndex: plan.departmentIndex,
        teamIndex,
        jobProfileKey: joinedRecently ? null : title.profile,
        joinedRecently,
      });
      if (persona) personas[persona] = member.index;
      team.memberIndices.push(member.index);
    }
    teams.push(team);
    department.teamIndices.push(teamIndex);
  });

  const hrHeadIndex = (departments.find((department) => department.functionKey === 'people') as Department).headIndex;
  // A company with no Chinese-speaking HR team (never at MIN_PEOPLE or more) still has an HR head.
  if (personas.hr < 0) personas.hr = hrHeadIndex;
  return { companyUnit, orgUnits, staff, departments, teams, personas, hrHeadIndex };
}
