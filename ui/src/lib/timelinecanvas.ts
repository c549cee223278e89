// The timeline's canvas painting: the axis with its ticks, then each lane's events as bars
// (wide enough to show their precision), dots, or columns for bins of several, conflicts
// ringed in red and the shown and merge-selected events ringed in the text colour. Kept apart
// from the component (components/TimelineCanvas.svelte), which owns the view, the frames and
// the input, and from the timeline view (views/Timeline.svelte), which owns the data and the IPC.

import type { TimelineDensity } from "./bindings/TimelineDensity";
import type { TimelinePoints } from "./bindings/TimelinePoints";
import { laneColor } from "./colors";
import { barsLongestFirst, type Lane } from "./lanes";
import { densityBins, type DensityBin } from "./density";
import { laneShapes, ticks, toX, type LaneShapes, type View } from "./timescale";

/** Height of the axis strip, height of a lane, and width of the lane labels, in CSS pixels. */
export const AXIS = 30;
export const LANE = 32;
export const LABEL = 150;

export type Scene = {
  width: number;
  height: number;
  view: View;
  lanes: Lane[];
  points: TimelinePoints;
  /** Whether event `i` (an index into the points) is ringed: shown or selected for a merge. */
  isMarked: (i: number) => boolean;
  colors: { fg: string; muted: string; rule: string; conflict: string; bg?: string };
  dark: boolean;
};

/** Paints a frame; returns the tick unit and each lane's shapes (for hit testing). */
export function paint(ctx: CanvasRenderingContext2D, scene: Scene): { unit: string; shapes: LaneShapes[] } {
  const { width, height, view, lanes, points, isMarked, dark } = scene;
  const { fg, conflict: conflictColor } = scene.colors;
  const w = Math.max(width - LABEL, 1);
  const axis = paintAxis(ctx, width, height, view, scene.colors);

  const shapes: LaneShapes[] = [];
  lanes.forEach((lane, l) => {
    const y = AXIS + l * LANE + LANE / 2;
    const color = laneColor(lane.label, dark);
    const found = laneShapes(view, w, lane.members, points.start, points.end, points.conflict, lane.maxLength);
    shapes.push(found);
    ctx.fillStyle = l % 2 === 0 ? "rgba(127,127,127,0.06)" : "rgba(0,0,0,0)";
    ctx.fillRect(0, y - LANE / 2, width, LANE);
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL, y - LANE / 2, w, LANE);
    ctx.clip();
    // Longest first, each bar cut out of those under it (the background, then its own
    // translucent fill and outline), so a short bar is never lost in a stack of long ones.
    for (const i of barsLongestFirst(found.bars, points.start, points.end)) {
      const x0 = Math.max(LABEL + toX(view, w, points.start[i]), LABEL - 2);
      const x1 = Math.min(LABEL + toX(view, w, points.end[i]), width + 2);
      ctx.globalAlpha = 1;
      ctx.fillStyle = scene.colors.bg ?? (dark ? "#16181c" : "#fbfaf7");
      ctx.fillRect(x0, y - 7, x1 - x0, 14);
      ctx.globalAlpha = 0.45;
      ctx.fillStyle = color;
      ctx.fillRect(x0, y - 7, x1 - x0, 14);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = points.conflict[i] ? conflictColor : color;
      ctx.lineWidth = points.conflict[i] || isMarked(i) ? 2.5 : 1;
      ctx.strokeRect(LABEL + toX(view, w, points.start[i]), y - 7, toX(view, w, points.end[i]) - toX(view, w, points.start[i]), 14);
    }
    // Single events are dots; a bin of several is a column as tall as the log of its count,
    // so dense stretches read as a histogram. Each kind of shape is one path, filled once:
    // a fill per shape made 100k events cost 20 ms a frame in software rendering.
    let most = 1;
    for (const bin of found.bins) most = Math.max(most, bin.count);
    const dots = new Path2D();
    const columns = new Path2D();
    const rings = new Path2D();
    const ringSelected: number[] = [];
    for (const bin of found.bins) {
      const x = LABEL + bin.x + 2;
      if (bin.count === 1) {
        dots.moveTo(x + 4.5, y);
        dots.arc(x, y, 4.5, 0, Math.PI * 2);
        if (isMarked(bin.first)) ringSelected.push(x);
      } else {
        const h = 8 + (LANE - 14) * (Math.log2(bin.count) / Math.log2(Math.max(most, 2)));
        columns.rect(x - 2, y - h / 2, 4, h);
      }
      if (bin.conflict) {
        rings.moveTo(x + 7, y);
        rings.arc(x, y, 7, 0, Math.PI * 2);
      }
    }
    ctx.fillStyle = color;
    ctx.fill(dots);
    ctx.globalAlpha = 0.8;
    ctx.fill(columns);
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = conflictColor;
    ctx.stroke(rings);
    if (ringSelected.length > 0) {
      ctx.strokeStyle = fg;
      ctx.beginPath();
      for (const x of ringSelected) {
        ctx.moveTo(x + 6.5, y);
        ctx.arc(x, y, 6.5, 0, Math.PI * 2);
      }
      ctx.stroke();
    }
    ctx.restore();
    ctx.fillStyle = fg;
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, y - LANE / 2, LABEL - 8, LANE);
    ctx.clip();
    ctx.fillText(lane.label, 6, y);
    ctx.restore();
  });
  return { unit: axis.unit, shapes };
}

/** Clears the canvas and paints the time axis with its ticks; returns them. */
function paintAxis(ctx: CanvasRenderingContext2D, width: number, height: number, view: View, colors: { muted: string; rule: string }) {
  const w = Math.max(width - LABEL, 1);
  ctx.clearRect(0, 0, width, height);
  ctx.font = "12px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  const axis = ticks(view, w, 90);
  ctx.strokeStyle = colors.rule;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of axis.ticks) {
    const x = Math.round(LABEL + t.x) + 0.5;
    ctx.moveTo(x, AXIS - 6);
    ctx.lineTo(x, height);
  }
  ctx.moveTo(LABEL, AXIS + 0.5);
  ctx.lineTo(width, AXIS + 0.5);
  ctx.stroke();
  ctx.fillStyle = colors.muted;
  for (const t of axis.ticks) {
    ctx.fillText(t.label, LABEL + t.x + 4, AXIS / 2);
  }
  return axis;
}

export type DensityScene = {
  width: number;
  height: number;
  view: View;
  density: TimelineDensity;
  colors: { fg: string; muted: string; rule: string };
};

/**
 * Paints a big case's timeline as one lane of columns, each as tall as the events starting
 * within its 4 px (linear, against the tallest in view, so a busy week stands out from a quiet
 * one); one path for all of them. Returns the tick unit and the columns, for hit testing:
 * clicking one zooms into it until its events are read.
 */
export function paintDensity(ctx: CanvasRenderingContext2D, scene: DensityScene): { unit: string; bins: DensityBin[] } {
  const { width, height, view, density, colors } = scene;
  const w = Math.max(width - LABEL, 1);
  const axis = paintAxis(ctx, width, height, view, colors);
  const bins = densityBins(view, w, density);
  let most = 1;
  for (const bin of bins) most = Math.max(most, bin.count);
  const top = AXIS + 6;
  const bottom = height - 6;
  const columns = new Path2D();
  for (const bin of bins) {
    const h = Math.max(2, (bottom - top) * (bin.count / most));
    columns.rect(LABEL + bin.x, bottom - h, 3, h);
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL, AXIS, w, height - AXIS);
  ctx.clip();
  ctx.fillStyle = colors.muted;
  ctx.globalAlpha = 0.8;
  ctx.fill(columns);
  ctx.restore();
  ctx.fillStyle = colors.fg;
  ctx.fillText("events per day", 6, AXIS + 14);
  ctx.fillStyle = colors.muted;
  ctx.fillText("zoom in to see them", 6, AXIS + 30);
  return { unit: axis.unit, bins };
}
