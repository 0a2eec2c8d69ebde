/**
 * Layout of the cost plot (pure): cost per hour over virtual time as stacked step areas, EC2 at the
 * bottom, then Fargate, then Fargate Spot, with time and USD ticks. Paths are SVG path strings; the
 * render draws them as they are. No DOM here.
 */
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';

export type PlotKind = 'ec2' | 'fargate' | 'spot';
export const PLOT_KINDS: readonly PlotKind[] = ['ec2', 'fargate', 'spot'];

export interface PlotSample {
  /** virtual ms */
  at: number;
  ec2: number;
  fargate: number;
  spot: number;
}

export interface PlotArea {
  kind: PlotKind;
  path: string;
}

export interface PlotTick {
  value: number;
  /** pixel position along its axis */
  pos: number;
}

export interface CostPlotLayout {
  width: number;
  height: number;
  /** the plotting area inside the margins */
  inner: { left: number; top: number; right: number; bottom: number };
  areas: PlotArea[];
  /** the total's outline */
  total: string;
  xTicks: PlotTick[];
  yTicks: PlotTick[];
  /** top of the USD axis */
  yMax: number;
}

export interface PlotSize {
  width: number;
  height: number;
}

const MARGIN = { left: 48, right: 12, top: 10, bottom: 24 };
/** the USD axis never shows less than this, so a cent an hour does not fill the plot */
const MIN_Y = 0.01;

const MINUTE = 60_000;
/** time tick steps a plot chooses from (virtual ms) */
const TIME_STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 2 * 60 * MINUTE, 6 * 60 * MINUTE, 12 * 60 * MINUTE, 24 * 60 * MINUTE];

/** Time ticks: the smallest step from TIME_STEPS giving at most `max` ticks over [0, end]. */
export function timeTicks(end: number, max = 6): number[] {
  const span = Math.max(end, MINUTE);
  const step = TIME_STEPS.find((s) => span / s <= max) ?? Math.ceil(span / max / TIME_STEPS.at(-1)!) * TIME_STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let t = 0; t <= span; t += step) ticks.push(t);
  return ticks;
}

export function layoutCostPlot(samples: readonly PlotSample[], size: PlotSize): CostPlotLayout {
  const inner = { left: MARGIN.left, top: MARGIN.top, right: size.width - MARGIN.right, bottom: size.height - MARGIN.bottom };
  const end = Math.max(samples.at(-1)?.at ?? 0, MINUTE);
  const peak = samples.reduce((m, s) => Math.max(m, s.ec2 + s.fargate + s.spot), 0);
  const y = scaleLinear()
    .domain([0, Math.max(peak, MIN_Y)])
    .nice(4)
    .range([inner.bottom, inner.top]);
  const x = scaleLinear().domain([0, end]).range([inner.left, inner.right]);
  const yMax = y.domain()[1];

  const below: Record<PlotKind, (s: PlotSample) => number> = {
    ec2: () => 0,
    fargate: (s) => s.ec2,
    spot: (s) => s.ec2 + s.fargate,
  };
  const areas = PLOT_KINDS.map((kind): PlotArea => {
    const shape = area<PlotSample>()
      .curve(curveStepAfter)
      .x((s) => x(s.at))
      .y0((s) => y(below[kind](s)))
      .y1((s) => y(below[kind](s) + s[kind]));
    return { kind, path: samples.length ? (shape(samples as PlotSample[]) ?? '') : '' };
  });
  const outline = line<PlotSample>()
    .curve(curveStepAfter)
    .x((s) => x(s.at))
    .y((s) => y(s.ec2 + s.fargate + s.spot));

  return {
    width: size.width,
    height: size.height,
    inner,
    areas,
    total: samples.length ? (outline(samples as PlotSample[]) ?? '') : '',
    xTicks: timeTicks(end).map((value) => ({ value, pos: x(value) })),
    yTicks: y.ticks(4).map((value) => ({ value, pos: y(value) })),
    yMax,
  };
}
