/**
 * The inline trend chart of a KPI row: its measurements as a line, the
 * target as a dashed rule, the latest value as a dot. Drawn with d3's scales
 * and line generator into a plain SVG template, so the `d` attribute is the
 * only thing d3 computes (no DOM access, fine under a strict CSP); colours
 * come from CSS custom properties in the scorecard's styles, so themes and
 * dark mode reach it. Hidden from screen readers: the row says the trend in
 * words (see `kpiTrend`).
 */
import { line, scaleLinear } from 'd3';
import { html, nothing, type TemplateResult } from 'lit';
import type { KpiStatus } from '../../model/kpi.js';
import type { KpiPoint } from '../../model/records.js';

export const SPARKLINE_WIDTH = 96;
export const SPARKLINE_HEIGHT = 28;
/** Room for the dot and the stroke at the edges. */
const INSET = 3;

interface SparklineGeometry {
  readonly path: string;
  readonly last: { readonly x: number; readonly y: number };
  readonly targetY: number;
}

/** Where the line, the dot and the target rule go; `null` with no measurement. */
export function sparklineGeometry(history: readonly KpiPoint[], target: number): SparklineGeometry | null {
  const points = history
    .map((point) => ({ at: Date.parse(point.at), value: point.value }))
    .filter((point) => Number.isFinite(point.at) && Number.isFinite(point.value));
  if (points.length === 0) return null;
  const times = points.map((point) => point.at);
  const values = points.map((point) => point.value);
  const firstAt = Math.min(...times);
  const lastAt = Math.max(...times);
  // The target is in the domain so the line reads against it: far from the rule is far from the goal.
  let low = Math.min(...values, Number.isFinite(target) ? target : values[0]!);
  let high = Math.max(...values, Number.isFinite(target) ? target : values[0]!);
  if (low === high) {
    low -= 1;
    high += 1;
  }
  // One instant (a single measurement, or several at once): spread them evenly instead.
  const byIndex = firstAt === lastAt;
  const x = byIndex
    ? scaleLinear([0, Math.max(1, points.length - 1)], [INSET, SPARKLINE_WIDTH - INSET])
    : scaleLinear([firstAt, lastAt], [INSET, SPARKLINE_WIDTH - INSET]);
  const y = scaleLinear([low, high], [SPARKLINE_HEIGHT - INSET, INSET]);
  const xOf = (point: { at: number }, index: number) => x(byIndex ? index : point.at);
  const path = line<{ at: number; value: number }>()
    .x((point, index) => xOf(point, index))
    .y((point) => y(point.value))(points);
  const lastIndex = points.length - 1;
  const lastPoint = points[lastIndex]!;
  return {
    path: path ?? '',
    last: { x: xOf(lastPoint, lastIndex), y: y(lastPoint.value) },
    targetY: y(Number.isFinite(target) ? target : lastPoint.value),
  };
}

/** The chart, or nothing when there is no measurement (the row's text says so). */
export function renderSparkline(history: readonly KpiPoint[], target: number, status: KpiStatus): TemplateResult | typeof nothing {
  const geometry = sparklineGeometry(history, target);
  if (!geometry) return nothing;
  const round = (value: number) => Math.round(value * 100) / 100;
  // No whitespace between the SVG's children: text nodes there render nothing and cost a node each.
  return html`<svg class="sparkline" part="sparkline" data-status=${status} viewBox="0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}" width=${SPARKLINE_WIDTH} height=${SPARKLINE_HEIGHT} aria-hidden="true" focusable="false"><line class="target-rule" x1="0" x2=${SPARKLINE_WIDTH} y1=${round(geometry.targetY)} y2=${round(geometry.targetY)}></line><path class="trend-line" d=${geometry.path}></path><circle class="latest" cx=${round(geometry.last.x)} cy=${round(geometry.last.y)} r="2.5"></circle></svg>`;
}
