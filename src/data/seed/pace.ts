/**
 * How work moves over a cycle. Each key result (and each KPI) follows a pace
 * — ahead, on track, behind or stalled — with its own rate and curve, plus a
 * little week-to-week noise, so forecasts, pace badges and reminders all have
 * something to say.
 */
import type { CheckInMood } from './content/phrases.js';
import type { SeededRandom, WeightedChoice } from './random.js';
import type { CycleKind } from './world.js';

export const PACES = ['ahead', 'onTrack', 'behind', 'stalled'] as const;
export type Pace = (typeof PACES)[number];

/** Most work is on track; a quarter of it runs late; a little stalls outright. */
const PACE_WEIGHTS: Readonly<Record<CycleKind, readonly WeightedChoice<Pace>[]>> = {
  active: [['ahead', 20], ['onTrack', 40], ['behind', 25], ['stalled', 15]],
  // By the end of a closed quarter, most stalled work had been pushed through or adjusted.
  previous: [['ahead', 22], ['onTrack', 43], ['behind', 27], ['stalled', 8]],
  planning: [['onTrack', 1]],
};

export function pickPace(random: SeededRandom, kind: CycleKind): Pace {
  return random.pickWeighted(PACE_WEIGHTS[kind]);
}

export interface PaceCurve {
  readonly pace: Pace;
  /** Progress per unit of elapsed time: 1 reaches the target exactly on the due date. */
  readonly rate: number;
  /** Above 1 the work starts slowly and speeds up; below 1 it starts fast. */
  readonly shape: number;
  /** Stalled work stops moving after this share of the time. */
  readonly stallAt: number;
  /** Half of those whose work stalls also stop checking in, which is what reminders are for. */
  readonly stopsCheckingIn: boolean;
}

export function drawPaceCurve(random: SeededRandom, pace: Pace): PaceCurve {
  const shape = random.float(0.8, 1.3);
  switch (pace) {
    case 'ahead':
      return { pace, rate: random.float(1.15, 1.4), shape, stallAt: 1, stopsCheckingIn: false };
    case 'onTrack':
      return { pace, rate: random.float(0.92, 1.06), shape, stallAt: 1, stopsCheckingIn: false };
    case 'behind':
      return { pace, rate: random.float(0.45, 0.78), shape, stallAt: 1, stopsCheckingIn: false };
    case 'stalled':
      return { pace, rate: random.float(0.6, 1), shape, stallAt: random.float(0.15, 0.45), stopsCheckingIn: random.chance(0.5) };
  }
}

/**
 * Progress (0 at the start value, 1 at the target) at `elapsed`, the share of
 * the time to the due date that has passed, without noise. Ahead work may
 * overshoot a little.
 */
export function progressAt(curve: PaceCurve, elapsed: number): number {
  const time = Math.min(Math.max(elapsed, 0), curve.stallAt, 1);
  return Math.min(1.25, curve.rate * time ** curve.shape);
}

/** How a check-in reads, from progress against the time that has passed. */
export function moodOf(curve: PaceCurve, elapsed: number, progress: number): CheckInMood {
  if (progress >= 1) return 'done';
  if (curve.pace === 'stalled' && elapsed > curve.stallAt) return 'stalled';
  const ratio = progress / Math.max(elapsed, 0.05);
  if (ratio >= 1.12) return 'ahead';
  if (ratio >= 0.85) return 'onTrack';
  return 'behind';
}

/** Confidence as people give it: in steps of 0.05, falling as late work runs out of time. */
export function confidenceFor(random: SeededRandom, mood: CheckInMood, elapsed: number): number {
  if (mood === 'done') return 0.95;
  let base: number;
  switch (mood) {
    case 'ahead':
      base = 0.8 + 0.1 * elapsed;
      break;
    case 'onTrack':
      base = 0.72;
      break;
    case 'behind':
      base = 0.55 - 0.2 * elapsed;
      break;
    case 'stalled':
      base = 0.4 - 0.2 * elapsed;
      break;
  }
  const noisy = base + random.normal(0, 0.06);
  return Math.min(1, Math.max(0.05, Math.round(noisy * 20) / 20));
}
