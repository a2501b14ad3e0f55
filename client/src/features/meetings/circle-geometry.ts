import { MEETING_PARTS, type MeetingPart, type PartShares } from '@sip/shared';

export interface Slice {
  part: MeetingPart;
  /** SVG path of the slice, from the centre. */
  path: string;
  /** Where the slice's number goes. */
  label: { x: number; y: number };
  share: number;
}

const point = (cx: number, cy: number, r: number, turn: number) => {
  // Turns from 12 o'clock, clockwise: the circle is read like a clock.
  const angle = turn * 2 * Math.PI - Math.PI / 2;
  return { x: +(cx + r * Math.cos(angle)).toFixed(2), y: +(cy + r * Math.sin(angle)).toFixed(2) };
};

/** The five slices of a circle of radius `r` at (`cx`, `cy`), each as large as its share of the time. */
export function circleSlices(shares: PartShares, cx = 110, cy = 110, r = 100): Slice[] {
  const total = MEETING_PARTS.reduce((a, p) => a + shares[p], 0);
  let start = 0;
  return MEETING_PARTS.map((part) => {
    const size = shares[part] / total;
    const end = start + size;
    const a = point(cx, cy, r, start);
    const b = point(cx, cy, r, end);
    const largeArc = size > 0.5 ? 1 : 0;
    const slice = {
      part,
      path: `M ${cx} ${cy} L ${a.x} ${a.y} A ${r} ${r} 0 ${largeArc} 1 ${b.x} ${b.y} Z`,
      label: point(cx, cy, r * 0.62, start + size / 2),
      share: shares[part],
    };
    start = end;
    return slice;
  });
}

/** Shares in per cent from the planned seconds of each part. */
export function sharesFromParts(parts: { part: MeetingPart; seconds: number }[]): PartShares {
  const total = parts.reduce((a, p) => a + p.seconds, 0) || 1;
  return Object.fromEntries(MEETING_PARTS.map((part) => [part, Math.round((100 * (parts.find((p) => p.part === part)?.seconds ?? 0)) / total)])) as PartShares;
}

/** mm:ss (or h:mm:ss) of a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
