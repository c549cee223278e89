// A colour per speaker or timeline lane, stable across sessions and views: the same name
// always gets the same hue, so a person's quotes look alike in the reader, the quotes list and
// the timeline. Pure, so it is unit-tested.

/** FNV-1a over the name's UTF-16 units: small, fast, and well spread for short strings. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hue (0–359) for a name. The golden-angle step spreads neighbouring hashes apart. */
export function hueOf(name: string): number {
  return Math.round((nameHash(name.trim().toLowerCase()) * 137.508) % 360);
}

/** A background for highlighted text that keeps black or white text readable. */
export function speakerColor(name: string | null, dark = false): string {
  if (name === null || name.trim() === "") {
    return dark ? "hsl(0 0% 35%)" : "hsl(0 0% 85%)";
  }
  return dark ? `hsl(${hueOf(name)} 45% 32%)` : `hsl(${hueOf(name)} 80% 84%)`;
}

/** A saturated colour for points and bars drawn on the timeline's canvas. */
export function laneColor(name: string, dark = false): string {
  return dark ? `hsl(${hueOf(name)} 65% 62%)` : `hsl(${hueOf(name)} 70% 40%)`;
}
