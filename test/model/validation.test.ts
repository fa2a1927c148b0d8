import { expect } from '@open-wc/testing';
import {
  DESCRIPTION_MAX_LENGTH,
  FEEDBACK_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  isIsoDate,
  validateAdjustment,
  validateCheckInFields,
  validateCycleFields,
  validateFeedbackBody,
  validateGoalFields,
  validateKeyResultFields,
  validateKpiFields,
  validateRejection,
  validateSiblingWeights,
  type ValidationIssue,
} from '../../src/model/validation.js';

// Issues as the validators build them, so each expectation reads as the rule it proves.
const required = (field: string): ValidationIssue => ({ field, message: { key: 'validation.required' } });
const tooLong = (field: string, max: number): ValidationIssue => ({ field, message: { key: 'validation.tooLong', params: { max } } });
const notANumber = (field: string): ValidationIssue => ({ field, message: { key: 'validation.notANumber' } });
const outOfRange = (field: string, min: string, max: string): ValidationIssue => ({
  field,
  message: { key: 'validation.outOfRange', params: { min, max } },
});
const notAllowed = (field: string): ValidationIssue => ({ field, message: { key: 'validation.notAllowedValue' } });
const invalidDate = (field: string): ValidationIssue => ({ field, message: { key: 'validation.invalidDate' } });

describe('isIsoDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    expect(['2026-01-01', '2026-02-28', '2024-02-29', '2026-12-31'].map(isIsoDate)).to.deep.equal([true, true, true, true]);
  });

  it('refuses impossible dates, other formats and other types', () => {
    const refused = ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '2026-01-01T00:00:00Z', ' 2026-01-01', ''];
    expect(refused.map(isIsoDate)).to.deep.equal(refused.map(() => false));
    expect([20260101, null, undefined, new Date(2026, 0, 1)].map(isIsoDate)).to.deep.equal([false, false, false, false]);
  });
});

describe('validateGoalFields', () => {
  it('accepts a complete goal', () => {
    expect(validateGoalFields({ title: 'Make checkout faster', description: 'p95 under 1 s', weight: 40 })).to.deep.equal([]);
    expect(validateGoalFields({ title: 'x', weight: 0 })).to.deep.equal([]);
    expect(validateGoalFields({ title: 'x', weight: 100 })).to.deep.equal([]);
  });

  it('requires a title that says something', () => {
    expect(validateGoalFields({})).to.deep.equal([required('title')]);
    expect(validateGoalFields({ title: '' })).to.deep.equal([required('title')]);
    expect(validateGoalFields({ title: '  \n ' })).to.deep.equal([required('title')]);
  });

  it('limits lengths, counting characters as a person does', () => {
    expect(validateGoalFields({ title: 'a'.repeat(TITLE_MAX_LENGTH) })).to.deep.equal([]);
    expect(validateGoalFields({ title: 'a'.repeat(TITLE_MAX_LENGTH + 1) })).to.deep.equal([tooLong('title', 200)]);
    expect(validateGoalFields({ title: '目'.repeat(200) })).to.deep.equal([]);
    // 200 emoji are 400 UTF-16 units but 200 characters.
    expect(validateGoalFields({ title: '🚀'.repeat(200) })).to.deep.equal([]);
    expect(validateGoalFields({ title: 'x', description: 'd'.repeat(DESCRIPTION_MAX_LENGTH) })).to.deep.equal([]);
    expect(validateGoalFields({ title: 'x', description: 'd'.repeat(4001) })).to.deep.equal([tooLong('description', 4000)]);
  });

  it('keeps the weight a finite number from 0 to 100', () => {
    expect(validateGoalFields({ title: 'x', weight: -1 })).to.deep.equal([outOfRange('weight', '0', '100')]);
    expect(validateGoalFields({ title: 'x', weight: 100.5 })).to.deep.equal([outOfRange('weight', '0', '100')]);
    expect(validateGoalFields({ title: 'x', weight: Number.NaN })).to.deep.equal([notANumber('weight')]);
    expect(validateGoalFields({ title: 'x', weight: Number.POSITIVE_INFINITY })).to.deep.equal([notANumber('weight')]);
  });

  it('refuses text fields that are not text', () => {
    const input = { title: 42, description: ['d'] } as unknown as Parameters<typeof validateGoalFields>[0];
    expect(validateGoalFields(input)).to.deep.equal([notAllowed('title'), notAllowed('description')]);
  });

  it('reports every field in order, one issue each', () => {
    expect(validateGoalFields({ title: ' ', description: 'd'.repeat(4001), weight: Number.NaN })).to.deep.equal([
      required('title'),
      tooLong('description', 4000),
      notANumber('weight'),
    ]);
  });

  it('in partial mode, skips absent fields but checks present ones fully', () => {
    expect(validateGoalFields({}, { partial: true })).to.deep.equal([]);
    expect(validateGoalFields({ weight: 30 }, { partial: true })).to.deep.equal([]);
    expect(validateGoalFields({ title: ' ' }, { partial: true })).to.deep.equal([required('title')]);
    expect(validateGoalFields({ weight: 150 }, { partial: true })).to.deep.equal([outOfRange('weight', '0', '100')]);
  });
});

describe('validateKeyResultFields', () => {
  const cycle = { start: '2026-01-01', end: '2026-06-30' };
  const valid = {
    title: 'Cut p95 page load',
    metric: 'number',
    start: 0,
    target: 10,
    current: 0,
    direction: 'increase',
    weight: 50,
    due: '2026-03-31',
  } as const;
  const directionMismatch: ValidationIssue = { field: 'target', message: { key: 'validation.directionMismatch' } };
  const targetEqualsStart: ValidationIssue = { field: 'target', message: { key: 'validation.targetEqualsStart' } };
  const binaryValue = (field: string): ValidationIssue => ({ field, message: { key: 'validation.binaryValue' } });
  const wholeNumber = (field: string): ValidationIssue => ({ field, message: { key: 'validation.wholeNumber' } });

  it('accepts a complete key result', () => {
    expect(validateKeyResultFields(valid, cycle)).to.deep.equal([]);
    expect(validateKeyResultFields({ ...valid, current: undefined }, cycle)).to.deep.equal([]);
    expect(validateKeyResultFields({ ...valid, start: 1200, target: 800, current: 1100, direction: 'decrease' })).to.deep.equal([]);
    expect(validateKeyResultFields({ ...valid, start: -50, target: -10 })).to.deep.equal([]);
  });

  it('requires every field but current, in order', () => {
    expect(validateKeyResultFields({})).to.deep.equal(
      ['title', 'metric', 'start', 'target', 'direction', 'weight', 'due'].map(required),
    );
  });

  it('in partial mode, skips absent fields and checks across fields only when both are present', () => {
    expect(validateKeyResultFields({}, cycle, { partial: true })).to.deep.equal([]);
    expect(validateKeyResultFields({ target: 5 }, cycle, { partial: true })).to.deep.equal([]);
    expect(validateKeyResultFields({ start: 3, target: 3 }, cycle, { partial: true })).to.deep.equal([targetEqualsStart]);
    expect(validateKeyResultFields({ metric: 'binary', target: 3 }, cycle, { partial: true })).to.deep.equal([
      binaryValue('target'),
    ]);
    expect(validateKeyResultFields({ due: '2027-01-01' }, cycle, { partial: true })).to.deep.equal([
      { field: 'due', message: { key: 'validation.dueOutsideCycle', params: { start: '2026-01-01', end: '2026-06-30' } } },
    ]);
  });

  it('refuses a target equal to the start', () => {
    expect(validateKeyResultFields({ ...valid, start: 10, target: 10 })).to.deep.equal([targetEqualsStart]);
  });

  it('keeps the target on the side of the start that the direction says', () => {
    expect(validateKeyResultFields({ ...valid, start: 10, target: 5, direction: 'increase' })).to.deep.equal([directionMismatch]);
    expect(validateKeyResultFields({ ...valid, start: 5, target: 10, direction: 'decrease' })).to.deep.equal([directionMismatch]);
    expect(validateKeyResultFields({ ...valid, start: 10, target: 5, direction: 'decrease' })).to.deep.equal([]);
  });

  it('refuses unknown metrics and directions', () => {
    const input = { ...valid, metric: 'ratio', direction: 'up' } as unknown as Parameters<typeof validateKeyResultFields>[0];
    expect(validateKeyResultFields(input)).to.deep.equal([notAllowed('metric'), notAllowed('direction')]);
  });

  it('refuses values that are not finite numbers, without a cross-field issue on top', () => {
    expect(validateKeyResultFields({ ...valid, start: Number.NaN })).to.deep.equal([notANumber('start')]);
    expect(validateKeyResultFields({ ...valid, current: Number.NEGATIVE_INFINITY })).to.deep.equal([notANumber('current')]);
  });

  it('keeps binary results at 0 or 1', () => {
    const binary = { ...valid, metric: 'binary', start: 0, target: 1, current: 0 } as const;
    expect(validateKeyResultFields(binary)).to.deep.equal([]);
    expect(validateKeyResultFields({ ...binary, start: 1, target: 0, current: 1, direction: 'decrease' })).to.deep.equal([]);
    expect(validateKeyResultFields({ ...binary, target: 2 })).to.deep.equal([binaryValue('target')]);
    expect(validateKeyResultFields({ ...binary, start: 0.5, current: 0.5 })).to.deep.equal([
      binaryValue('start'),
      binaryValue('current'),
    ]);
  });

  it('keeps percent results from 0 to 100', () => {
    const percent = { ...valid, metric: 'percent', start: 0, target: 100, current: 40 } as const;
    expect(validateKeyResultFields(percent)).to.deep.equal([]);
    expect(validateKeyResultFields({ ...percent, target: 120 })).to.deep.equal([outOfRange('target', '0', '100')]);
    expect(validateKeyResultFields({ ...percent, start: -5 })).to.deep.equal([outOfRange('start', '0', '100')]);
  });

  it('counts milestones in whole numbers from 0', () => {
    const milestones = { ...valid, metric: 'milestone', start: 0, target: 4, current: 1 } as const;
    expect(validateKeyResultFields(milestones)).to.deep.equal([]);
    expect(validateKeyResultFields({ ...milestones, target: 2.5 })).to.deep.equal([wholeNumber('target')]);
    expect(validateKeyResultFields({ ...milestones, start: -1 })).to.deep.equal([wholeNumber('start')]);
  });

  it('keeps the weight from 0 to 100', () => {
    expect(validateKeyResultFields({ ...valid, weight: 101 })).to.deep.equal([outOfRange('weight', '0', '100')]);
    expect(validateKeyResultFields({ ...valid, weight: -0.5 })).to.deep.equal([outOfRange('weight', '0', '100')]);
  });

  it('needs a real due date inside the cycle, bounds included', () => {
    expect(validateKeyResultFields({ ...valid, due: '2026-02-30' }, cycle)).to.deep.equal([invalidDate('due')]);
    expect(validateKeyResultFields({ ...valid, due: 'next week' }, cycle)).to.deep.equal([invalidDate('due')]);
    expect(validateKeyResultFields({ ...valid, due: '2026-01-01' }, cycle)).to.deep.equal([]);
    expect(validateKeyResultFields({ ...valid, due: '2026-06-30' }, cycle)).to.deep.equal([]);
    const outside = {
      field: 'due',
      message: { key: 'validation.dueOutsideCycle', params: { start: '2026-01-01', end: '2026-06-30' } },
    };
    expect(validateKeyResultFields({ ...valid, due: '2026-07-01' }, cycle)).to.deep.equal([outside]);
    expect(validateKeyResultFields({ ...valid, due: '2025-12-31' }, cycle)).to.deep.equal([outside]);
    // Without a cycle, any real date will do.
    expect(validateKeyResultFields({ ...valid, due: '2030-07-01' })).to.deep.equal([]);
  });
});

describe('validateSiblingWeights', () => {
  const weightsSum = (total: string, field = 'weight'): ValidationIssue => ({
    field,
    message: { key: 'validation.weightsSum', params: { total } },
  });

  it('accepts weights that add up to 100, within 0.01, and an empty list', () => {
    expect(validateSiblingWeights([])).to.deep.equal([]);
    expect(validateSiblingWeights([100])).to.deep.equal([]);
    expect(validateSiblingWeights([50, 30, 20])).to.deep.equal([]);
    expect(validateSiblingWeights([33.33, 33.33, 33.33])).to.deep.equal([]);
    expect(validateSiblingWeights([33.33, 33.33, 33.35])).to.deep.equal([]);
  });

  it('names the total plainly when it is off', () => {
    expect(validateSiblingWeights([60, 30])).to.deep.equal([weightsSum('90%')]);
    expect(validateSiblingWeights([60, 50])).to.deep.equal([weightsSum('110%')]);
    expect(validateSiblingWeights([33.3, 33.3, 33.3])).to.deep.equal([weightsSum('99.9%')]);
    expect(validateSiblingWeights([33.333, 33.333])).to.deep.equal([weightsSum('66.67%')]);
    expect(validateSiblingWeights([0, 0])).to.deep.equal([weightsSum('0%')]);
  });

  it('reports on the field given, and refuses weights that are not numbers', () => {
    expect(validateSiblingWeights([10], 'keyResults')).to.deep.equal([weightsSum('10%', 'keyResults')]);
    expect(validateSiblingWeights([Number.NaN, 50])).to.deep.equal([notANumber('weight')]);
  });
});

describe('validateCheckInFields', () => {
  it('accepts a complete check-in', () => {
    expect(validateCheckInFields({ value: 5, confidence: 0.7, note: 'Shipped the cache', blockers: '' })).to.deep.equal([]);
    expect(validateCheckInFields({ value: -3.5, confidence: 0 })).to.deep.equal([]);
    expect(validateCheckInFields({ value: 0.5, confidence: 1 })).to.deep.equal([]);
  });

  it('requires a value and a confidence, except in partial mode', () => {
    expect(validateCheckInFields({})).to.deep.equal([required('value'), required('confidence')]);
    expect(validateCheckInFields({}, undefined, { partial: true })).to.deep.equal([]);
  });

  it('needs a finite value and a confidence from 0 to 1', () => {
    expect(validateCheckInFields({ value: Number.NaN, confidence: 1.2 })).to.deep.equal([
      notANumber('value'),
      outOfRange('confidence', '0', '1'),
    ]);
    expect(validateCheckInFields({ value: 1, confidence: -0.1 })).to.deep.equal([outOfRange('confidence', '0', '1')]);
  });

  it('fits the value to the key result\'s metric', () => {
    expect(validateCheckInFields({ value: 1, confidence: 1 }, { metric: 'binary' })).to.deep.equal([]);
    expect(validateCheckInFields({ value: 0.5, confidence: 1 }, { metric: 'binary' })).to.deep.equal([
      { field: 'value', message: { key: 'validation.binaryValue' } },
    ]);
    expect(validateCheckInFields({ value: 101, confidence: 1 }, { metric: 'percent' })).to.deep.equal([
      outOfRange('value', '0', '100'),
    ]);
    expect(validateCheckInFields({ value: 1.5, confidence: 1 }, { metric: 'milestone' })).to.deep.equal([
      { field: 'value', message: { key: 'validation.wholeNumber' } },
    ]);
    expect(validateCheckInFields({ value: 1.5, confidence: 1 }, { metric: 'currency' })).to.deep.equal([]);
  });

  it('limits the note and the blockers', () => {
    const long = 'n'.repeat(NOTE_MAX_LENGTH + 1);
    expect(validateCheckInFields({ value: 1, confidence: 1, note: 'n'.repeat(NOTE_MAX_LENGTH) })).to.deep.equal([]);
    expect(validateCheckInFields({ value: 1, confidence: 1, note: long, blockers: long })).to.deep.equal([
      tooLong('note', 2000),
      tooLong('blockers', 2000),
    ]);
  });
});

describe('validateAdjustment and validateRejection', () => {
  it('require a reason for an adjustment', () => {
    const reasonRequired: ValidationIssue = { field: 'reason', message: { key: 'validation.reasonRequired' } };
    expect(validateAdjustment({ reason: 'The market moved: the launch slips a quarter.' })).to.deep.equal([]);
    expect(validateAdjustment({})).to.deep.equal([reasonRequired]);
    expect(validateAdjustment({ reason: '   ' })).to.deep.equal([reasonRequired]);
    expect(validateAdjustment({ reason: 'r'.repeat(2001) })).to.deep.equal([tooLong('reason', 2000)]);
  });

  it('require a comment for a rejection', () => {
    const commentRequired: ValidationIssue = { field: 'comment', message: { key: 'validation.rejectionCommentRequired' } };
    expect(validateRejection({ comment: 'Too vague: add a number to the first key result.' })).to.deep.equal([]);
    expect(validateRejection({})).to.deep.equal([commentRequired]);
    expect(validateRejection({ comment: '' })).to.deep.equal([commentRequired]);
    expect(validateRejection({ comment: 'c'.repeat(2001) })).to.deep.equal([tooLong('comment', 2000)]);
  });
});

describe('validateCycleFields', () => {
  const endBeforeStart: ValidationIssue = { field: 'end', message: { key: 'validation.endBeforeStart' } };

  it('accepts a complete cycle', () => {
    expect(validateCycleFields({ name: '2026 H1', start: '2026-01-01', end: '2026-06-30' })).to.deep.equal([]);
  });

  it('requires a name and both dates, except in partial mode', () => {
    expect(validateCycleFields({})).to.deep.equal([required('name'), required('start'), required('end')]);
    expect(validateCycleFields({}, { partial: true })).to.deep.equal([]);
    expect(validateCycleFields({ end: '2026-01-01' }, { partial: true })).to.deep.equal([]);
    expect(validateCycleFields({ name: '' }, { partial: true })).to.deep.equal([required('name')]);
  });

  it('needs real dates, the end after the start', () => {
    expect(validateCycleFields({ name: 'H1', start: '2026-06-31', end: '2026-06-30' })).to.deep.equal([invalidDate('start')]);
    expect(validateCycleFields({ name: 'H1', start: '2026-06-30', end: '2026-06-30' })).to.deep.equal([endBeforeStart]);
    expect(validateCycleFields({ name: 'H1', start: '2026-06-30', end: '2026-01-01' })).to.deep.equal([endBeforeStart]);
    expect(validateCycleFields({ name: 'H1', start: '2026-06-29', end: '2026-06-30' })).to.deep.equal([]);
  });

  it('limits the name', () => {
    expect(validateCycleFields({ name: 'n'.repeat(201), start: '2026-01-01', end: '2026-06-30' })).to.deep.equal([
      tooLong('name', 200),
    ]);
  });
});

describe('validateKpiFields', () => {
  const valid = { name: 'Page load p95', start: 0, target: 100, actual: 40, weight: 20, thresholds: { healthy: 1, watch: 0.8 } };
  const thresholdsOrder: ValidationIssue = { field: 'thresholds', message: { key: 'validation.thresholdsOrder' } };

  it('accepts a complete KPI', () => {
    expect(validateKpiFields(valid)).to.deep.equal([]);
    expect(validateKpiFields({ name: 'Revenue', target: 1_000_000, weight: 50 })).to.deep.equal([]);
  });

  it('requires a name, a target and a weight, except in partial mode', () => {
    expect(validateKpiFields({})).to.deep.equal([required('name'), required('target'), required('weight')]);
    expect(validateKpiFields({}, { partial: true })).to.deep.equal([]);
    expect(validateKpiFields({ target: 0 }, { partial: true })).to.deep.equal([]);
    expect(validateKpiFields({ weight: 120 }, { partial: true })).to.deep.equal([outOfRange('weight', '0', '100')]);
  });

  it('needs finite numbers, and a target that differs from the start', () => {
    expect(validateKpiFields({ ...valid, start: Number.NaN, actual: Number.POSITIVE_INFINITY })).to.deep.equal([
      notANumber('start'),
      notANumber('actual'),
    ]);
    expect(validateKpiFields({ ...valid, start: 100, target: 100 })).to.deep.equal([
      { field: 'target', message: { key: 'validation.targetEqualsStart' } },
    ]);
    expect(validateKpiFields({ ...valid, weight: -1 })).to.deep.equal([outOfRange('weight', '0', '100')]);
  });

  it('needs healthy above watch above zero', () => {
    expect(validateKpiFields({ ...valid, thresholds: { healthy: 0.8, watch: 0.9 } })).to.deep.equal([thresholdsOrder]);
    expect(validateKpiFields({ ...valid, thresholds: { healthy: 1, watch: 1 } })).to.deep.equal([thresholdsOrder]);
    expect(validateKpiFields({ ...valid, thresholds: { healthy: 1, watch: 0 } })).to.deep.equal([thresholdsOrder]);
    expect(validateKpiFields({ ...valid, thresholds: { healthy: Number.NaN, watch: 0.5 } })).to.deep.equal([
      notANumber('thresholds'),
    ]);
    expect(validateKpiFields({ ...valid, thresholds: { healthy: 1.2, watch: 0.01 } })).to.deep.equal([]);
  });
});

describe('validateFeedbackBody', () => {
  it('requires a body that says something, within the limit', () => {
    expect(validateFeedbackBody({ body: 'Great demo, @Ann!' })).to.deep.equal([]);
    expect(validateFeedbackBody({ body: 'b'.repeat(FEEDBACK_MAX_LENGTH) })).to.deep.equal([]);
    expect(validateFeedbackBody({})).to.deep.equal([required('body')]);
    expect(validateFeedbackBody({ body: ' \t ' })).to.deep.equal([required('body')]);
    expect(validateFeedbackBody({ body: 'b'.repeat(4001) })).to.deep.equal([tooLong('body', 4000)]);
  });
});
