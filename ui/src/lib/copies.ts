// Near-duplicate groups (issue 21) as the library and search show them: forty copies of one
// wire story are one row with "+39 copies". The core decides which rows stand for a group
// (`collapse_copies` on a library page or a search); this module only words the count.

/** "+1 copy", "+12 copies". */
export function copiesLabel(count: number): string {
  return `+${count.toLocaleString("en-US")} ${count === 1 ? "copy" : "copies"}`;
}
