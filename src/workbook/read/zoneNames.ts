// Matching this year's zone names to last year's: names change between years (许昌县 became 建安区
// in 2017; zones merge, split, are added and removed), so a name is followed by the user's 名称对照
// table first, then the same name, the same name once normalised, a known change of county or
// district, and otherwise listed with its likely matches for the user to decide.
import { byName } from "../../engine/ranking";
import { withoutInvisible } from "./invisible";

/** How a zone of this year was linked to last year's. */
export type MatchKind = "mapping" | "same" | "normalised" | "renamed";

export interface ZoneLink {
  zone: string;
  /** Last year's names (several where zones merged into this one). */
  from: string[];
  kind: MatchKind;
  /** The administrative change behind a "renamed" link. */
  rename?: KnownRename;
}

export interface Suggestion {
  name: string;
  /** Edit distance of the normalised names (0 when one contains the other). */
  distance: number;
}

export interface Unmatched {
  name: string;
  /** Likeliest first. */
  suggestions: Suggestion[];
}

export interface NameMappingRow {
  prevName: string;
  /** null: the user marked the zone as dropped (撤销). */
  zone: string | null;
  /** Where the row sits, for messages. */
  sheet?: string;
  cell?: string;
}

export interface NameMatch {
  links: ZoneLink[];
  /** Zones of this year with no zone last year: rated as new (新评). */
  added: Unmatched[];
  /** Zones of last year with none this year, and not marked 撤销 in the mapping. */
  dropped: Unmatched[];
  /** Last year's zones the mapping marks as dropped. */
  droppedByMapping: string[];
  /** Mapping rows naming a zone that is not there. */
  unknownInMapping: Array<{ row: NameMappingRow; side: "prev" | "current" }>;
}

/** Counties and cities of Henan that became districts or cities under another name (民政部 / 国务院批复). */
export interface KnownRename {
  from: string;
  to: string;
  year: number;
}

const KNOWN_RENAMES: readonly KnownRename[] = [
  { from: "开封县", to: "祥符区", year: 2014 },
  { from: "陕县", to: "陕州区", year: 2015 },
  { from: "许昌县", to: "建安区", year: 2017 },
  { from: "长垣县", to: "长垣市", year: 2019 },
  { from: "淮阳县", to: "淮阳区", year: 2019 },
  { from: "孟津县", to: "孟津区", year: 2021 },
  { from: "偃师市", to: "偃师区", year: 2021 },
];

const SUFFIX = /(产业集聚区|集聚区)$/;

/** The name as compared: NFKC (full-width forms), no spaces or invisible characters, without the 产业集聚区 / 集聚区 suffix. */
export function normaliseZoneName(name: string): string {
  const compact = withoutInvisible(name).normalize("NFKC").replace(/\s+/g, "");
  const stem = compact.replace(SUFFIX, "");
  return stem === "" ? compact : stem;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length];
}

const MAX_SUGGESTIONS = 3;

/** A pair of normalised names close enough to suggest: one holds the other, or they differ in about a third of their characters. */
function closeness(a: string, b: string): number | undefined {
  if (a.includes(b) || b.includes(a)) return 0;
  const d = editDistance(a, b);
  return d <= Math.max(1, Math.floor(Math.min([...a].length, [...b].length) / 3)) ? d : undefined;
}

/** `candidates` paired with their normalised names, worked out once for every name they are offered to. */
interface Candidate {
  name: string;
  normalised: string;
}

function suggestionsFor(name: string, candidates: readonly Candidate[]): Suggestion[] {
  const n = normaliseZoneName(name);
  const out: Suggestion[] = [];
  for (const { name: c, normalised: cn } of candidates) {
    const renamed = KNOWN_RENAMES.some((r) => (n.includes(r.from) && cn.includes(r.to)) || (n.includes(r.to) && cn.includes(r.from)));
    const d = renamed ? 0 : closeness(n, cn);
    if (d !== undefined) out.push({ name: c, distance: d });
  }
  return out.sort((a, b) => a.distance - b.distance || byName(a.name, b.name)).slice(0, MAX_SUGGESTIONS);
}

/** Names that occur once among `names` under `key`, by key. */
function uniqueBy(names: Iterable<string>, key: (n: string) => string | undefined): Map<string, string> {
  const seen = new Map<string, string | null>();
  for (const n of names) {
    const k = key(n);
    if (k === undefined) continue;
    seen.set(k, seen.has(k) ? null : n);
  }
  const out = new Map<string, string>();
  for (const [k, n] of seen) if (n !== null) out.set(k, n);
  return out;
}

function renamedKey(name: string): { key: string; rename: KnownRename } | undefined {
  const n = normaliseZoneName(name);
  for (const r of KNOWN_RENAMES) if (n.includes(r.from)) return { key: n.replace(r.from, r.to), rename: r };
  return undefined;
}

/** Trimmed and NFKC, without invisible characters, as a user's mapping entry is compared with the tables' names. */
function typed(name: string): string {
  return withoutInvisible(name).normalize("NFKC").trim();
}

/**
 * Links this year's zones to last year's. The mapping decides first (a name mapped there is taken
 * by nothing else); then exact, normalised and known-rename matches, each only where it is unique
 * on both sides.
 */
export function matchZoneNames(current: readonly string[], previous: readonly string[], mapping: readonly NameMappingRow[] = []): NameMatch {
  const prevLeft = new Set(previous);
  const curLeft = new Set(current);
  const byTyped = (names: Iterable<string>) => new Map([...names].map((n) => [typed(n), n]));
  const prevTyped = byTyped(previous);
  const curTyped = byTyped(current);
  const links = new Map<string, ZoneLink>();
  const droppedByMapping: string[] = [];
  const unknownInMapping: NameMatch["unknownInMapping"] = [];

  for (const row of mapping) {
    const prev = prevTyped.get(typed(row.prevName));
    if (prev === undefined) {
      unknownInMapping.push({ row, side: "prev" });
      continue;
    }
    if (row.zone === null) {
      prevLeft.delete(prev);
      droppedByMapping.push(prev);
      continue;
    }
    const zone = curTyped.get(typed(row.zone));
    if (zone === undefined) {
      unknownInMapping.push({ row, side: "current" });
      continue;
    }
    const link = links.get(zone) ?? { zone, from: [], kind: "mapping" as const };
    if (!link.from.includes(prev)) link.from.push(prev);
    links.set(zone, link);
    prevLeft.delete(prev);
  }
  for (const zone of links.keys()) curLeft.delete(zone);

  const link = (zone: string, prev: string, kind: MatchKind, rename?: KnownRename): void => {
    links.set(zone, rename ? { zone, from: [prev], kind, rename } : { zone, from: [prev], kind });
    curLeft.delete(zone);
    prevLeft.delete(prev);
  };
  for (const zone of [...curLeft]) if (prevLeft.has(zone)) link(zone, zone, "same");

  const prevNorm = uniqueBy(prevLeft, normaliseZoneName);
  for (const [key, zone] of uniqueBy(curLeft, normaliseZoneName)) {
    const prev = prevNorm.get(key);
    if (prev !== undefined) link(zone, prev, "normalised");
  }

  const renames = new Map([...prevLeft].flatMap((p) => {
    const r = renamedKey(p);
    return r ? [[p, r] as const] : [];
  }));
  const prevRenamed = uniqueBy(renames.keys(), (p) => renames.get(p)?.key);
  for (const [key, zone] of uniqueBy(curLeft, normaliseZoneName)) {
    const prev = prevRenamed.get(key);
    if (prev !== undefined) link(zone, prev, "renamed", renames.get(prev)!.rename);
  }

  const order = (names: Iterable<string>) => [...names].sort(byName);
  const curRest = order(curLeft);
  const prevRest = order(prevLeft);
  const candidates = (names: string[]): Candidate[] => names.map((c) => ({ name: c, normalised: normaliseZoneName(c) }));
  const curCandidates = candidates(curRest);
  const prevCandidates = candidates(prevRest);
  return {
    links: [...links.values()].sort((a, b) => byName(a.zone, b.zone)),
    added: curRest.map((name) => ({ name, suggestions: suggestionsFor(name, prevCandidates) })),
    dropped: prevRest.map((name) => ({ name, suggestions: suggestionsFor(name, curCandidates) })),
    droppedByMapping: order(droppedByMapping),
    unknownInMapping,
  };
}
