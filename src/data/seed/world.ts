/**
 * What the seed's parts know about the company while they build it: people
 * with the facts that are not in their records (language, tier, habits), the
 * org structure, the cycles and the id sequences.
 */
import type { Cycle, Id, OrgUnit, Person, Strategy } from '../../model/records.js';
import type { JobProfileKey } from './content/company.js';
import type { FunctionKey, PillarKey } from './content/okrs.js';
import { idSequence, type Language } from './text.js';

/** A record under construction: its version and update time may still move before it is handed out. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Where a person sits: the CEO, a department head, a team leader or a team member. */
export type Tier = 'ceo' | 'head' | 'leader' | 'member';

export interface StaffMember {
  readonly index: number;
  readonly person: Person;
  /** The language of the person's team: what they write goals, check-ins and feedback in. */
  readonly language: Language;
  /** `null` for the CEO. */
  readonly functionKey: FunctionKey | null;
  readonly tier: Tier;
  /** -1 for the CEO. */
  readonly departmentIndex: number;
  /** -1 for the CEO and department heads. */
  readonly teamIndex: number;
  /** -1 for the CEO. */
  readonly managerIndex: number;
  readonly jobProfileKey: JobProfileKey | null;
  /** Day of the week (0 = Monday) the person usually checks in, and the UTC hour. */
  readonly checkInWeekday: number;
  readonly checkInHourUtc: number;
  /** Joined during the active cycle: no previous-cycle goals or review, onboarding training. */
  readonly joinedRecently: boolean;
}

export interface Department {
  readonly index: number;
  readonly functionKey: FunctionKey;
  readonly unit: OrgUnit;
  readonly headIndex: number;
  readonly teamIndices: number[];
}

export interface Team {
  readonly index: number;
  readonly departmentIndex: number;
  readonly functionKey: FunctionKey;
  readonly language: Language;
  readonly unit: OrgUnit;
  readonly leaderIndex: number;
  readonly memberIndices: number[];
}

/** Staff indices of the people the demo's role switcher signs in as. */
export interface PersonaIndices {
  employee: number;
  manager: number;
  hr: number;
  admin: number;
}

export interface Company {
  readonly companyUnit: OrgUnit;
  readonly orgUnits: OrgUnit[];
  readonly staff: StaffMember[];
  readonly departments: Department[];
  readonly teams: Team[];
  readonly personas: PersonaIndices;
  /** The head of HR approves the CEO's goals: nobody decides on their own. */
  readonly hrHeadIndex: number;
}

export type CycleKind = 'previous' | 'active' | 'planning';

export interface CycleContext {
  readonly kind: CycleKind;
  readonly cycle: Cycle;
  /** Midnight UTC of the first day. */
  readonly startMs: number;
  /** Midnight UTC after the last day: the cycle is [startMs, endMs). */
  readonly endMs: number;
  readonly pillars: readonly PillarKey[];
  readonly strategyByPillar: ReadonlyMap<PillarKey, Strategy>;
}

/** One id sequence per record kind, so ids are short, readable and stable for a seed. */
export function createIdSequences() {
  return {
    person: idSequence('p', 4),
    orgUnit: idSequence('ou', 3),
    cycle: idSequence('c', 2),
    strategy: idSequence('s', 2),
    goal: idSequence('g', 5),
    keyResult: idSequence('kr', 6),
    checkIn: idSequence('ci', 7),
    goalChange: idSequence('gc', 4),
    kpi: idSequence('kpi', 5),
    workLog: idSequence('wl', 6),
    workLogEntry: idSequence('wle', 7),
    reviewTemplate: idSequence('rt', 2),
    review: idSequence('rv', 6),
    feedback: idSequence('fb', 5),
    training: idSequence('t', 2),
    trainingRecord: idSequence('tr', 5),
    jobProfile: idSequence('jp', 2),
  } satisfies Record<string, () => Id>;
}

export type IdSequences = ReturnType<typeof createIdSequences>;
