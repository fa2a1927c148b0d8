/** English messages of <tandem-org-overview>. */
export const orgOverviewEn = {
  // Organisation overview
  'orgOverview.label': 'Organisation overview',
  'orgOverview.cycle': 'Cycle',
  'orgOverview.cycleDates': (p: { start: string; end: string }) => `${p.start} – ${p.end}`,
  'orgOverview.people': 'People',
  'orgOverview.units': 'Org units',
  'orgOverview.goals': 'Goals',
  'orgOverview.pendingApproval': 'Pending approval',
  'orgOverview.strategy': 'Strategy pillars',
  'orgOverview.unit': 'Unit',
  'orgOverview.leader': 'Leader',
  'orgOverview.noLeader': 'No leader',
  'orgOverview.goalMix': 'Goal status',
  'orgOverview.goalMixLabel': (p: { approved: string; pending: string; draft: string; rejected: string }) =>
    `${p.approved} approved, ${p.pending} pending, ${p.draft} draft, ${p.rejected} rejected`,
  'orgOverview.caption': 'Organisation units with their people and goals this cycle',
  'orgOverview.empty': 'No organisation units yet.',
  'orgOverview.noCycles': 'No goal cycle has been set up yet.',
  'orgOverview.updating': 'Updating…',
} as const;
