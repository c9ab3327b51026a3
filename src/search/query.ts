// Query parsing and term expansion, shared by both store back-ends.
//
// Syntax: words are ANDed; `-word` excludes documents containing it; quotes are accepted and
// their words treated as plain words (no phrase matching yet). Each word becomes one *group* of
// index terms: its stem plus the variants found in the index vocabulary (attached particles and
// stems sharing its consonantal skeleton), ORed.
import { analyse } from './analyse.js';
import { MIN_SKELETON, queryVariants, skeleton } from './stem.js';

export interface ParsedQuery {
  /** Index terms that must each match (one per distinct query word). */
  include: string[];
  /** Index terms whose documents are excluded. */
  exclude: string[];
}

export function parseQuery(query: string): ParsedQuery {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const raw of query.replace(/["«»“”]/g, ' ').split(/\s+/)) {
    if (raw === '') continue;
    const neg = raw.startsWith('-') && raw.length > 1;
    const { terms } = analyse(neg ? raw.slice(1) : raw);
    for (const t of terms) {
      const list = neg ? exclude : include;
      if (!list.includes(t)) list.push(t);
    }
  }
  return { include, exclude };
}

/** Most variants one query word expands to. */
const MAX_VARIANTS = 16;

/** Lookups a back-end answers from its vocabulary: which stems exist, by stem or by skeleton. */
export type VocabLookup = (stems: string[], skeletons: string[]) => Promise<{ stem: string; skel: string }[]>;

/** Expand each term into the group of indexed stems it matches; [term] alone when none exist. */
export async function expandTerms(terms: string[], lookup: VocabLookup): Promise<string[][]> {
  if (terms.length === 0) return [];
  const variants = terms.map(queryVariants);
  const skels = terms.map(skeleton);
  const rows = await lookup(
    [...new Set(variants.flat())],
    [...new Set(skels.filter((s) => s.length >= MIN_SKELETON))],
  );
  const bySkel = new Map<string, string[]>();
  const known = new Set<string>();
  for (const r of rows) {
    known.add(r.stem);
    let l = bySkel.get(r.skel);
    if (!l) bySkel.set(r.skel, (l = []));
    l.push(r.stem);
  }
  return terms.map((t, i) => {
    const found = new Set<string>();
    for (const v of variants[i]) if (known.has(v)) found.add(v);
    if (skels[i].length >= MIN_SKELETON) for (const s of bySkel.get(skels[i]) ?? []) found.add(s);
    found.delete(t);
    const rest = [...found].sort((a, b) => {
      const d = Math.abs(a.length - t.length) - Math.abs(b.length - t.length);
      return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
    });
    return [t, ...rest].slice(0, MAX_VARIANTS);
  });
}
