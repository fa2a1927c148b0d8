/**
 * Who may do what: the permission rules every adapter enforces and every
 * widget consults before offering an action.
 *
 * The product's principle: employees take part (they own their goals, key
 * results and check-ins), business managers lead (anyone up a person's
 * management chain approves, adjusts and reviews that person's work), and HR
 * supports (roles `hr` or `admin`: cycles, templates, and sight of everything
 * except private feedback). Nobody decides on their own work.
 *
 * Each rule returns a {@link Decision}; a refusal carries a `permission.*`
 * message that tells a person why, in words they understand. Rules check who
 * is acting before the record's state, so a person without a say learns only
 * that, not where someone else's record stands.
 */
import type { Message } from '../i18n/catalog.js';
import { isDirectManagerOf, isHr, isManagerOf, orgUnitAncestry, type OrgDirectory } from './org.js';
import type { Feedback, Goal, GoalLevel, GoalStatus, Id, Kpi, Person, Review, ReviewStatus, TrainingRecord } from './records.js';

export { directoryOf, isHr, isManagerOf, managementChain, orgUnitAncestry, type OrgDirectory } from './org.js';

/** The answer of a permission rule: allowed, or refused with the reason to show. */
export type Decision = { allowed: true } | { allowed: false; reason: Message };

/** The one "allowed" answer, shared and frozen so no caller can change it. */
export const ALLOWED: Decision = Object.freeze({ allowed: true });

/** Goal statuses in which a goal is still being written and may be edited directly. */
export const GOAL_EDITABLE_STATUSES = ['draft', 'rejected'] as const satisfies readonly GoalStatus[];

/** Review statuses in which the rater may still save and submit. */
export const REVIEW_EDITABLE_STATUSES = ['not-started', 'draft'] as const satisfies readonly ReviewStatus[];

function refusedBecause(reason: Message): Decision {
  return { allowed: false, reason };
}

function isGoalEditable(goal: Goal): boolean {
  return (GOAL_EDITABLE_STATUSES as readonly GoalStatus[]).includes(goal.status);
}

/** Why a goal past drafting cannot be changed directly, by the state it is in. */
function goalStateRefusal(status: GoalStatus): Decision {
  switch (status) {
    case 'pending':
      return refusedBecause({ key: 'permission.goalPending' });
    case 'approved':
      return refusedBecause({ key: 'permission.goalLocked' });
    case 'archived':
      return refusedBecause({ key: 'permission.goalArchived' });
    case 'draft':
    case 'rejected':
      return ALLOWED;
  }
}

/** The person themself, anyone up their management chain, or HR. */
function isSelfManagerOrHr(actor: Person, personId: Id, dir: OrgDirectory): boolean {
  return actor.id === personId || isManagerOf(actor.id, personId, dir) || isHr(actor);
}

/** Anyone up the person's management chain, or HR. */
function isManagerOrHr(actor: Person, personId: Id, dir: OrgDirectory): boolean {
  return isManagerOf(actor.id, personId, dir) || isHr(actor);
}

// ── Goals ─────────────────────────────────────────────────────────────────

/**
 * Who sees a goal, by its visibility: `public` everyone; `org-unit` people of
 * the goal's unit or a unit below it; `private` nobody more. The owner, their
 * management chain and HR see every goal. The goal's status plays no part:
 * a public draft is as visible as an approved goal.
 */
export function canViewGoal(actor: Person, goal: Goal, dir: OrgDirectory): Decision {
  if (goal.visibility === 'public') return ALLOWED;
  if (isSelfManagerOrHr(actor, goal.ownerId, dir)) return ALLOWED;
  if (goal.visibility === 'org-unit') {
    return orgUnitAncestry(actor.orgUnitId, dir).includes(goal.orgUnitId)
      ? ALLOWED
      : refusedBecause({ key: 'permission.goalOrgUnitOnly' });
  }
  return refusedBecause({ key: 'permission.goalPrivate' });
}

/**
 * Who sets a new goal, by its level:
 * - `individual`: the owner themself, or anyone up the owner's chain. HR does
 *   not set individual goals: business managers lead, HR supports.
 * - `department`: the leader of the goal's org unit, the leader of any unit
 *   above it, anyone up the leader's management chain, or HR. Unit leaders
 *   above count too so a unit whose lead is vacant still gets goals.
 * - `company`: the leader of the company unit (the first `company` unit at or
 *   above the goal's unit), HR or an administrator.
 */
export function canCreateGoal(
  actor: Person,
  draft: { level: GoalLevel; ownerId: Id; orgUnitId: Id },
  dir: OrgDirectory,
): Decision {
  switch (draft.level) {
    case 'individual':
      return actor.id === draft.ownerId || isManagerOf(actor.id, draft.ownerId, dir)
        ? ALLOWED
        : refusedBecause({ key: 'permission.individualGoalForOthers' });
    case 'department':
      return isHr(actor) || leadsOrgUnitOrAbove(actor.id, draft.orgUnitId, dir)
        ? ALLOWED
        : refusedBecause({ key: 'permission.notUnitLeader' });
    case 'company':
      return isHr(actor) || leadsCompany(actor.id, draft.orgUnitId, dir)
        ? ALLOWED
        : refusedBecause({ key: 'permission.companyGoalsRestricted' });
  }
}

/** The unit's leader, a leader of a unit above it, or a manager of the unit's leader. */
function leadsOrgUnitOrAbove(personId: Id, orgUnitId: Id, dir: OrgDirectory): boolean {
  const ancestry = orgUnitAncestry(orgUnitId, dir);
  if (ancestry.some((id) => dir.orgUnit(id)?.leaderId === personId)) return true;
  const leaderId = dir.orgUnit(orgUnitId)?.leaderId ?? null;
  return leaderId !== null && isManagerOf(personId, leaderId, dir);
}

function leadsCompany(personId: Id, orgUnitId: Id, dir: OrgDirectory): boolean {
  const units = orgUnitAncestry(orgUnitId, dir).flatMap((id) => dir.orgUnit(id) ?? []);
  // The first company-kind unit upward; without one, the root of what is known.
  const company = units.find((unit) => unit.kind === 'company') ?? units.at(-1);
  return company !== undefined && company.leaderId === personId;
}

/**
 * Editing a goal before approval (also `updateGoal`): the owner, their
 * managers or HR, while the goal is a draft or was rejected. A pending goal
 * waits for its decision; an approved one changes only by adjustment, so its
 * history keeps the reason.
 */
export function canEditGoal(actor: Person, goal: Goal, dir: OrgDirectory): Decision {
  if (!isSelfManagerOrHr(actor, goal.ownerId, dir)) {
    return refusedBecause({ key: 'permission.notOwnerManagerOrHr' });
  }
  return goalStateRefusal(goal.status);
}

/**
 * Archiving: the owner's managers and HR archive any goal not yet archived.
 * The owner archives their own goal only while it is a draft or rejected:
 * once submitted or approved it is an agreement with the manager, so the
 * manager withdraws it.
 */
export function canArchiveGoal(actor: Person, goal: Goal, dir: OrgDirectory): Decision {
  if (!isSelfManagerOrHr(actor, goal.ownerId, dir)) {
    return refusedBecause({ key: 'permission.notOwnerManagerOrHr' });
  }
  if (goal.status === 'archived') return refusedBecause({ key: 'permission.goalArchived' });
  if (isManagerOrHr(actor, goal.ownerId, dir) || isGoalEditable(goal)) return ALLOWED;
  return refusedBecause({ key: 'permission.archiveNeedsManager' });
}

/**
 * Adjusting an approved goal mid-cycle: the owner's managers or HR. The owner
 * proposes and the manager adjusts, so nobody adjusts their own approved
 * goal, HR included (as with approval).
 */
export function canAdjustGoal(actor: Person, goal: Goal, dir: OrgDirectory): Decision {
  if (actor.id === goal.ownerId) return refusedBecause({ key: 'permission.ownGoalAdjustment' });
  if (!isManagerOrHr(actor, goal.ownerId, dir)) return refusedBecause({ key: 'permission.notManager' });
  if (goal.status === 'archived') return refusedBecause({ key: 'permission.goalArchived' });
  if (goal.status !== 'approved') return refusedBecause({ key: 'permission.goalNotApproved' });
  return ALLOWED;
}

/** Submitting for approval: the owner only, from draft or rejected. */
export function canSubmitGoal(actor: Person, goal: Goal, _dir: OrgDirectory): Decision {
  if (actor.id !== goal.ownerId) return refusedBecause({ key: 'permission.notOwner' });
  return goalStateRefusal(goal.status);
}

/**
 * Approving or rejecting: anyone up the owner's chain, or HR, while the goal
 * is pending. Nobody decides on their own goal, HR included.
 */
export function canDecideGoal(actor: Person, goal: Goal, dir: OrgDirectory): Decision {
  if (actor.id === goal.ownerId) return refusedBecause({ key: 'permission.ownGoalApproval' });
  if (!isManagerOrHr(actor, goal.ownerId, dir)) return refusedBecause({ key: 'permission.notManager' });
  if (goal.status === 'archived') return refusedBecause({ key: 'permission.goalArchived' });
  if (goal.status !== 'pending') return refusedBecause({ key: 'permission.goalNotPending' });
  return ALLOWED;
}

/**
 * Creating, changing or deleting a goal's key results: they are part of the
 * goal, so the same rule as {@link canEditGoal}. On an approved goal they
 * change only through an adjustment.
 */
export function canEditKeyResults(actor: Person, goal: Goal, dir: OrgDirectory): Decision {
  return canEditGoal(actor, goal, dir);
}

/**
 * Checking in: the owner or their managers (HR supports, it does not report
 * progress), on approved goals only: progress on a goal that is not yet
 * agreed would measure against targets that may still change.
 */
export function canCheckIn(actor: Person, goal: Goal, dir: OrgDirectory): Decision {
  if (actor.id !== goal.ownerId && !isManagerOf(actor.id, goal.ownerId, dir)) {
    return refusedBecause({ key: 'permission.notOwnerOrManager' });
  }
  if (goal.status === 'archived') return refusedBecause({ key: 'permission.goalArchived' });
  if (goal.status !== 'approved') return refusedBecause({ key: 'permission.goalNotApproved' });
  return ALLOWED;
}

// ── Performance: work logs and KPIs ───────────────────────────────────────

/** A work log: the person, their managers and HR. */
export function canViewWorkLog(actor: Person, personId: Id, dir: OrgDirectory): Decision {
  return isSelfManagerOrHr(actor, personId, dir) ? ALLOWED : refusedBecause({ key: 'permission.workLogPrivate' });
}

/** A KPI: its owner, their managers and HR. */
export function canViewKpi(actor: Person, kpi: Pick<Kpi, 'ownerId'>, dir: OrgDirectory): Decision {
  return isSelfManagerOrHr(actor, kpi.ownerId, dir) ? ALLOWED : refusedBecause({ key: 'permission.kpiPrivate' });
}

/**
 * Recording a KPI's actual: the owner, their managers or HR (HR feeds figures
 * such as attendance from its own systems). Not on an archived KPI, and not
 * on one born from a key result: its actual follows the key result's
 * check-ins, and a hand-typed value would be overwritten by the next one.
 */
export function canEditKpiActual(actor: Person, kpi: Kpi, dir: OrgDirectory): Decision {
  if (!isSelfManagerOrHr(actor, kpi.ownerId, dir)) return refusedBecause({ key: 'permission.notOwnerManagerOrHr' });
  if (kpi.archived) return refusedBecause({ key: 'permission.kpiArchived' });
  if (kpi.source === 'keyResult') return refusedBecause({ key: 'permission.kpiFollowsKeyResult' });
  return ALLOWED;
}

/**
 * Setting a person's KPI plan (creating KPIs, changing target, weight or
 * thresholds, applying a job profile): their managers or HR. Nobody sets
 * their own plan, HR included: the plan is what they are measured against.
 */
export function canEditKpiPlan(actor: Person, ownerId: Id, dir: OrgDirectory): Decision {
  if (actor.id === ownerId) return refusedBecause({ key: 'permission.ownKpiPlan' });
  return isManagerOrHr(actor, ownerId, dir) ? ALLOWED : refusedBecause({ key: 'permission.notManager' });
}

// ── HR's tools ────────────────────────────────────────────────────────────

/** Creating and changing cycles: HR only. */
export function canManageCycles(actor: Person): Decision {
  return isHr(actor) ? ALLOWED : refusedBecause({ key: 'permission.hrOnly' });
}

/** Creating and changing review templates: HR only. */
export function canManageTemplates(actor: Person): Decision {
  return isHr(actor) ? ALLOWED : refusedBecause({ key: 'permission.hrOnly' });
}

// ── Reviews ───────────────────────────────────────────────────────────────

/**
 * Reading a review: the rater (always), HR and the reviewee's managers (in
 * any state). The reviewee sees another rater's review only once it is
 * submitted, and a peer review only once it is also released. A manager
 * review is not held back after submission: only peer reviews wait for
 * release. These hold for a reviewee who is HR too.
 */
export function canViewReview(actor: Person, review: Review, dir: OrgDirectory): Decision {
  if (actor.id === review.raterId) return ALLOWED;
  if (actor.id !== review.revieweeId) {
    return isManagerOrHr(actor, review.revieweeId, dir) ? ALLOWED : refusedBecause({ key: 'permission.reviewPrivate' });
  }
  // The reviewee's own rules come first, so an HR reviewee does not see drafts about themself.
  if ((REVIEW_EDITABLE_STATUSES as readonly ReviewStatus[]).includes(review.status)) {
    return refusedBecause({ key: 'permission.reviewDraftHidden' });
  }
  if (review.raterType === 'peer' && !review.released) return refusedBecause({ key: 'permission.reviewNotReleased' });
  return ALLOWED;
}

/** Saving a draft or submitting: the rater only, while the review is not started or a draft. */
export function canEditReview(actor: Person, review: Review): Decision {
  if (actor.id !== review.raterId) return refusedBecause({ key: 'permission.notRater' });
  switch (review.status) {
    case 'not-started':
    case 'draft':
      return ALLOWED;
    case 'submitted':
      return refusedBecause({ key: 'permission.reviewSubmitted' });
    case 'locked':
      return refusedBecause({ key: 'permission.reviewLocked' });
  }
}

/**
 * Creating, locking, reopening and releasing reviews: HR or the reviewee's
 * managers. Nobody manages the reviews of themself, HR included: they could
 * reopen, lock or release what others wrote about them.
 */
export function canManageReview(actor: Person, review: Pick<Review, 'revieweeId'>, dir: OrgDirectory): Decision {
  if (actor.id === review.revieweeId) return refusedBecause({ key: 'permission.ownReview' });
  return isManagerOrHr(actor, review.revieweeId, dir) ? ALLOWED : refusedBecause({ key: 'permission.notManager' });
}

// ── Feedback ──────────────────────────────────────────────────────────────

/**
 * Reading feedback. `subjectPersonId` is the person the feedback is about
 * (the owner of a goal, key result or KPI, the reviewee of a review, or the
 * person), or `null` when there is none.
 * - `public`: anyone; the caller checks separately that they may see the subject.
 * - `manager`: the author, the subject person, their whole management chain, HR.
 * - `private`: the author, the subject person and their direct manager only —
 *   not HR, and not managers further up: private means a small circle.
 * Being @mentioned grants no sight: the visibility the author chose decides.
 */
export function canViewFeedback(
  actor: Person,
  feedback: Feedback,
  subjectPersonId: Id | null,
  dir: OrgDirectory,
): Decision {
  if (feedback.visibility === 'public' || actor.id === feedback.authorId) return ALLOWED;
  if (subjectPersonId !== null && actor.id === subjectPersonId) return ALLOWED;
  if (feedback.visibility === 'manager') {
    const allowed = isHr(actor) || (subjectPersonId !== null && isManagerOf(actor.id, subjectPersonId, dir));
    return allowed ? ALLOWED : refusedBecause({ key: 'permission.feedbackManagerOnly' });
  }
  return subjectPersonId !== null && isDirectManagerOf(actor.id, subjectPersonId, dir)
    ? ALLOWED
    : refusedBecause({ key: 'permission.feedbackPrivate' });
}

/** Changing feedback's text: the author only; nobody puts words in another's mouth. */
export function canEditFeedback(actor: Person, feedback: Feedback): Decision {
  return actor.id === feedback.authorId ? ALLOWED : refusedBecause({ key: 'permission.notAuthor' });
}

/**
 * Deleting feedback: the author, or HR as moderator — except private
 * feedback, which HR may not read and so does not moderate.
 */
export function canDeleteFeedback(actor: Person, feedback: Feedback): Decision {
  if (actor.id === feedback.authorId) return ALLOWED;
  if (!isHr(actor)) return refusedBecause({ key: 'permission.notAuthor' });
  return feedback.visibility === 'private' ? refusedBecause({ key: 'permission.feedbackPrivate' }) : ALLOWED;
}

// ── Development ───────────────────────────────────────────────────────────

/** Assigning a training: the person's managers or HR. */
export function canAssignTraining(actor: Person, personId: Id, dir: OrgDirectory): Decision {
  return isManagerOrHr(actor, personId, dir) ? ALLOWED : refusedBecause({ key: 'permission.notManager' });
}

/** Marking a training completed: the person, their managers or HR, once. */
export function canCompleteTraining(actor: Person, record: TrainingRecord, dir: OrgDirectory): Decision {
  if (!isSelfManagerOrHr(actor, record.personId, dir)) return refusedBecause({ key: 'permission.notOwnerManagerOrHr' });
  return record.status === 'completed' ? refusedBecause({ key: 'permission.trainingCompleted' }) : ALLOWED;
}
