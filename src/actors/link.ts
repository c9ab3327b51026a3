// Entity linking: KB names and role phrases found in the text (alias trie over normalised tokens,
// longest match, proclitics peeled), merged with the tagger's mentions, then in-document
// coreference (surnames, issuer anaphora) and grouping into entities.
import {
  TokenKind,
  type Doc,
  type Entity,
  type EntityType,
  type Mention,
  type TextSpan,
} from '../doc/types.js';
import { normaliseWord, tokenTypes, tokenWords, typeMemo, wordSlot } from '../text/normalise.js';
import {
  candidatesOf,
  normPhrase,
  skeleton,
  type Candidate,
  type AliasIndex,
  type Sense,
  type TrieNode,
} from './index.js';
import { yearFit, type KbActor, type KnowledgeBase } from './kb.js';

export interface ActorsResources {
  kb: KnowledgeBase;
  index: AliasIndex;
}

type UnitClass = 'actor' | 'nisba' | 'role' | 'head' | 'mod';
/** The word carries the article, with or without a proclitic (الوضع، والوضع، بالوضع، للوضع). */
function definiteWord(w: string): boolean {
  return (
    w.startsWith('ال') ||
    ((w.startsWith('وال') || w.startsWith('بال') || w.startsWith('فال')) && w.length > 4) ||
    (w.startsWith('لل') && w.length > 3)
  );
}
/** Sectors of state offices and institutions, whose name may take a complement before its nisba. */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

interface Unit {
  ti: number;
  tj: number;
  start: number;
  end: number;
  cls: UnitClass;
  senses: Sense[];
  /** The trie form of the first word that matched (article-less for role words). */
  form: string;
  clitics: string;
  /** Chosen actor (for cls 'actor'). */
  actor: KbActor | null;
  /** The first word carried the article, or the last word does (construct: قوات الأمن). */
  definite: boolean;
  /** The matched words, normalised, the first as matched (article-less for role words). */
  formFull: string;
}

interface Phrase {
  start: number;
  end: number;
  ti: number;
  tj: number;
  country: string | null;
  sector: string | null;
  type: EntityType;
  standalone: boolean;
  absorbed: boolean;
  key: string;
  /** The country came from the article, not from the phrase. */
  inferred: boolean;
}

interface Draft {
  key: string;
  type: EntityType;
  name: { ar: string; en: string | null };
  actor: { id: string | null; country: string | null; sectors: string[]; inferred?: boolean };
  geo: { lat: number; lon: number } | null;
  mentions: TextSpan[];
  /** Normalised name words, for surname coreference (PER only). */
  words: string[] | null;
}

/** Normalised units of `text[s..e)` skipped to pass `k` normalised code units (plus trailing marks). */
function skipUnits(text: string, s: number, e: number, k: number): number {
  let pos = s;
  let c = 0;
  while (pos < e && c < k) c += normaliseWord(text[pos++]).length;
  while (pos < e && normaliseWord(text[pos]).length === 0) pos++;
  return pos;
}

function sensesFor(node: TrieNode, noArticle: boolean): Sense[] | null {
  if (node.senses === null) return null;
  if (!noArticle) return node.senses;
  const s = node.senses.filter((x) => x.k === 'role' || x.k === 'head' || x.k === 'mod');
  return s.length > 0 ? s : null;
}

function classify(senses: Sense[]): UnitClass {
  let best: UnitClass = 'mod';
  const order: UnitClass[] = ['actor', 'nisba', 'role', 'head', 'mod'];
  for (const s of senses) if (order.indexOf(s.k) < order.indexOf(best)) best = s.k;
  return best;
}

function codeOf(country: string | null, sectors: string[]): string | null {
  const c = (country ?? '') + (sectors[0] ?? '');
  return c === '' ? null : c;
}

/** A reading of a word (proclitics peeled) and the trie node its form reaches from the root. */
interface Start {
  c: Candidate;
  node: TrieNode;
  /** sensesFor(node, c.noArticle): the senses of the one-word match. */
  s0: Sense[] | null;
}
const NO_STARTS: Start[] = [];
const startMemos = new WeakMap<AliasIndex, Map<string, Start[]>>();
const START_MEMO_MAX = 200_000;

function startMemoOf(idx: AliasIndex): Map<string, Start[]> {
  let m = startMemos.get(idx);
  if (!m) startMemos.set(idx, (m = new Map()));
  else if (m.size >= START_MEMO_MAX) m.clear();
  return m;
}

const STARTS_SLOT = wordSlot();

/** The readings of `w` (candidatesOf order) whose form is a first word in the trie. */
function makeStarts(idx: AliasIndex, w: string): Start[] {
  let s = NO_STARTS;
  for (const c of candidatesOf(w)) {
    const node = idx.root.next?.get(c.form);
    if (node) (s === NO_STARTS ? (s = []) : s).push({ c, node, s0: sensesFor(node, c.noArticle) });
  }
  return s;
}

/** The readings of `w` (candidatesOf order) whose form is a first word in the trie, memoised. */
function startsOf(memo: Map<string, Start[]>, idx: AliasIndex, w: string): Start[] {
  let s = memo.get(w);
  if (s === undefined) {
    s = NO_STARTS;
    for (const c of candidatesOf(w)) {
      const node = idx.root.next?.get(c.form);
      if (node) (s === NO_STARTS ? (s = []) : s).push({ c, node, s0: sensesFor(node, c.noArticle) });
    }
    memo.set(w, s);
  }
  return s;
}

export function linkDoc(
  doc: Doc,
  res: ActorsResources,
): { entities: Entity[]; datelineEntity: string | null } {
  const { text, tokens } = doc;
  const idx = res.index;
  const n = tokens.count;
  const words = tokenWords(text, tokens);
  const types = tokenTypes(text, tokens);
  const norm: string[] = new Array(n);
  for (let i = 0; i < n; i++)
    norm[i] =
      tokens.kind[i] === TokenKind.ArabicWord
        ? words[i]
        : tokens.kind[i] === TokenKind.LatinWord
          ? words[i].toLowerCase()
          : '';
  // Two words join into one name only when nothing but spaces separates them.
  const joins = (i: number): boolean => {
    if (norm[i] === '' || norm[i + 1] === '' || i + 1 >= n) return false;
    for (let p = tokens.end[i]; p < tokens.start[i + 1]; p++) {
      const c = text.charCodeAt(p);
      if (c !== 0x20 && c !== 0xa0 && c !== 0x09 && c !== 0x200c) return false;
    }
    return true;
  };

  // 1. Units: longest trie match at each word, proclitics peeled.
  const startMemo = startMemoOf(idx);
  const units: Unit[] = [];
  for (let i = 0; i < n;) {
    if (norm[i] === '') {
      i++;
      continue;
    }
    // Most words start no name: their readings that begin a trie path are known per word type.
    const starts =
      tokens.kind[i] === TokenKind.ArabicWord
        ? typeMemo(types[i], STARTS_SLOT, idx, makeStarts)
        : startsOf(startMemo, idx, norm[i]);
    if (starts.length === 0) {
      i++;
      continue;
    }
    let best: { len: number; senses: Sense[]; c: Candidate } | null = null;
    for (const st of starts) {
      let node = st.node;
      let j = i + 1;
      let fLen = 0;
      let fSenses: Sense[] | null = null;
      if (st.s0) {
        fLen = 1;
        fSenses = st.s0;
      }
      while (node.next !== null && j < n && joins(j - 1)) {
        const nx: TrieNode | undefined = node.next.get(norm[j]);
        if (!nx) break;
        node = nx;
        j++;
        const s = sensesFor(node, false);
        if (s) {
          fLen = j - i;
          fSenses = s;
        }
      }
      if (fSenses && (best === null || fLen > best.len)) best = { len: fLen, senses: fSenses, c: st.c };
    }
    if (best === null) {
      i++;
      continue;
    }
    const start = skipUnits(text, tokens.start[i], tokens.end[i], best.c.prefix);
    const lastWord = norm[i + best.len - 1];
    units.push({
      formFull: [best.c.form, ...norm.slice(i + 1, i + best.len)].join(' '),
      definite:
        best.c.noArticle || best.c.form.startsWith('ال') || (best.len > 1 && lastWord.startsWith('ال')),
      ti: i,
      tj: i + best.len,
      start,
      end: tokens.end[i + best.len - 1],
      cls: classify(best.senses),
      senses: best.senses,
      form: best.c.form,
      clitics: best.c.clitics,
      actor: null,
    });
    i += best.len;
  }

  // 1b. A tagger span that strictly contains units of another kind is a name of its own: مركز الملك
  // سلمان للإغاثة is not King Salman, أبو يحيى التونسي is not Tunisia, ميناء عدن is not Aden.
  const compatible = (m: EntityType, a: EntityType): boolean =>
    m === a || ((m === 'GPE' || m === 'LOC') && (a === 'GPE' || a === 'LOC'));
  const overridden = new Set<Unit>();
  for (const m of doc.mentions ?? []) {
    // Units are in text order and do not overlap: only those from the first one ending after
    // m.start can overlap m (binary search; a scan of all units per mention is quadratic).
    let lo = 0;
    for (let hi = units.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (units[mid].end <= m.start) lo = mid + 1;
      else hi = mid;
    }
    const near: Unit[] = [];
    for (let k = lo; k < units.length && units[k].start < m.end; k++) near.push(units[k]);
    const inside = near.filter((u) => u.start >= m.start && u.end <= m.end);
    const exact = inside.length === 1 && inside[0].start === m.start && inside[0].end === m.end;
    // A nisba tagged as a person is a surname (التونسي, السوداني).
    if (exact && m.type === 'PER' && inside[0].cls === 'nisba') overridden.add(inside[0]);
    if (inside.length === 0 || exact) continue;
    if (near.some((u) => u.start < m.end && m.start < u.end && (u.start < m.start || u.end > m.end)))
      continue;
    // A tagged person that contains a KB person's shorter name is that person only when it also
    // has the first word of one of the KB names (سيف الإسلام القذافي is not معمر القذافي).
    const mWords = m.type === 'PER' ? normPhrase(text.slice(m.start, m.end)) : null;
    const sameFirst = (a: KbActor): boolean =>
      mWords === null ||
      a.kind !== 'person' ||
      a.ar.some((n) => {
        const w = normPhrase(n);
        return w.length >= 2 && mWords.includes(w[0]);
      });
    const keep = inside.some(
      (u) =>
        u.cls === 'actor' &&
        u.senses.some((x) => x.k === 'actor' && compatible(m.type, x.actor.type) && sameFirst(x.actor)),
    );
    const foreign = inside.some((u) => u.cls === 'nisba' || u.cls === 'actor');
    if (!keep && foreign) for (const u of inside) overridden.add(u);
    else if (
      keep &&
      mWords !== null &&
      inside.length === 1 &&
      inside[0].senses.some((x) => x.k === 'actor' && x.actor.kind === 'person')
    ) {
      // مفرج بن سعد الحقباني around الحقباني: the whole tagged name is the mention.
      const u = inside[0];
      let lo = 0;
      for (let hi = n - 1; lo < hi;) {
        const mid = (lo + hi) >> 1;
        if (tokens.end[mid] <= m.start) lo = mid + 1;
        else hi = mid;
      }
      u.start = m.start;
      u.end = m.end;
      u.ti = lo;
    }
  }
  if (overridden.size > 0) {
    const kept = units.filter((u) => !overridden.has(u));
    units.length = 0;
    units.push(...kept);
  }

  // 2a. The article's main country: the country named most often (countries, nisbas, places,
  // and at half weight organisations and people of a country), the dateline place counting
  // double. Unnamed role actors (الحكومة، قوات الأمن، القوات الموالية) without a country of their
  // own take it, marked inferred. None when no country is named twice or two tie.
  const countryWeight = new Map<string, number>();
  /** Mentions of each organisation named unambiguously (for ctx=org:… readings). */
  const orgWeight = new Map<string, number>();
  const addWeight = (c: string | null, w: number): void => {
    if (c !== null && res.kb.countryCodes.has(c) && res.kb.actors.get(c)?.kind === 'country')
      countryWeight.set(c, (countryWeight.get(c) ?? 0) + w);
  };
  for (const u of units) {
    if (u.cls === 'nisba') {
      const s = u.senses.find((x) => x.k === 'nisba');
      if (s && s.k === 'nisba') addWeight(s.country, 1);
    } else if (u.cls === 'actor') {
      // Names of one actor only (طرابلس counts for neither Libya nor Lebanon).
      const only = u.senses.filter((x) => x.k === 'actor');
      if (only.length !== 1 || only[0].k !== 'actor') continue;
      const a = only[0].actor;
      if (a.kind === 'org') orgWeight.set(a.id, (orgWeight.get(a.id) ?? 0) + 1);
      const dl0 = doc.dateline;
      const w =
        a.kind === 'country' || a.kind === 'place'
          ? dl0 !== null && u.start >= dl0.start && u.end <= dl0.end
            ? 2
            : 1
          : a.kind === 'org'
            ? 1
            : 0.5;
      addWeight(a.country, w);
    }
  }
  let mainCountry: string | null = null;
  {
    let bestW = 0;
    let tie = false;
    for (const [c, w] of countryWeight) {
      if (w > bestW) {
        bestW = w;
        mainCountry = c;
        tie = false;
      } else if (w === bestW) tie = true;
    }
    if (bestW < 2 || tie) mainCountry = null;
  }

  // 2. Choose among actors that share an alias: date, countries in the document, mention type.
  const year = doc.meta.date ? Number(doc.meta.date.slice(0, 4)) : null;
  const docCountries = new Set<string>();
  for (const u of units) {
    const actors = u.senses.filter((s) => s.k === 'actor');
    if (actors.length === 1 && actors[0].k === 'actor' && actors[0].actor.country)
      docCountries.add(actors[0].actor.country);
    if (u.cls === 'nisba') for (const s of u.senses) if (s.k === 'nisba') docCountries.add(s.country);
  }
  const mentionsSorted = [...(doc.mentions ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  // The first mention (in sorted order) overlapping [start, end): the first whose end passes
  // `start` (binary search on the running maximum of ends), if it starts before `end`.
  const maxEnd = new Int32Array(mentionsSorted.length);
  mentionsSorted.forEach((m, k) => (maxEnd[k] = Math.max(k > 0 ? maxEnd[k - 1] : 0, m.end)));
  const nerTypeAt = (start: number, end: number): EntityType | null => {
    let lo = 0;
    for (let hi = maxEnd.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (maxEnd[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    const m = mentionsSorted[lo];
    return m !== undefined && m.start < end ? m.type : null;
  };
  const wordIn = (t: number, set: Set<string>): boolean =>
    t >= 0 && t < n && norm[t] !== '' && candidatesOf(norm[t]).some((c) => !c.noArticle && set.has(c.form));
  for (let ui = 0; ui < units.length; ui++) {
    const u = units[ui];
    if (u.cls !== 'actor') continue;
    // Right after a name, a contextual name is its adjective (القدس الشرقية is not the province).
    const prevU = units[ui - 1];
    const afterName =
      prevU !== undefined &&
      prevU.cls === 'actor' &&
      prevU.tj === u.ti &&
      u.clitics === '' &&
      joins(u.ti - 1);
    // دعم مالي is financial support, not Mali, and السيارة الرمادي a grey car: a name that is also
    // an adjective, right after a word that agrees with it in definiteness and neither locates it
    // (في، شمال) nor heads it (حكومة، رئيس), is the adjective.
    const adjective =
      u.clitics === '' &&
      u.tj - u.ti === 1 &&
      idx.adjectiveHomographs.has(norm[u.ti]) &&
      u.ti > 0 &&
      joins(u.ti - 1) &&
      tokens.kind[u.ti - 1] === TokenKind.ArabicWord &&
      definiteWord(norm[u.ti - 1]) === norm[u.ti].startsWith('ال') &&
      !wordIn(u.ti - 1, idx.locativeCues) &&
      !(prevU !== undefined && prevU.tj === u.ti && prevU.cls !== 'nisba');
    let best: KbActor | null = null;
    let bestScore = -Infinity;
    const nerType = nerTypeAt(u.start, u.end);
    let order = 0;
    for (const s of u.senses) {
      if (s.k !== 'actor' || adjective) continue;
      const a = s.actor;
      // A reading that needs a country in the story (ctx=) is out without one, and ranks by it.
      let ctx = 0;
      if (s.contextual) {
        if (afterName) continue;
        for (const c of a.context) ctx = Math.max(ctx, countryWeight.get(c) ?? orgWeight.get(c) ?? 0);
        if (ctx === 0) continue;
      }
      const score =
        yearFit(a, year) * 10 +
        ctx * 3 +
        (a.country !== null && docCountries.has(a.country) && a.kind !== 'country' ? 2 : 0) +
        (nerType !== null && nerType === a.type ? 1 : 0) -
        order++ * 0.001;
      if (score > bestScore) {
        bestScore = score;
        best = a;
      }
    }
    u.actor = best;
    if (best === null) {
      // No reading fits the story: the phrase's other senses (قوات التحالف as a role) remain.
      const rest = u.senses.filter((x) => x.k !== 'actor');
      if (rest.length > 0) {
        u.senses = rest;
        u.cls = classify(rest);
      }
    }
  }

  // 3. Entities under construction, keyed; mentions added in text order.
  const drafts = new Map<string, Draft>();
  const covered = new Uint8Array(text.length + 1);
  const cover = (s: number, e: number): void => {
    covered.fill(1, s, e);
  };
  const isCovered = (s: number, e: number): boolean => {
    for (let p = s; p < e; p++) if (covered[p]) return true;
    return false;
  };
  const addMention = (d: Omit<Draft, 'mentions'>, start: number, end: number): Draft => {
    let e = drafts.get(d.key);
    if (!e) {
      e = { ...d, mentions: [] };
      drafts.set(d.key, e);
    }
    e.mentions.push({ start, end, text: text.slice(start, end) });
    cover(start, end);
    return e;
  };
  const countryDraft = (iso: string): Omit<Draft, 'mentions'> | null => {
    const a = res.kb.actors.get(iso);
    if (!a) return null;
    return actorDraft(a, 'kb:' + a.id, null);
  };
  const actorDraft = (a: KbActor, key: string, descr: Phrase | null): Omit<Draft, 'mentions'> => {
    const sectors = a.sectors.length > 0 ? a.sectors : descr?.sector ? [descr.sector] : [];
    const inferred = a.country === null && descr?.country != null && descr.inferred;
    return {
      key,
      type: a.type,
      name: { ar: a.ar[0], en: a.en },
      actor: {
        id: a.id,
        country: a.country ?? descr?.country ?? null,
        sectors,
        ...(inferred ? { inferred } : {}),
      },
      geo: a.kind === 'person' || a.kind === 'org' ? null : a.geo,
      words: a.type === 'PER' ? normPhrase(a.ar[0]) : null,
    };
  };

  const dl = doc.dateline;
  const inDateline = (u: Unit): boolean => dl !== null && u.start >= dl.start && u.end <= dl.end;
  const prevWord = (ti: number): string => {
    const p = ti - 1;
    if (p < 0 || norm[p] === '') return '';
    const w = norm[p];
    return w.length > 2 && (w[0] === 'و' || w[0] === 'ف') && !idx.locativeCues.has(w) ? w.slice(1) : w;
  };
  /** Is any reading of the word at token t (proclitics peeled) in the set? */
  const isLocative = (u: Unit): boolean =>
    inDateline(u) ||
    [...u.clitics].some((c) => idx.locativeClitics.has(c)) ||
    wordIn(u.ti - 1, idx.locativeCues);
  /** A capital is read as its government only next to words of agency; otherwise it is a place. */
  const isAgentive = (u: Unit): boolean =>
    !isLocative(u) &&
    (wordIn(u.ti - 1, idx.metonymyCues) || (joins(u.tj - 1) && wordIn(u.tj, idx.metonymyCues)));

  // Issuers: entities named right after a speech verb (وقالت السفارة الأمريكية), for البيان.
  const issuers: { start: number; key: string }[] = [];
  const noteIssuer = (ti: number, start: number, key: string): void => {
    const p = prevWord(ti);
    if (idx.speechVerbs.has(p) || idx.speechVerbs.has(norm[ti - 1] ?? '')) issuers.push({ start, key });
  };

  const descrByToken = new Map<number, Phrase>();
  const tokenAt = (pos: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens.end[mid] <= pos) lo = mid + 1;
      else if (tokens.start[mid] > pos) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
  const nerStartTokens = new Set<number>();
  for (const m of mentionsSorted)
    if (m.type === 'PER' || m.type === 'ORG') nerStartTokens.add(tokenAt(m.start));

  const metonymic = new Set<Unit>();
  /** The last named institution or country-bearing role phrase of each head noun (وزاره، حكومه). */
  const byHead = new Map<string, Draft>();
  // 4. Walk the units: role phrases (with what they describe), actors, nisbas.
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (unit.cls === 'role' || unit.cls === 'head') {
      let k = u;
      let bestRank = -1;
      let sector: string | null = null;
      let country: string | null = null;
      let standalone = false;
      let absorbed: Unit | null = null;
      let headForm = '';
      let personal = unit.cls === 'head';
      let afterNisba = false;
      while (k < units.length) {
        const x = units[k];
        // A title's own complement may sit between it and its nisba (وزير الأوقاف الفلسطيني).
        const titleGap =
          k === u + 1 &&
          x.cls === 'nisba' &&
          x.clitics === '' &&
          unit.senses.some((y) => y.k === 'role' && y.rank >= 1 && STATE_SECTORS.has(y.sector)) &&
          x.ti === unit.tj + 1 &&
          tokens.kind[unit.tj] === TokenKind.ArabicWord &&
          norm[unit.tj].startsWith('ال') &&
          joins(unit.tj - 1) &&
          joins(unit.tj);
        if (
          k > u &&
          !titleGap &&
          (x.clitics !== '' || !(x.ti === units[k - 1].tj && joins(units[k - 1].tj - 1)))
        )
          break;
        // A nisba closes the noun phrase: a definite noun or a name after it is the next argument
        // (وطالبت الرئاسة الفلسطينية المجتمع الدولي، دعت الحكومة اليمنية الأمم المتحدة).
        if (
          afterNisba &&
          (x.cls === 'actor' ||
            (x.cls === 'role' && x.definite && x.senses.some((y) => y.k === 'role' && y.rank >= 1)))
        )
          break;
        if (x.cls === 'nisba') afterNisba = true;
        if (x.cls === 'role') {
          for (const s of x.senses)
            if (s.k === 'role' && s.rank >= bestRank) {
              bestRank = s.rank;
              sector = s.sector;
              standalone = standalone || s.standalone;
              if (headForm === '' || s.rank === 2) headForm = x.form;
              personal = s.rank < 2;
            }
        } else if (x.cls === 'nisba') {
          const s = x.senses.find((y) => y.k === 'nisba');
          if (s && s.k === 'nisba' && country === null) country = s.country;
        } else if (
          x.cls === 'actor' &&
          x.actor &&
          (x.actor.kind === 'country' || x.actor.kind === 'org') &&
          k > u
        ) {
          absorbed = x;
          if (country === null) country = x.actor.country;
          if (x.actor.sectors.length > 0 && bestRank < 2) {
            sector = x.actor.sectors[0];
            bestRank = 1.5;
            personal = true;
          }
          k++;
          break;
        } else if (
          x.cls === 'actor' &&
          x.actor &&
          x.actor.kind === 'place' &&
          x.actor.type === 'GPE' &&
          k > u &&
          !idx.placeNouns.has(headForm)
        ) {
          // رئاسة كردستان، شرطة بغداد: the place gives the country and stays a place of its own.
          absorbed = x;
          if (country === null) country = x.actor.country;
          k++;
          break;
        } else if (x.cls !== 'head' && x.cls !== 'mod') break;
        k++;
      }
      // A bare institution noun after a named one of the same head is that one (وزارة الداخلية
      // الكويتية … الوزارة); else it takes the article's main country. Adjectives (rank 0) alone
      // are no actor.
      let corefTo: Draft | null = null;
      // A phrase is definite when any of its units is: قوات النظام is as definite as الجيش.
      let definite = false;
      for (let x = u; x < k && !definite; x++) definite = units[x].definite;
      if (sector !== null && country === null && absorbed === null && definite) {
        const ante = byHead.get(headForm);
        if (ante !== undefined && ante.actor.country !== null) corefTo = ante;
      }
      // A named person right after the phrase gives it its country below (قوات هادي, حكومة الرئيس
      // أشرف غني), so it is not inferred from the story.
      const after = units[k];
      const personNext =
        !unit.definite &&
        after !== undefined &&
        after.cls === 'actor' &&
        after.actor?.kind === 'person' &&
        after.ti === units[k - 1].tj;
      let inferred = false;
      if (
        !personNext &&
        corefTo === null &&
        bestRank >= 1 &&
        sector !== null &&
        country === null &&
        absorbed === null &&
        mainCountry !== null &&
        definite &&
        idx.inferSectors.has(sector) &&
        !idx.noInference.has(headForm) &&
        !idx.noInference.has(unit.formFull)
      ) {
        country = mainCountry;
        inferred = true;
      }
      const last = units[k - 1];
      const phrase: Phrase = {
        start: unit.start,
        end: last.end,
        ti: unit.ti,
        tj: last.tj,
        country,
        sector,
        type: personal ? 'PER' : 'ORG',
        standalone,
        absorbed: absorbed !== null,
        inferred,
        key: `role:${codeOf(country, sector ? [sector] : []) ?? ''}${inferred ? '~' : ''}:${headForm}`,
      };
      // A named person or group right after the phrase takes it as its description.
      const next = units[k];
      const nextAdjacent = next !== undefined && next.ti === last.tj && joins(last.tj - 1);
      if (
        nextAdjacent &&
        next.cls === 'actor' &&
        next.actor &&
        next.actor.kind === 'person' &&
        !personal &&
        sector !== null &&
        country === null &&
        unit.clitics === '' &&
        next.clitics === '' &&
        next.actor.country !== null
      ) {
        // قوات هادي، قوات حفتر: a group noun before a person is that person's forces.
        const p = next.actor;
        const d = addMention(
          {
            key: `forces:${p.id}:${headForm}`,
            type: 'ORG',
            name: { ar: text.slice(phrase.start, next.end), en: `${p.en} (forces)` },
            actor: { id: null, country: p.country, sectors: [sector] },
            geo: null,
            words: null,
          },
          phrase.start,
          next.end,
        );
        noteIssuer(unit.ti, phrase.start, d.key);
        u = k;
        continue;
      } else if (nextAdjacent && next.cls === 'actor' && next.actor && next.actor.kind === 'person') {
        descrByToken.set(next.ti, phrase);
      } else if (
        joins(last.tj - 1) &&
        nerStartTokens.has(last.tj) &&
        !(nextAdjacent && next.cls === 'actor')
      ) {
        descrByToken.set(last.tj, phrase);
      } else if (absorbed?.actor?.kind === 'org' && phrase.type === 'ORG' && !personal) {
        // ميليشيات الحوثيين, قوات الحرس الثوري: a group noun before an organisation is the organisation.
        const a = absorbed.actor;
        issuersSafeAdd(actorDraft(a, 'kb:' + a.id, null), { ...unit, start: unit.start, end: absorbed.end });
        absorbed = null;
      } else if (corefTo !== null) {
        addMention(corefTo, phrase.start, phrase.end);
      } else if (sector !== null && (country !== null || standalone || absorbed !== null)) {
        const surface = text.slice(phrase.start, phrase.end);
        const d = addMention(
          {
            key: phrase.key,
            type: phrase.type,
            name: { ar: surface.startsWith('لل') ? 'ا' + surface.slice(1) : surface, en: null },
            actor: { id: null, country, sectors: [sector], ...(inferred ? { inferred } : {}) },
            geo: null,
            words: null,
          },
          phrase.start,
          phrase.end,
        );
        noteIssuer(unit.ti, phrase.start, d.key);
        if (country !== null && !inferred) byHead.set(headForm, d);
      }
      // The absorbed country or organisation is still mentioned in its own right.
      if (absorbed !== null && absorbed.actor) {
        const a = absorbed.actor;
        const d = actorDraft(a, 'kb:' + a.id, null);
        issuersSafeAdd(d, absorbed);
      }
      u = k - 1;
      continue;
    }
    if (unit.cls === 'actor' && unit.actor) {
      const a = unit.actor;
      // A conjunct takes the reading of the name it is joined to: طهران وواشنطن, العراق وبغداد.
      const prev = units[u - 1];
      const conjunct =
        unit.clitics.startsWith('و') && prev !== undefined && prev.tj === unit.ti && prev.cls === 'actor'
          ? prev
          : null;
      const agentive =
        conjunct !== null
          ? metonymic.has(conjunct) ||
            (conjunct.actor?.kind === 'country' && !isLocative(conjunct) && isAgentive(conjunct))
          : isAgentive(unit);
      if (a.kind === 'place' && a.capitalOf !== null && agentive) {
        metonymic.add(unit);
        // Capital metonymy: أوامر طهران → the government of Iran.
        const c = res.kb.actors.get(a.capitalOf);
        const d = addMention(
          {
            key: 'gov:' + a.capitalOf,
            type: 'GPE',
            name: { ar: a.ar[0], en: c ? `${a.en} (government of ${c.en})` : a.en },
            actor: { id: a.capitalOf, country: a.capitalOf, sectors: ['GOV'] },
            geo: null,
            words: null,
          },
          unit.start,
          unit.end,
        );
        noteIssuer(unit.ti, unit.start, d.key);
        continue;
      }
      const d = issuersSafeAdd(actorDraft(a, 'kb:' + a.id, descrByToken.get(unit.ti) ?? null), unit);
      // A named institution (وزارة الداخلية الكويتية) is what a later bare الوزارة refers to.
      if (a.kind === 'org' && a.country !== null)
        byHead.set(unit.form.startsWith('ال') ? unit.form.slice(2) : unit.form, d);
      continue;
    }
    if (unit.cls === 'nisba') {
      const s = unit.senses.find((y) => y.k === 'nisba');
      const d = s && s.k === 'nisba' ? countryDraft(s.country) : null;
      if (d) addMention(d, unit.start, unit.end);
    }
  }

  function issuersSafeAdd(d: Omit<Draft, 'mentions'>, unit: Unit): Draft {
    const added = addMention(d, unit.start, unit.end);
    noteIssuer(unit.ti, unit.start, d.key);
    return added;
  }

  // 5. The tagger's mentions that no KB name or role phrase explains.
  for (const m of mentionsSorted) {
    if (m.end <= m.start || isCovered(m.start, m.end)) continue;
    linkNerMention(m);
  }
  function linkNerMention(m: Mention): void {
    const words = normPhrase(text.slice(m.start, m.end));
    if (words.length === 0) return;
    if (m.type === 'PER') {
      const target = corefTarget(words);
      if (target) {
        addMention(target, m.start, m.end);
        return;
      }
    }
    if (m.type === 'PER' && words.length >= 2) {
      const a = personByEnds(words);
      if (a) {
        issuersSafeAdd(actorDraft(a, 'kb:' + a.id, descrByToken.get(tokenAt(m.start)) ?? null), {
          ti: tokenAt(m.start),
          start: m.start,
          end: m.end,
        } as Unit);
        return;
      }
    }
    // A spelling variant of a KB name (سيرجي شويجو for سيرغي شويغو): same consonant skeleton.
    const variant = bySkeleton(words, m.type);
    if (variant) {
      issuersSafeAdd(actorDraft(variant, 'kb:' + variant.id, descrByToken.get(tokenAt(m.start)) ?? null), {
        ti: tokenAt(m.start),
        start: m.start,
        end: m.end,
      } as Unit);
      return;
    }
    const name = words.join(' ');
    const descr = descrByToken.get(tokenAt(m.start)) ?? null;
    const key = `nil:${m.type}:${name}`;
    const d = addMention(
      {
        key,
        type: m.type,
        name: { ar: text.slice(m.start, m.end), en: null },
        actor: {
          id: `nil:${m.type}:${name.replace(/ /g, '_')}`,
          country: descr?.country ?? null,
          sectors: descr?.sector ? [descr.sector] : [],
          ...(descr?.inferred ? { inferred: true } : {}),
        },
        geo: null,
        words: m.type === 'PER' ? words : null,
      },
      m.start,
      m.end,
    );
    noteIssuer(tokenAt(m.start), m.start, d.key);
  }
  function bySkeleton(words: string[], type: EntityType): KbActor | null {
    const hits = res.index.skeletons.get(skeleton(words));
    if (!hits) return null;
    let best: KbActor | null = null;
    let bestFit = -1;
    let ambiguous = false;
    for (const a of hits) {
      if (!compatible(type, a.type)) continue;
      const f = yearFit(a, year);
      if (f > bestFit) {
        best = a;
        bestFit = f;
        ambiguous = false;
      } else if (f === bestFit && a !== best) ambiguous = true;
    }
    return ambiguous ? null : best;
  }
  function personByEnds(words: string[]): KbActor | null {
    // عادل بن زيد الطريفي is عادل الطريفي: a nasab (بن …) inside a two-word KB name.
    const nasab = words.length >= 3 && (words[1] === 'بن' || words[1] === 'ابن');
    const hits =
      res.index.personEnds.get(words[0] + ' ' + words[words.length - 1]) ??
      (nasab ? res.index.personEnds2.get(words[0] + ' ' + words[words.length - 1]) : undefined);
    if (!hits) return null;
    let best: KbActor | null = null;
    let bestFit = -1;
    for (const a of hits) {
      const f = yearFit(a, year);
      if (f > bestFit) {
        best = a;
        bestFit = f;
      } else if (f === bestFit && a !== best) best = null; // ambiguous
    }
    return best;
  }
  function corefTarget(words: string[]): Draft | null {
    let found: Draft | null = null;
    let foundAt = Infinity;
    for (const d of drafts.values()) {
      if (d.type !== 'PER' || !d.words || d.words.length < 2) continue;
      const last = d.words[d.words.length - 1];
      const ok =
        (words.length === 1 && words[0] === last) ||
        (words.length >= 2 && words[words.length - 1] === last && words[0] === d.words[0]);
      // Several people share the surname: the one named first is the article's main figure.
      const at = d.mentions[0]?.start ?? Infinity;
      if (ok && at < foundAt) {
        found = d;
        foundAt = at;
      }
    }
    return found;
  }

  // 6. Surnames alone later in the text (… سليماني) join the full name named earlier.
  const bySurname = new Map<string, Draft>();
  for (const d of drafts.values())
    if (d.type === 'PER' && d.words && d.words.length >= 2) {
      const last = d.words[d.words.length - 1];
      const prev = bySurname.get(last);
      if (last.length >= 3 && (!prev || prev.mentions[0].start > d.mentions[0].start)) bySurname.set(last, d);
    }
  if (bySurname.size > 0) {
    // Suffixes every reading of a word ending in a surname has (للمالكي reads as المالكي).
    // Prefilter on the last two code units (no per-token allocation, no scan of all surnames).
    const tail = (w: string): number => (w.charCodeAt(w.length - 2) << 16) | w.charCodeAt(w.length - 1);
    const tails = new Set<number>();
    for (const x of bySurname.keys()) tails.add(tail(x));
    for (let i = 0; i < n; i++) {
      if (norm[i].length < 3 || !tails.has(tail(norm[i]))) continue;
      for (const c of candidatesOf(norm[i])) {
        if (c.noArticle) continue;
        const d = bySurname.get(c.form);
        if (!d) continue;
        const start = skipUnits(text, tokens.start[i], tokens.end[i], c.prefix);
        if (start < d.mentions[0].start || isCovered(start, tokens.end[i])) break;
        addMention(d, start, tokens.end[i]);
        break;
      }
    }
  }

  // 7. البيان → the issuer named just before, when there is exactly one in the last sentences.
  if (issuers.length > 0) {
    const sentOf = (pos: number): number => {
      let lo = 0;
      let hi = doc.sentences.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (doc.sentences[mid].end <= pos) lo = mid + 1;
        else if (doc.sentences[mid].start > pos) hi = mid - 1;
        else return mid;
      }
      return lo;
    };
    const issuerEnds = [...idx.issuerNouns].map((x) => (x.startsWith('ال') ? x.slice(2) : x));
    for (let i = 0; i < n; i++) {
      if (norm[i] === '' || !issuerEnds.some((x) => norm[i].endsWith(x))) continue;
      const cands = candidatesOf(norm[i]).filter((c) => !c.noArticle && idx.issuerNouns.has(c.form));
      if (cands.length === 0 || !cands[0].form.startsWith('ال')) continue;
      // المتحدث باسم الجيش names its own organisation.
      if (joins(i) && wordIn(i + 1, idx.issuerBlockers)) continue;
      const c = cands[0];
      const start = skipUnits(text, tokens.start[i], tokens.end[i], c.prefix);
      if (isCovered(start, tokens.end[i])) continue;
      const s = sentOf(start);
      const window = issuers.filter((x) => x.start < start && s - sentOf(x.start) <= 2);
      const keys = new Set(window.map((x) => x.key));
      if (keys.size !== 1) continue;
      const d = drafts.get([...keys][0]);
      if (d) addMention(d, start, tokens.end[i]);
    }
  }

  // 8. The dateline place.
  let datelineKey: string | null = null;
  if (dl) {
    for (const u of units)
      if (inDateline(u) && u.actor && (u.actor.kind === 'place' || u.actor.kind === 'country')) {
        datelineKey = 'kb:' + u.actor.id;
        break;
      }
  }

  // 9. Number the entities by first mention.
  const list = [...drafts.values()].filter((d) => d.mentions.length > 0);
  for (const d of list) d.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  list.sort((a, b) => a.mentions[0].start - b.mentions[0].start || a.mentions[0].end - b.mentions[0].end);
  let datelineEntity: string | null = null;
  const entities: Entity[] = list.map((d, i) => {
    const id = `E${i + 1}`;
    if (d.key === datelineKey) datelineEntity = id;
    const mentions: TextSpan[] = [];
    for (const m of d.mentions) {
      const prev = mentions[mentions.length - 1];
      if (prev && prev.start === m.start && prev.end === m.end) continue;
      mentions.push(m);
    }
    return {
      id,
      type: d.type,
      name: d.name,
      actor: {
        id: d.actor.id,
        country: d.actor.country,
        sectors: d.actor.sectors,
        code: codeOf(d.actor.country, d.actor.sectors),
        ...(d.actor.inferred ? { inferred: true } : {}),
      },
      geo: d.geo,
      mentions,
    };
  });
  return { entities, datelineEntity };
}
