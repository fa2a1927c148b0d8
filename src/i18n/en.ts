/**
 * English messages. This catalog fixes the keys and the parameters of every
 * message; zh-CN.ts must match it (checked by the compiler and by a test).
 * A message with parameters is a function, so its parameters are typed.
 */
export const en = {
  // Designed states shared by every widget
  'state.loading': 'Loading…',
  'state.empty': 'Nothing here yet.',
  'state.error': 'Something went wrong.',
  'state.forbidden': 'You do not have access to this.',
  'action.retry': 'Try again',
  'action.cancel': 'Cancel',
  'action.save': 'Save',
  'action.close': 'Close',

  // Roles and record vocabulary
  'role.employee': 'Employee',
  'role.manager': 'Manager',
  'role.hr': 'HR',
  'role.admin': 'Administrator',
  'orgUnitKind.company': 'Company',
  'orgUnitKind.department': 'Department',
  'orgUnitKind.team': 'Team',
  'goalLevel.company': 'Company',
  'goalLevel.department': 'Department',
  'goalLevel.individual': 'Individual',
  'goalStatus.draft': 'Draft',
  'goalStatus.pending': 'Pending approval',
  'goalStatus.approved': 'Approved',
  'goalStatus.rejected': 'Rejected',
  'goalStatus.archived': 'Archived',
  'cycleStatus.planning': 'Planning',
  'cycleStatus.active': 'Active',
  'cycleStatus.review': 'In review',
  'cycleStatus.closed': 'Closed',
  'pace.onTrack': 'On track',
  'pace.atRisk': 'At risk',
  'pace.offTrack': 'Off track',
  'count.goals': (p: { count: number; formatted: string }) =>
    p.count === 1 ? '1 goal' : `${p.formatted} goals`,
  'count.people': (p: { count: number; formatted: string }) =>
    p.count === 1 ? '1 person' : `${p.formatted} people`,
  'count.keyResults': (p: { count: number; formatted: string }) =>
    p.count === 1 ? '1 key result' : `${p.formatted} key results`,

  // Record names, e.g. in "Goal could not be found"
  'record.person': 'Person',
  'record.orgUnit': 'Organisation unit',
  'record.cycle': 'Cycle',
  'record.strategy': 'Strategy pillar',
  'record.goal': 'Goal',
  'record.keyResult': 'Key result',
  'record.checkIn': 'Check-in',
  'record.goalChange': 'Goal adjustment',
  'record.kpi': 'KPI',
  'record.workLog': 'Work log',
  'record.reviewTemplate': 'Review template',
  'record.review': 'Review',
  'record.feedback': 'Feedback',
  'record.training': 'Training',
  'record.trainingRecord': 'Training record',
  'record.jobProfile': 'Job profile',

  // Provider
  'provider.noAdapter': 'No data source is connected.',
  'session.signedInAs': (p: { name: string }) => `Signed in as ${p.name}`,

  // Errors, fit to show a person
  'error.notFound': (p: { what: string }) => `${p.what} could not be found. It may have been deleted.`,
  'error.forbidden': 'You are not allowed to do this.',
  'error.conflict': 'Someone else changed this while you were editing. Your text is kept: review their change, then save again.',
  'error.validation': 'Some fields need your attention.',
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again.',
  'error.storage': 'Your browser could not save the data.',
  'error.storageQuota': 'Your browser is out of storage space for this site. Nothing was lost; free some space and try again.',
  'error.storageBlocked': 'Another tab is holding an older version of the data open. Close or reload other tabs of this site.',
  'error.storageUnavailable': 'This browser does not allow saving data here (private mode?). Changes are kept only until the page closes.',
  'error.aborted': 'The request was cancelled.',

  // Field validation
  'validation.required': 'This field is required.',
  'validation.tooLong': (p: { max: number }) => `Use at most ${p.max} characters.`,
  'validation.notANumber': 'Enter a number.',
  'validation.outOfRange': (p: { min: string; max: string }) => `Enter a value from ${p.min} to ${p.max}.`,
  'validation.targetEqualsStart': 'The target must differ from the starting value.',
  'validation.directionMismatch': 'For a result that should go down, the target must be below the start (and above it for one that should go up).',
  'validation.weightsSum': (p: { total: string }) => `Weights of siblings must add up to 100% (now ${p.total}).`,
  'validation.dueOutsideCycle': (p: { start: string; end: string }) => `Pick a date between ${p.start} and ${p.end}.`,
  'validation.reasonRequired': 'Say why this goal is being adjusted.',
  'validation.invalidDate': 'Enter a valid date.',
  'validation.endBeforeStart': 'The end must come after the start.',
  'validation.notAllowedValue': 'Choose one of the offered values.',
} as const;
