// The query the search view sends: what the person typed, plus the filters chosen by clicking
// facets and by the date range, written in the same query language (docs/search.md) so that
// the CSV export and saved searches hold exactly what was shown.

export type FacetField = "kind" | "outlet" | "year" | "tag";

export type SearchFilters = {
  kind: string | null;
  outlet: string | null;
  year: string | null;
  /** A person's tag on documents (the tags facet). */
  tag: string | null;
  /** Inclusive ends as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty means open. */
  from: string;
  to: string;
};

export const NO_FILTERS: SearchFilters = { kind: null, outlet: null, year: null, tag: null, from: "", to: "" };

/** A filter value as the query language reads it: quoted when it has spaces or quotes. */
function value(text: string): string {
  if (/^[\p{L}\p{N}_.-]+$/u.test(text)) {
    return text;
  }
  return `"${text.replace(/"/g, " ").trim()}"`;
}

export function filterClauses(filters: SearchFilters): string[] {
  const out: string[] = [];
  if (filters.kind) {
    out.push(`kind:${value(filters.kind)}`);
  }
  if (filters.outlet) {
    out.push(`outlet:${value(filters.outlet)}`);
  }
  if (filters.year) {
    out.push(`date:${filters.year}`);
  }
  if (filters.tag) {
    out.push(`tag:${value(filters.tag)}`);
  }
  const from = filters.from.trim();
  const to = filters.to.trim();
  if (from !== "" || to !== "") {
    out.push(`date:${from}..${to}`);
  }
  return out;
}

/**
 * The full query, or "" when there is nothing to search for. Filters alone make a query
 * (every document of that kind), but the typed part is parenthesised so its ORs stay its own.
 */
export function composeQuery(typed: string, filters: SearchFilters): string {
  const text = typed.trim();
  const clauses = filterClauses(filters);
  if (clauses.length === 0) {
    return text;
  }
  const base = text === "" ? [] : [/\bOR\b/.test(text) ? `(${text})` : text];
  return [...base, ...clauses].join(" ");
}

export function toggleFacet(filters: SearchFilters, field: FacetField, picked: string): SearchFilters {
  return { ...filters, [field]: filters[field] === picked ? null : picked };
}

/** One active filter as a removable chip: what it says and which filter removing it clears. */
export type FilterChip = { key: FacetField | "dates"; label: string };

/**
 * Every active filter, in the order the query writes them. The chips are the one place a
 * filter is always visible: a facet value vanishes from the facet list when the typed query
 * matches nothing in it, and a filter that cannot be seen cannot be unclicked.
 */
export function activeFilters(filters: SearchFilters, kindName: (kind: string) => string = (k) => k): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filters.kind) {
    chips.push({ key: "kind", label: `Kind: ${kindName(filters.kind)}` });
  }
  if (filters.outlet) {
    chips.push({ key: "outlet", label: `Outlet: ${filters.outlet}` });
  }
  if (filters.year) {
    chips.push({ key: "year", label: `Year: ${filters.year}` });
  }
  if (filters.tag) {
    chips.push({ key: "tag", label: `Tag: ${filters.tag}` });
  }
  const from = filters.from.trim();
  const to = filters.to.trim();
  if (from !== "" || to !== "") {
    chips.push({ key: "dates", label: `Published: ${from || "…"} – ${to || "…"}` });
  }
  return chips;
}

/** The filters without the one a chip stands for. */
export function removeFilter(filters: SearchFilters, key: FilterChip["key"]): SearchFilters {
  return key === "dates" ? { ...filters, from: "", to: "" } : { ...filters, [key]: null };
}
