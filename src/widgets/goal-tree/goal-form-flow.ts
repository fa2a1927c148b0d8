/**
 * Creating and editing goals and key results from the goal tree: a child goal
 * under a goal, a key result on a goal, and edits of either while the goal is
 * a draft or was rejected. Each form shows the siblings' weights next to the
 * new one, so the shares keep summing to 100 (the store checks it too).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { WeightChange } from '../../data/adapter.js';
import { TandemError } from '../../data/errors.js';
import { TandemGoalChangeEvent } from '../../events/goal-change.js';
import { translateMessage } from '../../i18n/locale.js';
import { goalNodeKey, keyResultNodeKey, type NodeKey } from '../../model/goal-tree.js';
import { directoryOf, type OrgDirectory } from '../../model/org.js';
import { displayName } from '../../model/people.js';
import { canCreateGoal, canEditGoal } from '../../model/permissions.js';
import {
  DIRECTIONS,
  METRIC_KINDS,
  type Cycle,
  type Direction,
  type Goal,
  type GoalLevel,
  type Id,
  type KeyResult,
  type MetricKind,
  type Person,
} from '../../model/records.js';
import { TITLE_MAX_LENGTH, validateGoalFields, validateKeyResultFields, validateSiblingWeights, type ValidationIssue } from '../../model/validation.js';
import { remainingWeight, shareEqually, weightTotal } from '../../model/weights.js';
import { renderField, reopened } from '../shared/dialog-flow.js';
import { failureOf, renderSaveStatus, syncDialog, TreeFlow, type GoalTreeAccess, type PendingEdits, type SaveState } from './tree-flow.js';

export const GOAL_FORM_KINDS = ['create-goal', 'edit-goal', 'create-key-result', 'edit-key-result'] as const;
export type GoalFormKind = (typeof GOAL_FORM_KINDS)[number];

const GOAL_FIELDS = ['title', 'description', 'level', 'ownerId', 'weight'] as const;
/** What an edit of a goal may change; level and owner are chosen when it is created. */
const GOAL_EDIT_FIELDS = ['title', 'description', 'weight'] as const;
const KEY_RESULT_FIELDS = ['title', 'metric', 'unit', 'start', 'target', 'direction', 'due', 'weight'] as const;
type FormField = (typeof GOAL_FIELDS)[number] | (typeof KEY_RESULT_FIELDS)[number];
/** Where the siblings' total is reported. */
const WEIGHTS = 'weights';

/** The levels a child of a goal may take: a department goal can cascade to a sub-department or a person. */
const CHILD_LEVELS: Readonly<Record<GoalLevel, readonly GoalLevel[]>> = {
  company: ['department', 'individual'],
  department: ['department', 'individual'],
  individual: ['individual'],
};

/** A sibling's weight as the form shows it: typed text where the person may change it. */
interface SiblingWeight {
  readonly id: Id;
  readonly title: string;
  readonly version: number;
  readonly stored: number;
  readonly typed: string;
  /** `false`: counted in the total but shown as text (an approved goal changes only by adjustment). */
  readonly editable: boolean;
}

/** What the form loads when it opens: the siblings, the cycle (due dates) and, for a new goal, who may own it. */
interface FormContext {
  readonly siblings: readonly SiblingWeight[];
  readonly cycle: Cycle | undefined;
  readonly owners: readonly Person[];
  readonly directory: OrgDirectory | undefined;
}

interface GoalFormDraft extends SaveState {
  readonly kind: GoalFormKind;
  readonly rowKey: NodeKey;
  /** The parent of a new goal, the goal edited, or the goal of the key result. */
  readonly goal: Goal;
  readonly keyResult?: KeyResult | undefined;
  readonly fields: Readonly<Record<FormField, string>>;
  readonly touched: ReadonlySet<string>;
  /** `null` while loading; the load's failure is in `loadError`. */
  readonly context: FormContext | null;
  readonly loadError?: TandemError | undefined;
}

const isGoalKind = (kind: GoalFormKind) => kind === 'create-goal' || kind === 'edit-goal';
const isCreate = (kind: GoalFormKind) => kind === 'create-goal' || kind === 'create-key-result';

export class GoalFormFlow extends TreeFlow {
  private draft: GoalFormDraft | null = null;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    tree: GoalTreeAccess,
    private readonly edits: PendingEdits,
  ) {
    super(host, tree);
  }

  hostUpdated(): void {
    syncDialog(this.dialog('goal-form'), this.draft !== null, '#goal-form-title');
  }

  openCreateGoal(rowKey: NodeKey, parent: Goal): void {
    const level = CHILD_LEVELS[parent.level][CHILD_LEVELS[parent.level].length - 1]!;
    this.start({ kind: 'create-goal', rowKey, goal: parent, fields: { ...emptyFields(), level, ownerId: this.tree.person?.id ?? '' } });
  }

  openEditGoal(rowKey: NodeKey, goal: Goal): void {
    this.start({ kind: 'edit-goal', rowKey, goal, fields: { ...emptyFields(), ...goalFields(this.edits.goal(goal)) } });
  }

  openCreateKeyResult(rowKey: NodeKey, goal: Goal): void {
    this.start({ kind: 'create-key-result', rowKey, goal, fields: { ...emptyFields(), metric: 'number', direction: 'increase', start: '0' } });
  }

  openEditKeyResult(rowKey: NodeKey, goal: Goal, keyResult: KeyResult): void {
    this.start({ kind: 'edit-key-result', rowKey, goal, keyResult, fields: { ...emptyFields(), ...keyResultFields(this.edits.keyResult(keyResult)) } });
  }

  private start(draft: Omit<GoalFormDraft, 'touched' | 'context' | 'status'>): void {
    this.set({ ...draft, touched: new Set(), context: null, status: 'editing' });
    void this.load();
  }

  private set(draft: GoalFormDraft | null): void {
    this.draft = draft;
    this.host.requestUpdate();
  }

  /** Replaces the draft only while the same form is open (answers may arrive after it closed). */
  private patchDraft(of: GoalFormDraft, patch: Partial<GoalFormDraft>): void {
    if (this.draft && this.draft.kind === of.kind && this.draft.goal.id === of.goal.id && this.draft.keyResult?.id === of.keyResult?.id) {
      this.set({ ...this.draft, ...patch });
    }
  }

  /**
   * Loads what the form needs besides the tree's data: every sibling (the
   * tree may show only some), the cycle, and for a new goal the people it
   * may be for. After a conflict, a sibling weight the person changed
   * survives the reload; one left as it was follows the store.
   */
  private async load(): Promise<void> {
    const draft = this.draft;
    const { adapter, person } = this.tree;
    if (!draft || !adapter || !person) return;
    try {
      const [siblings, cycle, owners, directory] = await Promise.all([
        this.loadSiblings(draft),
        adapter.getCycle(draft.goal.cycleId),
        draft.kind === 'create-goal' ? this.loadOwners(draft.goal) : Promise.resolve([]),
        draft.kind === 'create-goal' ? this.loadDirectory() : Promise.resolve(undefined),
      ]);
      // Keeping an untouched weight would have the rebalance write the old value with the new version over someone else's change.
      const changedBefore = new Map(
        (this.draft?.context?.siblings ?? []).filter((sibling) => this.number(sibling.typed) !== sibling.stored).map((sibling) => [sibling.id, sibling.typed]),
      );
      const merged = siblings.map((sibling) => ({ ...sibling, typed: changedBefore.get(sibling.id) ?? sibling.typed }));
      const context: FormContext = { siblings: merged, cycle, owners, directory };
      const fields = this.draft?.fields ?? draft.fields;
      // A new item starts with what its siblings leave of 100.
      const weight = isCreate(draft.kind) && fields.weight === '' ? String(remainingWeight(merged.map((sibling) => sibling.stored))) : fields.weight;
      const due = draft.kind === 'create-key-result' && fields.due === '' && cycle ? cycle.end : fields.due;
      this.patchDraft(draft, { context, loadError: undefined, fields: { ...fields, weight, due } });
    } catch (error) {
      this.patchDraft(draft, { loadError: error instanceof TandemError ? error : undefined });
    }
  }

  private async loadSiblings(draft: GoalFormDraft): Promise<SiblingWeight[]> {
    const { adapter, person, data } = this.tree;
    if (!adapter || !person) return [];
    if (isGoalKind(draft.kind)) {
      const parentId = draft.kind === 'create-goal' ? draft.goal.id : draft.goal.parentId;
      if (parentId === null) return [];
      const goals = await adapter.listGoals({ cycleId: draft.goal.cycleId, parentId });
      const directory = data?.directory;
      return goals
        .filter((goal) => goal.id !== (draft.kind === 'edit-goal' ? draft.goal.id : '') && goal.status !== 'archived')
        .map((goal) => ({
          id: goal.id,
          title: goal.title,
          version: goal.version,
          stored: goal.weight,
          typed: String(goal.weight),
          editable: directory !== undefined && canEditGoal(person, goal, directory).allowed,
        }));
    }
    const keyResults = await adapter.listKeyResults({ goalId: draft.goal.id });
    return keyResults
      .filter((keyResult) => keyResult.id !== draft.keyResult?.id)
      .map((keyResult) => ({ id: keyResult.id, title: keyResult.title, version: keyResult.version, stored: keyResult.weight, typed: String(keyResult.weight), editable: true }));
  }

  /** Who a new goal may be for: the person, the people below them, and the parent owner's team (for HR and unit leaders). */
  private async loadOwners(parent: Goal): Promise<Person[]> {
    const { adapter, person } = this.tree;
    if (!adapter || !person) return [];
    const [mine, parentTeam] = await Promise.all([adapter.listReports(person.id, { recursive: true }), adapter.listReports(parent.ownerId)]);
    const byId = new Map<Id, Person>([[person.id, person]]);
    for (const candidate of [...mine, ...parentTeam]) byId.set(candidate.id, candidate);
    const owner = this.tree.data?.people.get(parent.ownerId);
    if (owner) byId.set(owner.id, owner);
    return [...byId.values()].sort((a, b) => displayName(a, this.tree.locale).primary.localeCompare(displayName(b, this.tree.locale).primary, this.tree.locale));
  }

  /** The tree's directory has management chains only; creating department goals needs the org units too. */
  private async loadDirectory(): Promise<OrgDirectory | undefined> {
    const { adapter, data } = this.tree;
    if (!adapter || !data) return undefined;
    const orgUnits = await adapter.listOrgUnits();
    const tree = data.directory;
    const units = directoryOf([], orgUnits);
    return { person: (id) => tree.person(id), orgUnit: (id) => units.orgUnit(id) };
  }

  /** The owners the chosen level allows, with the rule's reason when none. */
  private allowedOwners(draft: GoalFormDraft, level: GoalLevel): Person[] {
    const { person } = this.tree;
    const context = draft.context;
    if (!person || !context?.directory) return [];
    const directory = context.directory;
    return context.owners.filter((owner) => canCreateGoal(person, { level, ownerId: owner.id, orgUnitId: owner.orgUnitId }, directory).allowed);
  }

  private number(text: string): number | undefined {
    return text.trim() === '' ? undefined : Number(text);
  }

  /** The issues of the form, by field, as text; `weights` holds the siblings' total and `sibling:<id>` a sibling's weight. */
  private issues(draft: GoalFormDraft): Map<string, string> {
    const messages = new Map<string, string>();
    const add = (issue: ValidationIssue, field = issue.field) => {
      if (!messages.has(field)) messages.set(field, translateMessage(this.tree.locale, issue.message));
    };
    const { fields } = draft;
    const weight = this.number(fields.weight);
    if (isGoalKind(draft.kind)) {
      for (const issue of validateGoalFields({ title: fields.title, description: fields.description, weight })) add(issue);
      if (weight === undefined) add({ field: 'weight', message: { key: 'validation.required' } });
      if (draft.kind === 'create-goal') {
        if (fields.ownerId === '') add({ field: 'ownerId', message: { key: 'validation.required' } });
        else this.ownerRefusal(draft)?.forEach((issue) => add(issue));
      }
    } else {
      const input = {
        title: fields.title,
        metric: fields.metric as MetricKind,
        start: this.number(fields.start),
        target: this.number(fields.target),
        direction: fields.direction as Direction,
        weight,
        due: fields.due,
      };
      for (const issue of validateKeyResultFields(input, draft.context?.cycle)) add(issue);
      if ([...fields.unit].length > TITLE_MAX_LENGTH) add({ field: 'unit', message: { key: 'validation.tooLong', params: { max: TITLE_MAX_LENGTH } } });
    }
    const siblings = draft.context?.siblings ?? [];
    for (const sibling of siblings) {
      if (!sibling.editable) continue;
      const typed = this.number(sibling.typed);
      const weightIssues = typed === undefined ? [{ field: 'weight', message: { key: 'validation.required' } } as const] : validateGoalFields({ title: sibling.title, weight: typed });
      for (const issue of weightIssues) if (issue.field === 'weight') add(issue, `sibling:${sibling.id}`);
    }
    if (weight !== undefined && draft.context) {
      const weights = [weight, ...siblings.map((sibling) => (sibling.editable ? (this.number(sibling.typed) ?? 0) : sibling.stored))];
      for (const issue of validateSiblingWeights(weights)) add(issue, WEIGHTS);
    }
    return messages;
  }

  private ownerRefusal(draft: GoalFormDraft): ValidationIssue[] | undefined {
    const { person } = this.tree;
    const owner = draft.context?.owners.find((candidate) => candidate.id === draft.fields.ownerId);
    const directory = draft.context?.directory;
    if (!person || !owner || !directory) return undefined;
    const decision = canCreateGoal(person, { level: draft.fields.level as GoalLevel, ownerId: owner.id, orgUnitId: owner.orgUnitId }, directory);
    return decision.allowed ? undefined : [{ field: 'ownerId', message: decision.reason }];
  }

  private edit(field: FormField, value: string, touch: boolean): void {
    const draft = this.draft;
    if (!draft) return;
    const touched = touch && !draft.touched.has(field) ? new Set([...draft.touched, field]) : draft.touched;
    let fields = { ...draft.fields, [field]: value };
    // A new level may rule the chosen owner out: pick the first allowed one.
    if (field === 'level' && draft.kind === 'create-goal') {
      const allowed = this.allowedOwners(draft, value as GoalLevel);
      if (!allowed.some((owner) => owner.id === fields.ownerId)) fields = { ...fields, ownerId: allowed[0]?.id ?? '' };
    }
    this.set({ ...draft, fields, touched });
  }

  private editSibling(id: Id, value: string): void {
    const draft = this.draft;
    if (!draft?.context) return;
    const siblings = draft.context.siblings.map((sibling) => (sibling.id === id ? { ...sibling, typed: value } : sibling));
    this.set({ ...draft, context: { ...draft.context, siblings }, touched: new Set([...draft.touched, WEIGHTS, `sibling:${id}`]) });
  }

  /** Splits what the locked siblings leave equally between this item and the siblings the person may change. */
  private shareEqually(): void {
    const draft = this.draft;
    if (!draft?.context) return;
    const locked = weightTotal(draft.context.siblings.filter((sibling) => !sibling.editable).map((sibling) => sibling.stored));
    const editable = draft.context.siblings.filter((sibling) => sibling.editable);
    const [own = 0, ...shares] = shareEqually(100 - locked, editable.length + 1);
    const byId = new Map(editable.map((sibling, index) => [sibling.id, shares[index] ?? 0]));
    const siblings = draft.context.siblings.map((sibling) => (byId.has(sibling.id) ? { ...sibling, typed: String(byId.get(sibling.id)) } : sibling));
    this.set({ ...draft, fields: { ...draft.fields, weight: String(own) }, context: { ...draft.context, siblings }, touched: new Set([...draft.touched, WEIGHTS, 'weight']) });
  }

  /** The siblings whose typed weight differs from the stored one, as the adapter takes them. */
  private rebalance(draft: GoalFormDraft): WeightChange[] {
    return (draft.context?.siblings ?? []).flatMap((sibling) => {
      const typed = this.number(sibling.typed);
      return sibling.editable && typed !== undefined && typed !== sibling.stored ? [{ id: sibling.id, version: sibling.version, weight: typed }] : [];
    });
  }

  private fieldsOfKind(kind: GoalFormKind): readonly string[] {
    const own: readonly string[] = isGoalKind(kind) ? GOAL_FIELDS : KEY_RESULT_FIELDS;
    return [...own, WEIGHTS, ...(this.draft?.context?.siblings ?? []).map((sibling) => `sibling:${sibling.id}`)];
  }

  /**
   * Saves: edits show on the row at once and go back if refused; a new goal
   * or key result appears when the store has it, and gets the focus. The
   * dialog keeps what was typed through a failure or a conflict.
   */
  private async save(): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || !adapter || !draft.context || draft.status === 'saving' || draft.status === 'reloading') return;
    const issues = this.issues(draft);
    const order = this.fieldsOfKind(draft.kind);
    const invalid = order.find((field) => issues.has(field));
    if (invalid) {
      this.set({ ...draft, touched: new Set(order) });
      const id = invalid === WEIGHTS ? 'goal-form-weight' : invalid.startsWith('sibling:') ? `goal-form-${invalid.replace(':', '-')}` : `goal-form-${invalid}`;
      await this.focusControl('goal-form', `#${CSS.escape(id)}`);
      return;
    }
    const { fields } = draft;
    const weight = Number(fields.weight);
    const rebalance = this.rebalance(draft);
    this.set({ ...draft, status: 'saving', error: undefined });
    try {
      switch (draft.kind) {
        case 'create-goal': {
          const parent = draft.goal;
          const owner = draft.context.owners.find((candidate) => candidate.id === fields.ownerId);
          const created = await adapter.createGoal({
            cycleId: parent.cycleId,
            level: fields.level as GoalLevel,
            ownerId: fields.ownerId,
            orgUnitId: owner?.orgUnitId,
            parentId: parent.id,
            strategyIds: [...parent.strategyIds],
            title: fields.title,
            description: fields.description,
            weight,
            rebalance,
          });
          this.finish(draft, goalNodeKey(created.id));
          this.tree.announce(this.tree.t('goalTree.announce.created', { title: created.title }));
          this.tree.dispatch(new TandemGoalChangeEvent(created, 'created'));
          break;
        }
        case 'edit-goal': {
          // Only what the person changed is written; the version check guards the rest too, but a field not sent cannot be overwritten.
          const patch = changedFrom(draft.goal, { title: fields.title.trim(), description: fields.description, weight });
          this.edits.setGoal(draft.goal.id, { patch });
          try {
            const stored = await adapter.updateGoal(draft.goal.id, draft.goal.version, { ...patch, rebalance });
            this.edits.setGoal(stored.id, { patch, version: stored.version });
            this.finish(draft, draft.rowKey);
            this.tree.announce(this.tree.t('goalTree.announce.saved', { title: stored.title }));
            this.tree.dispatch(new TandemGoalChangeEvent(stored, 'edited'));
          } catch (error) {
            this.edits.setGoal(draft.goal.id, undefined);
            throw error;
          }
          break;
        }
        case 'create-key-result': {
          const created = await adapter.createKeyResult({ goalId: draft.goal.id, ...this.keyResultInput(fields), weight, rebalance });
          this.finish(draft, keyResultNodeKey(created.id));
          this.tree.announce(this.tree.t('goalTree.announce.created', { title: created.title }));
          this.tree.dispatch(new TandemGoalChangeEvent(draft.goal, 'edited', created));
          break;
        }
        case 'edit-key-result': {
          const keyResult = draft.keyResult!;
          const patch = changedFrom(keyResult, { ...this.keyResultInput(fields), weight });
          this.edits.setKeyResult(keyResult.id, { patch });
          try {
            const stored = await adapter.updateKeyResult(keyResult.id, keyResult.version, { ...patch, rebalance });
            this.edits.setKeyResult(stored.id, { patch, version: stored.version });
            this.finish(draft, draft.rowKey);
            this.tree.announce(this.tree.t('goalTree.announce.saved', { title: stored.title }));
            this.tree.dispatch(new TandemGoalChangeEvent(draft.goal, 'edited', stored));
          } catch (error) {
            this.edits.setKeyResult(keyResult.id, undefined);
            throw error;
          }
          break;
        }
      }
    } catch (error) {
      this.patchDraft(draft, { ...failureOf(error), reloaded: false });
    }
  }

  private keyResultInput(fields: GoalFormDraft['fields']) {
    return {
      title: fields.title.trim(),
      metric: fields.metric as MetricKind,
      unit: fields.metric === 'percent' || fields.metric === 'binary' ? '' : fields.unit.trim(),
      start: Number(fields.start),
      target: Number(fields.target),
      direction: fields.direction as Direction,
      due: fields.due,
    };
  }

  /** Closes the dialog and has the tree show (and focus) the row once the store's change reaches it. */
  private finish(draft: GoalFormDraft, rowKey: NodeKey): void {
    if (this.draft !== draft && this.draft?.goal.id !== draft.goal.id) return;
    this.draft = { ...this.draft!, rowKey };
    this.tree.reveal(rowKey, draft.kind === 'create-key-result' || draft.kind === 'create-goal' ? draft.rowKey : undefined);
    this.close();
  }

  /**
   * After a conflict: the record and its siblings as stored now. A field the
   * person changed keeps what they typed; one still showing the old stored
   * value follows the new one, so the retry does not write the old value back
   * over someone else's change (as AdjustFlow.loadLatest does).
   */
  private async loadLatest(): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || !adapter) return;
    this.set({ ...draft, status: 'reloading' });
    try {
      const goal = await adapter.getGoal(draft.goal.id);
      const keyResult = draft.keyResult ? await adapter.getKeyResult(draft.keyResult.id) : undefined;
      const current = this.draft;
      if (!current || current.kind !== draft.kind || current.goal.id !== goal.id) return;
      const old = storedFields(current.kind, current.goal, current.keyResult);
      const latest = storedFields(current.kind, goal, keyResult);
      const fields: Record<FormField, string> = { ...current.fields };
      for (const field of Object.keys(latest) as FormField[]) {
        if (current.fields[field] === old[field]) fields[field] = latest[field] ?? fields[field];
      }
      // Still reloading until the siblings' versions and weights are in: a save before then would conflict again.
      this.set({ ...current, goal, keyResult, fields });
      await this.load();
      this.patchDraft(draft, { status: 'editing', error: undefined, reloaded: true });
    } catch (error) {
      this.patchDraft(draft, { status: 'failed', error: error instanceof TandemError ? error : undefined });
    }
  }

  /**
   * Closes the dialog and forgets the draft at once, focus back on its row:
   * not in the close event, a task later, which would forget a draft opened
   * meanwhile.
   */
  private close(): void {
    const draft = this.draft;
    this.dialog('goal-form')?.close();
    if (!draft) return;
    this.set(null);
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
    void this.save();
  };

  render() {
    const draft = this.draft;
    return html`<dialog part="dialog" class="tree-dialog goal-form" aria-labelledby="goal-form-heading" @close=${this.onClose} @cancel=${this.onCancel}>
      ${draft ? this.renderForm(draft) : nothing}
    </dialog>`;
  }

  private heading(draft: GoalFormDraft): string {
    const { t } = this.tree;
    switch (draft.kind) {
      case 'create-goal':
        return t('goalTree.form.createGoalTitle', { parent: draft.goal.title });
      case 'edit-goal':
        return t('goalTree.form.editGoalTitle', { title: draft.goal.title });
      case 'create-key-result':
        return t('goalTree.form.createKeyResultTitle', { goal: draft.goal.title });
      case 'edit-key-result':
        return t('goalTree.form.editKeyResultTitle', { title: draft.keyResult?.title ?? '' });
    }
  }

  private renderForm(draft: GoalFormDraft) {
    const { t } = this.tree;
    const busy = draft.status === 'saving' || draft.status === 'reloading' || draft.context === null;
    const issues = this.issues(draft);
    const shown = (field: string) => (draft.touched.has(field) ? issues.get(field) : undefined);
    return html`<form novalidate @submit=${this.onSubmit}>
      <h2 id="goal-form-heading">${this.heading(draft)}</h2>
      ${isGoalKind(draft.kind) ? this.renderGoalFields(draft, shown) : this.renderKeyResultFields(draft, shown)}
      ${this.renderWeights(draft, shown)}
      ${renderSaveStatus(this.tree, draft, {
        conflict: t('goalTree.form.conflict'),
        reloadLabel: t('goalTree.form.loadLatest'),
        reload: () => void this.loadLatest(),
        retry: () => void this.save(),
        reloaded: t('goalTree.form.loadedLatest'),
      })}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()} ?disabled=${draft.status === 'saving'}>${t('action.cancel')}</button>
        <button type="submit" class="button" data-variant="primary" aria-disabled=${busy ? 'true' : 'false'}>
          ${draft.status === 'saving' ? t('goalTree.form.saving') : isCreate(draft.kind) ? t('goalTree.form.create') : t('action.save')}
        </button>
      </div>
    </form>`;
  }

  /** A field of this form: its id is `goal-form-<name>`. */
  private field(
    name: string,
    label: string,
    error: string | undefined,
    control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => TemplateResult,
    hint?: string,
  ) {
    return renderField(`goal-form-${name}`, label, { error, hint }, control);
  }

  private onInput = (name: FormField, touch: boolean) => (event: Event) =>
    this.edit(name, (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value, touch);

  private renderTitleField(title: string, error: string | undefined) {
    return this.field('title', this.tree.t('goalTree.form.title'), error, (describedBy, invalid) => html`<input
      id="goal-form-title"
      name="title"
      autocomplete="off"
      .value=${title}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      @input=${this.onInput('title', false)}
      @change=${this.onInput('title', true)}
    />`);
  }

  private renderGoalFields(draft: GoalFormDraft, shown: (field: string) => string | undefined) {
    const { t, locale } = this.tree;
    const { fields } = draft;
    const levels = draft.kind === 'create-goal' ? CHILD_LEVELS[draft.goal.level] : [];
    const owners = draft.kind === 'create-goal' ? this.allowedOwners(draft, fields.level as GoalLevel) : [];
    return html`${this.renderTitleField(fields.title, shown('title'))}
      ${this.field('description', t('goalTree.form.description'), shown('description'), (describedBy, invalid) => html`<textarea
        id="goal-form-description"
        name="description"
        rows="3"
        .value=${fields.description}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        @input=${this.onInput('description', false)}
        @change=${this.onInput('description', true)}
      ></textarea>`)}
      ${draft.kind === 'create-goal'
        ? html`<div class="field-row">
            ${this.field('level', t('goalTree.form.level'), shown('level'), (describedBy, invalid) => html`<select
              id="goal-form-level"
              name="level"
              aria-invalid=${invalid}
              aria-describedby=${describedBy}
              @change=${this.onInput('level', true)}
            >
              ${levels.map((level) => html`<option value=${level} ?selected=${fields.level === level}>${t(`goalLevel.${level}`)}</option>`)}
            </select>`)}
            ${this.field(
              'ownerId',
              t('goalTree.form.owner'),
              shown('ownerId') ?? (draft.context && owners.length === 0 ? t('goalTree.form.noOwners') : undefined),
              (describedBy, invalid) => html`<select
                id="goal-form-ownerId"
                name="ownerId"
                aria-invalid=${invalid}
                aria-describedby=${describedBy}
                ?disabled=${owners.length === 0}
                @change=${this.onInput('ownerId', true)}
              >
                ${owners.map((owner) => html`<option value=${owner.id} ?selected=${fields.ownerId === owner.id}>${displayName(owner, locale).primary}</option>`)}
              </select>`,
            )}
          </div>`
        : nothing}`;
  }

  private renderKeyResultFields(draft: GoalFormDraft, shown: (field: string) => string | undefined) {
    const { t, format } = this.tree;
    const { fields } = draft;
    const cycle = draft.context?.cycle;
    const hasUnit = fields.metric !== 'percent' && fields.metric !== 'binary';
    // Text with a numeric keyboard, not type="number": that reads "" while a value is half typed ("-", "1e"), and
    // the draft written back from it cleared what the person was typing.
    const numberInput = (name: 'start' | 'target') => (describedBy: string | typeof nothing, invalid: 'true' | 'false') => html`<input
      id=${`goal-form-${name}`}
      name=${name}
      type="text"
      inputmode="decimal"
      autocomplete="off"
      .value=${fields[name]}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      @input=${this.onInput(name, false)}
      @change=${this.onInput(name, true)}
    />`;
    return html`${this.renderTitleField(fields.title, shown('title'))}
      <div class="field-row">
        ${this.field('metric', t('goalTree.form.metric'), shown('metric'), (describedBy, invalid) => html`<select
          id="goal-form-metric"
          name="metric"
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          @change=${this.onInput('metric', true)}
        >
          ${METRIC_KINDS.map((metric) => html`<option value=${metric} ?selected=${fields.metric === metric}>${t(`metricKind.${metric}`)}</option>`)}
        </select>`)}
        ${hasUnit
          ? this.field(
              'unit',
              t('goalTree.form.unit'),
              shown('unit'),
              (describedBy, invalid) => html`<input
                id="goal-form-unit"
                name="unit"
                autocomplete="off"
                .value=${fields.unit}
                aria-invalid=${invalid}
                aria-describedby=${describedBy}
                @input=${this.onInput('unit', false)}
                @change=${this.onInput('unit', true)}
              />`,
              fields.metric === 'currency' ? t('goalTree.form.currencyHint') : undefined,
            )
          : nothing}
        ${this.field('direction', t('goalTree.form.direction'), shown('direction'), (describedBy, invalid) => html`<select
          id="goal-form-direction"
          name="direction"
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          @change=${this.onInput('direction', true)}
        >
          ${DIRECTIONS.map((direction) => html`<option value=${direction} ?selected=${fields.direction === direction}>${t(`direction.${direction}`)}</option>`)}
        </select>`)}
      </div>
      <div class="field-row">
        ${this.field('start', t('goalTree.form.start'), shown('start'), numberInput('start'))}
        ${this.field('target', t('goalTree.form.target'), shown('target'), numberInput('target'))}
        ${this.field(
          'due',
          t('goalTree.form.due'),
          shown('due'),
          (describedBy, invalid) => html`<input
            id="goal-form-due"
            name="due"
            type="date"
            min=${cycle?.start ?? nothing}
            max=${cycle?.end ?? nothing}
            .value=${fields.due}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            @input=${this.onInput('due', false)}
            @change=${this.onInput('due', true)}
          />`,
          cycle ? t('goalTree.form.dueHint', { start: format.date(cycle.start), end: format.date(cycle.end) }) : undefined,
        )}
      </div>`;
  }

  /** This item's weight with its siblings', the running total, and a way to share the rest equally. */
  private renderWeights(draft: GoalFormDraft, shown: (field: string) => string | undefined) {
    const { t, format } = this.tree;
    const context = draft.context;
    const ownIssue = shown('weight');
    const totalIssue = shown(WEIGHTS);
    const siblings = context?.siblings ?? [];
    const typedWeight = this.number(draft.fields.weight) ?? 0;
    const total = weightTotal([typedWeight, ...siblings.map((sibling) => (sibling.editable ? (this.number(sibling.typed) ?? 0) : sibling.stored))]);
    const describedBy = ['goal-form-weights-total', ownIssue ? 'goal-form-weight-error' : '', totalIssue ? 'goal-form-weights-error' : ''].filter(Boolean).join(' ');
    const legend = isGoalKind(draft.kind) ? t('goalTree.form.goalWeights') : t('goalTree.form.keyResultWeights');
    return html`<fieldset class="weights">
      <legend>${legend}</legend>
      ${draft.loadError
        ? html`<div class="form-error" role="alert">
            <span>${draft.loadError.localizedMessage(this.tree.locale)}</span>
            <button type="button" class="button" @click=${() => void this.load()}>${t('action.retry')}</button>
          </div>`
        : nothing}
      ${context === null && !draft.loadError ? html`<p class="hint" role="status">${t('state.loading')}</p>` : nothing}
      <div class="weight-row own">
        <label for="goal-form-weight">${isCreate(draft.kind) ? t('goalTree.form.thisNew') : t('goalTree.form.thisOne')}</label>
        <input
          id="goal-form-weight"
          name="weight"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${draft.fields.weight}
          aria-invalid=${ownIssue || totalIssue ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${this.onInput('weight', false)}
          @change=${this.onInput('weight', true)}
        />
        <span class="percent-sign" aria-hidden="true">%</span>
      </div>
      ${ownIssue ? html`<span class="field-error" id="goal-form-weight-error">${ownIssue}</span>` : nothing}
      ${siblings.map((sibling) => {
        const id = `goal-form-sibling-${sibling.id}`;
        const issue = shown(`sibling:${sibling.id}`);
        return html`<div class="weight-row" data-sibling=${sibling.id}>
            <label for=${sibling.editable ? id : nothing} id=${`${id}-label`}>${sibling.title}</label>
            ${sibling.editable
              ? html`<input
                  id=${id}
                  type="text"
                  inputmode="decimal"
                  autocomplete="off"
                  .value=${sibling.typed}
                  aria-invalid=${issue ? 'true' : 'false'}
                  aria-describedby=${issue ? `${id}-error` : nothing}
                  @input=${(event: Event) => this.editSibling(sibling.id, (event.target as HTMLInputElement).value)}
                />`
              : html`<span class="locked-weight" title=${t('goalTree.form.lockedWeight')}>${format.number(sibling.stored)}</span>`}
            <span class="percent-sign" aria-hidden="true">%</span>
          </div>
          ${issue ? html`<span class="field-error" id=${`${id}-error`}>${issue}</span>` : nothing}`;
      })}
      <div class="weights-total">
        <span id="goal-form-weights-total" role="status">${t('goalTree.form.total', { total: format.number(total) })}</span>
        ${siblings.length > 0
          ? html`<button type="button" class="button" data-action="share-equally" @click=${() => this.shareEqually()}>${t('goalTree.form.shareEqually')}</button>`
          : nothing}
      </div>
      ${totalIssue ? html`<span class="field-error" id="goal-form-weights-error">${totalIssue}</span>` : nothing}
      ${siblings.some((sibling) => !sibling.editable) ? html`<p class="hint">${t('goalTree.form.lockedWeight')}</p>` : nothing}
    </fieldset>`;
  }
}

/** A goal's stored values as the form's text. */
function goalFields(goal: Goal): Record<(typeof GOAL_EDIT_FIELDS)[number], string> {
  return { title: goal.title, description: goal.description, weight: String(goal.weight) };
}

/** A key result's stored values as the form's text. */
function keyResultFields(keyResult: KeyResult): Record<(typeof KEY_RESULT_FIELDS)[number], string> {
  return {
    title: keyResult.title,
    metric: keyResult.metric,
    unit: keyResult.unit,
    start: String(keyResult.start),
    target: String(keyResult.target),
    direction: keyResult.direction,
    due: keyResult.due,
    weight: String(keyResult.weight),
  };
}

/** What the edited record holds, as text: typed text equal to it was not changed by the person. */
function storedFields(kind: GoalFormKind, goal: Goal, keyResult: KeyResult | undefined): Partial<Record<FormField, string>> {
  if (kind === 'edit-goal') return goalFields(goal);
  if (kind === 'edit-key-result' && keyResult) return keyResultFields(keyResult);
  return {};
}

/** The values that differ from the record read. */
function changedFrom<T, K extends keyof T>(record: T, values: Pick<T, K>): Partial<Pick<T, K>> {
  const changed: Partial<Pick<T, K>> = {};
  for (const key of Object.keys(values) as K[]) if (values[key] !== record[key]) changed[key] = values[key];
  return changed;
}

function emptyFields(): Record<FormField, string> {
  return { title: '', description: '', level: '', ownerId: '', weight: '', metric: '', unit: '', start: '', target: '', direction: '', due: '' };
}
