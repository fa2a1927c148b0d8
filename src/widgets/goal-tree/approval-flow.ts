/**
 * The approval flow of the goal tree: submitting a goal, the approve/reject
 * dialog with its comment, and batch approval of marked goals. Status changes
 * show at once and go back on failure.
 */
import { html, nothing } from 'lit';
import { ConflictError, TandemError } from '../../data/errors.js';
import { TandemGoalChangeEvent, type GoalChangeKind } from '../../events/goal-change.js';
import { translateMessage } from '../../i18n/locale.js';
import type { NodeKey } from '../../model/goal-tree.js';
import { displayName } from '../../model/people.js';
import { canDecideGoal, canSubmitGoal } from '../../model/permissions.js';
import type { Goal, GoalStatus, Id } from '../../model/records.js';
import { validateRejection } from '../../model/validation.js';
import type { GoalTreeData } from './goal-tree-data.js';
import { failureOf, renderSaveStatus, reopened, syncDialog, TreeFlow, type SaveState } from './tree-flow.js';

/** The approval dialog: the comment typed is kept through failures, conflicts and reloads. */
interface DecisionDraft extends SaveState {
  /** The goal as the dialog last read it: its `version` goes with the decision. */
  readonly goal: Goal;
  readonly rowKey: NodeKey;
  readonly comment: string;
  /** The comment's message shows once a rejection was tried. */
  readonly touched: boolean;
  /** The decision last tried, for the retry. */
  readonly decision?: 'approve' | 'reject';
}

/** A status change on its way or just saved: the row shows it until the reload brings the stored goal. */
interface PendingStatus {
  readonly status: GoalStatus;
  /** The goal's version once saved; `undefined` while the change is on its way. */
  readonly version?: number;
}

/** A failed submission, shown above the tree (submitting has no dialog to show it in). */
interface SubmitFailure {
  readonly title: string;
  readonly error: TandemError | undefined;
}

/** What a batch approval did. `error`: the whole request failed. */
interface BatchOutcome {
  readonly approved: number;
  readonly failed: readonly { readonly id: Id; readonly title: string; readonly message: string }[];
  readonly error?: string;
}

export class ApprovalFlow extends TreeFlow {
  private draft: DecisionDraft | null = null;
  private pendingStatuses: ReadonlyMap<Id, PendingStatus> = new Map();
  /** Pending goals marked for batch approval. */
  private marked: ReadonlySet<Id> = new Set();
  private batchStatus: 'idle' | 'approving' = 'idle';
  private batchOutcome: BatchOutcome | null = null;
  private submitFailure: SubmitFailure | null = null;

  hostUpdated(): void {
    syncDialog(this.dialog('approval'), this.draft !== null, '#approval-comment');
  }

  /** A goal with any status change on its way applied. */
  effectiveGoal(goal: Goal): Goal {
    const pending = this.pendingStatuses.get(goal.id);
    return pending ? { ...goal, status: pending.status } : goal;
  }

  /** `canSubmitGoal` for the signed-in person. */
  maySubmit(goal: Goal): boolean {
    const { person, data } = this.tree;
    return person !== undefined && data !== undefined && canSubmitGoal(person, goal, data.directory).allowed;
  }

  /** `canDecideGoal` for the signed-in person: the management chains come with the tree's data. */
  mayDecide(goal: Goal): boolean {
    const { person, data } = this.tree;
    return person !== undefined && data !== undefined && canDecideGoal(person, goal, data.directory).allowed;
  }

  isMarked(goalId: Id): boolean {
    return this.marked.has(goalId);
  }

  /** Status changes the loaded data now holds are shown from it, no longer from memory. */
  dropReloaded(data: GoalTreeData): void {
    if (this.pendingStatuses.size === 0) return;
    const pending = new Map(this.pendingStatuses);
    for (const goal of data.goals) {
      const saved = pending.get(goal.id)?.version;
      if (saved !== undefined && goal.version >= saved) pending.delete(goal.id);
    }
    if (pending.size !== this.pendingStatuses.size) this.pendingStatuses = pending;
  }

  private update(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  private setPendingStatus(goalId: Id, pending: PendingStatus | undefined): void {
    const next = new Map(this.pendingStatuses);
    if (pending) next.set(goalId, pending);
    else next.delete(goalId);
    this.update(() => (this.pendingStatuses = next));
  }

  /** Submits optimistically: the row shows "Pending approval" at once, and goes back with the reason if refused. */
  async submit(goal: Goal): Promise<void> {
    const adapter = this.tree.adapter;
    if (!adapter) return;
    this.update(() => (this.submitFailure = null));
    this.setPendingStatus(goal.id, { status: 'pending' });
    try {
      const stored = await adapter.submitGoal(goal.id, goal.version);
      this.setPendingStatus(goal.id, { status: stored.status, version: stored.version });
      this.tree.announce(this.tree.t('goalTree.announce.submitted', { title: stored.title }));
      this.tree.dispatch(new TandemGoalChangeEvent(stored, 'submitted'));
    } catch (error) {
      this.setPendingStatus(goal.id, undefined);
      this.update(() => (this.submitFailure = { title: goal.title, error: error instanceof TandemError ? error : undefined }));
    }
  }

  toggleMark(goalId: Id): void {
    const next = new Set(this.marked);
    if (next.has(goalId)) next.delete(goalId);
    else next.add(goalId);
    this.update(() => {
      this.marked = next;
      this.batchOutcome = null;
    });
  }

  /** Marked goals still pending that the person may decide (a reload may have changed them). */
  private markedGoals(): Goal[] {
    const goals = this.tree.data?.goals;
    if (!goals || this.marked.size === 0) return [];
    return goals.filter((goal) => this.marked.has(goal.id) && this.mayDecide(this.effectiveGoal(goal)));
  }

  /** Approves the marked goals in one request; each succeeds or fails on its own, and the failures are listed with their reasons. */
  private async approveMarked(): Promise<void> {
    const adapter = this.tree.adapter;
    const goals = this.markedGoals();
    if (!adapter || goals.length === 0 || this.batchStatus === 'approving') return;
    const fromBar = this.host.shadowRoot?.activeElement?.closest('.approval-bar') != null;
    this.update(() => {
      this.batchStatus = 'approving';
      this.batchOutcome = null;
    });
    for (const goal of goals) this.setPendingStatus(goal.id, { status: 'approved' });
    const titles = new Map(goals.map((goal) => [goal.id, goal.title]));
    try {
      const result = await adapter.approveGoals(goals.map((goal) => ({ id: goal.id, version: goal.version })));
      for (const stored of result.succeeded) this.setPendingStatus(stored.id, { status: stored.status, version: stored.version });
      for (const { id } of result.failed) this.setPendingStatus(id, undefined);
      this.update(() => {
        this.batchOutcome = {
          approved: result.succeeded.length,
          failed: result.failed.map(({ id, error }) => ({ id, title: titles.get(id) ?? id, message: error.localizedMessage(this.tree.locale) })),
        };
        // Marks made while the batch was on its way stay; the sent ones go, except those that failed.
        const sent = new Set(goals.map((goal) => goal.id));
        this.marked = new Set([...[...this.marked].filter((id) => !sent.has(id)), ...result.failed.map(({ id }) => id)]);
      });
      const { t, format } = this.tree;
      const approved = result.succeeded.length;
      const failed = result.failed.length;
      this.tree.announce(
        [
          t('goalTree.approval.batchApproved', { count: approved, formatted: format.number(approved, 0) }),
          failed > 0 ? t('goalTree.approval.batchFailed', { count: failed, formatted: format.number(failed, 0) }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      for (const stored of result.succeeded) this.tree.dispatch(new TandemGoalChangeEvent(stored, 'approved'));
    } catch (error) {
      for (const goal of goals) this.setPendingStatus(goal.id, undefined);
      const reason = error instanceof TandemError ? error.localizedMessage(this.tree.locale) : this.tree.t('state.error');
      this.update(() => (this.batchOutcome = { approved: 0, failed: [], error: reason }));
      this.tree.announce(this.tree.t('goalTree.approval.batchError', { reason }));
    } finally {
      this.update(() => (this.batchStatus = 'idle'));
    }
    // With nothing left marked the Approve button is gone: focus moves to the outcome, which says what happened.
    await this.host.updateComplete;
    if (fromBar && !this.host.shadowRoot?.activeElement) this.dialogRoot?.querySelector<HTMLElement>('.batch-outcome button')?.focus();
  }

  openDecision(rowKey: NodeKey, goal: Goal): void {
    this.update(() => (this.draft = { goal, rowKey, comment: '', touched: false, status: 'editing' }));
  }

  private setDraft(draft: DecisionDraft | null): void {
    this.update(() => (this.draft = draft));
  }

  /** The comment's message, once a rejection was tried without one. */
  private rejectionIssue(draft: DecisionDraft): string | undefined {
    if (!draft.touched) return undefined;
    const issue = validateRejection({ comment: draft.comment })[0];
    return issue ? translateMessage(this.tree.locale, issue.message) : undefined;
  }

  /**
   * Decides optimistically: the row shows the new status at once and goes
   * back if the adapter refuses; the dialog stays open while saving, so a
   * failure shows where the comment was typed, with the comment kept.
   */
  private async decide(decision: 'approve' | 'reject'): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || !adapter || draft.status === 'saving' || draft.status === 'reloading') return;
    if (decision === 'reject' && validateRejection({ comment: draft.comment }).length > 0) {
      this.setDraft({ ...draft, touched: true });
      await this.focusControl('approval', '#approval-comment');
      return;
    }
    const { goal } = draft;
    const comment = draft.comment.trim();
    this.setPendingStatus(goal.id, { status: decision === 'approve' ? 'approved' : 'rejected' });
    this.setDraft({ ...draft, status: 'saving', decision, error: undefined });
    try {
      const stored =
        decision === 'approve'
          ? await adapter.approveGoal(goal.id, goal.version, comment || undefined)
          : await adapter.rejectGoal(goal.id, goal.version, comment);
      this.setPendingStatus(goal.id, { status: stored.status, version: stored.version });
      if (this.marked.has(goal.id)) this.toggleMark(goal.id);
      if (this.draft?.goal.id === goal.id) this.close();
      const change: GoalChangeKind = decision === 'approve' ? 'approved' : 'rejected';
      this.tree.announce(this.tree.t(decision === 'approve' ? 'goalTree.announce.approved' : 'goalTree.announce.rejected', { title: stored.title }));
      this.tree.dispatch(new TandemGoalChangeEvent(stored, change));
    } catch (error) {
      this.setPendingStatus(goal.id, undefined);
      const current = this.draft;
      if (current?.goal.id !== goal.id) return;
      this.setDraft({ ...current, ...failureOf(error), reloaded: false });
    }
  }

  /** After a conflict: the goal as stored now, for its version; the comment stays. */
  private async reloadGoal(): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || !adapter) return;
    this.setDraft({ ...draft, status: 'reloading' });
    try {
      const latest = await adapter.getGoal(draft.goal.id);
      const current = this.draft;
      if (current?.goal.id !== latest.id) return;
      this.setDraft({ ...current, goal: latest, status: 'editing', error: undefined, reloaded: true });
    } catch (error) {
      const current = this.draft;
      if (current?.goal.id !== draft.goal.id) return;
      this.setDraft({ ...current, status: 'failed', error: error instanceof TandemError ? error : undefined });
    }
  }

  /**
   * Closes the dialog and forgets the draft at once, focus back on its row:
   * not in the close event, a task later, which would forget a draft opened
   * meanwhile.
   */
  private close(): void {
    const draft = this.draft;
    this.dialog('approval')?.close();
    if (!draft) return;
    this.setDraft(null);
    void this.tree.focusRow(draft.rowKey);
  }

  /** The dialog closed (Escape, or a close already handled above), unless it has opened again since. */
  private readonly onClose = (event: Event): void => {
    if (!reopened(event)) this.close();
  };

  private readonly onCancel = (event: Event): void => {
    if (this.draft?.status === 'saving') event.preventDefault();
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.decide('approve');
  };

  renderDialog() {
    const draft = this.draft;
    return html`<dialog part="dialog" class="tree-dialog approval" aria-labelledby="approval-title" @close=${this.onClose} @cancel=${this.onCancel}>
      ${draft ? this.renderForm(draft) : nothing}
    </dialog>`;
  }

  private renderForm(draft: DecisionDraft) {
    const { t } = this.tree;
    const { goal, status } = draft;
    const owner = this.tree.data?.people.get(goal.ownerId);
    const error = this.rejectionIssue(draft);
    const busy = status === 'saving' || status === 'reloading';
    const describedBy = ['approval-comment-hint', error ? 'approval-comment-error' : ''].filter(Boolean).join(' ');
    return html`<form novalidate @submit=${this.onSubmit}>
      <h2 id="approval-title">${t('goalTree.approval.title', { title: goal.title })}</h2>
      ${owner ? html`<p class="hint">${t('goalTree.approval.owner', { name: displayName(owner, this.tree.locale).primary })}</p>` : nothing}
      <div class="field">
        <label for="approval-comment">${t('goalTree.approval.comment')}</label>
        <textarea
          id="approval-comment"
          name="comment"
          rows="3"
          .value=${draft.comment}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${(event: Event) => {
            if (this.draft) this.setDraft({ ...this.draft, comment: (event.target as HTMLTextAreaElement).value });
          }}
        ></textarea>
        <span class="hint" id="approval-comment-hint">${t('goalTree.approval.commentHint')}</span>
        ${error ? html`<span class="field-error" id="approval-comment-error">${error}</span>` : nothing}
      </div>
      ${renderSaveStatus(this.tree, draft, {
        conflict: t('goalTree.approval.conflict'),
        reloadLabel: t('goalTree.approval.reload'),
        reload: () => void this.reloadGoal(),
        retry: () => void this.decide(draft.decision ?? 'approve'),
        reloaded: t('goalTree.approval.reloaded'),
      })}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()} ?disabled=${status === 'saving'}>${t('action.cancel')}</button>
        <button type="button" class="button" data-decision="reject" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.decide('reject')}>
          ${status === 'saving' && draft.decision === 'reject' ? t('goalTree.approval.saving') : t('goalTree.approval.reject')}
        </button>
        <button type="submit" class="button" data-decision="approve" data-variant="primary" aria-disabled=${busy ? 'true' : 'false'}>
          ${status === 'saving' && draft.decision === 'approve' ? t('goalTree.approval.saving') : t('goalTree.approval.approve')}
        </button>
      </div>
    </form>`;
  }

  // The bar's buttons take themselves away: focus goes back to the rows, not to the page.
  private readonly clearMarks = (): void => {
    this.update(() => (this.marked = new Set()));
    void this.tree.focusTabStop();
  };

  private readonly dismissOutcome = (): void => {
    this.update(() => (this.batchOutcome = null));
    void this.tree.focusTabStop();
  };

  /** Above the tree: the marked goals with the button that approves them, what a batch did, or a failed submission. */
  renderBar() {
    const { t, format } = this.tree;
    const count = this.markedGoals().length;
    const outcome = this.batchOutcome;
    const failure = this.submitFailure;
    const number = (n: number) => ({ count: n, formatted: format.number(n, 0) });
    // Not a live region: it holds buttons, and a row's own checked state says a mark. A batch's outcome is announced.
    return html`<div class="approval-bar" part="approval-bar" ?hidden=${count === 0 && !outcome && !failure}>
      ${count > 0
        ? html`<span>${t('goalTree.approval.marked', number(count))}</span>
            <button type="button" class="button" data-variant="primary" aria-disabled=${this.batchStatus === 'approving' ? 'true' : 'false'} @click=${() => void this.approveMarked()}>
              ${this.batchStatus === 'approving' ? t('goalTree.approval.approving') : t('goalTree.approval.approveMarked', number(count))}
            </button>
            <button type="button" class="button" @click=${this.clearMarks}>${t('goalTree.approval.clearMarks')}</button>`
        : nothing}
      ${outcome
        ? html`<div class="batch-outcome">
            ${outcome.error
              ? html`<span class="batch-error">${t('goalTree.approval.batchError', { reason: outcome.error })}</span>`
              : html`<span>${t('goalTree.approval.batchApproved', number(outcome.approved))}</span>`}
            ${outcome.failed.length > 0
              ? html`<span>${t('goalTree.approval.batchFailed', number(outcome.failed.length))}</span>
                  <ul class="batch-failed">
                    ${outcome.failed.map((item) => html`<li data-goal=${item.id}><strong>${item.title}</strong>: ${item.message}</li>`)}
                  </ul>`
              : nothing}
            <button type="button" class="button" @click=${this.dismissOutcome}>${t('goalTree.approval.dismiss')}</button>
          </div>`
        : nothing}
      ${failure ? this.renderSubmitFailure(failure) : nothing}
    </div>`;
  }

  private renderSubmitFailure(failure: SubmitFailure) {
    const { t } = this.tree;
    const conflict = failure.error instanceof ConflictError;
    const reason = failure.error ? failure.error.localizedMessage(this.tree.locale) : t('state.error');
    const dismiss = () => {
      this.update(() => (this.submitFailure = null));
      void this.tree.focusTabStop();
    };
    return html`<div class="form-error" role="alert" data-error=${conflict ? 'conflict' : (failure.error?.code ?? 'unknown')}>
      <span>${conflict ? t('goalTree.approval.submitConflict', { title: failure.title }) : t('goalTree.approval.submitFailed', { title: failure.title, reason })}</span>
      ${conflict
        ? html`<button type="button" class="button" @click=${() => (dismiss(), this.tree.reload())}>${t('goalTree.approval.reloadTree')}</button>`
        : nothing}
      <button type="button" class="button" @click=${dismiss}>${t('goalTree.approval.dismiss')}</button>
    </div>`;
  }
}
