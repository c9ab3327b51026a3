// The actor knowledge base and role dictionary: every data file validates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildIndex,
  cliticCandidates,
  nisbaForms,
  normPhrase,
  skeleton,
  type TrieNode,
} from '../src/actors/index.js';
import { KbError, loadKb, parseYears, validateKb, type KbActor } from '../src/actors/kb.js';
import { normaliseWord } from '../src/text/normalise.js';

const kb = loadKb();

test('knowledge base: loads, validates (countries, sectors, coordinates, capitals) and is not tiny', () => {
  assert.deepEqual(validateKb(kb), []);
  const kinds = new Map<string, number>();
  for (const a of kb.actors.values()) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  assert.ok((kinds.get('country') ?? 0) >= 240, 'every ISO country');
  assert.ok((kinds.get('place') ?? 0) >= 800, 'places');
  assert.ok((kinds.get('org') ?? 0) >= 1000, 'organisations');
  assert.ok((kinds.get('person') ?? 0) >= 600, 'people');
  assert.ok(kb.actors.size >= 2900, 'thousands of actors');
  for (const a of kb.actors.values()) {
    assert.ok(a.ar.length > 0 && a.en !== '', `${a.id} has names`);
    if (a.kind === 'country') assert.match(a.id, /^[A-Z]{3}$/);
  }
});

test('knowledge base: every country of the region has nisbas, a capital and coordinates', () => {
  const capitals = new Set([...kb.actors.values()].map((a) => a.capitalOf).filter((c) => c !== null));
  for (const iso of [
    'USA',
    'IRQ',
    'IRN',
    'SYR',
    'LBN',
    'JOR',
    'ISR',
    'SAU',
    'ARE',
    'QAT',
    'BHR',
    'OMN',
    'YEM',
    'EGY',
    'TUR',
    'RUS',
    'CHN',
    'GBR',
    'FRA',
  ]) {
    const a = kb.actors.get(iso);
    assert.ok(a, iso);
    assert.ok(a.nisba.length > 0, `${iso} nisba`);
    assert.ok(a.geo, `${iso} geo`);
    assert.ok(capitals.has(iso), `${iso} capital`);
  }
});

test('knowledge base: an alias shared by two actors has a disambiguation rule (type, country, years or story context)', () => {
  const index = buildIndex(kb);
  const problems: string[] = [];
  const walk = (node: TrieNode, path: string[]): void => {
    const actors = (node.senses ?? [])
      .filter((s) => s.k === 'actor')
      .map((s) => (s as { actor: KbActor }).actor);
    for (let i = 0; i < actors.length; i++)
      for (let j = i + 1; j < actors.length; j++) {
        const [a, b] = [actors[i], actors[j]];
        const contexts =
          a.context.length > 0 && b.context.length > 0 && a.context.join() !== b.context.join();
        const ok =
          a.type !== b.type ||
          a.country !== b.country ||
          (a.years.length > 0 && b.years.length > 0) ||
          contexts;
        if (!ok) problems.push(`"${path.join(' ')}": ${a.id} / ${b.id}`);
      }
    if (node.next) for (const [w, nx] of node.next) walk(nx, [...path, w]);
  };
  walk(index.root, []);
  assert.deepEqual(problems, []);
});

test('role dictionary: a role form has one sector; heads and modifiers are not roles', () => {
  const seen = new Map<string, string>();
  for (const r of kb.roles.roles)
    for (const f of r.forms) {
      const k = normaliseWord(f);
      const prev = seen.get(k);
      assert.ok(
        prev === undefined || prev === `${r.sector}/${r.rank}`,
        `${f}: ${prev} vs ${r.sector}/${r.rank}`,
      );
      seen.set(k, `${r.sector}/${r.rank}`);
    }
  for (const h of [...kb.roles.heads, ...kb.roles.modifiers]) assert.ok(!seen.has(normaliseWord(h)), h);
});

test('years: parsed spells, errors name the field', () => {
  assert.deepEqual(parseYears('2017-2021;2025-', 'x'), [
    { from: 2017, to: 2021 },
    { from: 2025, to: null },
  ]);
  assert.deepEqual(parseYears('-2020', 'x'), [{ from: null, to: 2020 }]);
  assert.throws(
    () => parseYears('2021-2017', 'people.tsv line 3'),
    (e: Error) => e instanceof KbError && /years/.test(e.message),
  );
  assert.throws(() => parseYears('soon', 'people.tsv line 3'), /people.tsv line 3: field years/);
});

test('nisba forms cover gender, number and the article', () => {
  const forms = nisbaForms('أمريكي').map((f) => f.join(' '));
  for (const w of ['الأمريكية', 'الأمريكيون', 'الأمريكيين', 'أمريكية', 'أمريكيات', 'الأمريكي'])
    assert.ok(forms.includes(normaliseWord(w)), w);
});

test('clitic candidates: conjunction, preposition, لل, article; the bare word first', () => {
  const forms = (w: string): string[] => cliticCandidates(normaliseWord(w)).map((c) => c.form);
  assert.equal(forms('لبنان')[0], 'لبنان');
  assert.ok(forms('والعراق').includes('العراق'));
  assert.ok(forms('بالجيش').includes('الجيش'));
  assert.ok(forms('للجيش').includes('الجيش'));
  assert.ok(forms('للجيش').includes('جيش'));
  assert.ok(forms('وبغداد').includes('بغداد'));
  assert.ok(!forms('وزير').includes('زير') || forms('وزير')[0] === 'وزير');
});

test('data errors name the file, line and field', () => {
  const roles = kb.roles;
  const bad: typeof kb = {
    ...kb,
    actors: new Map([
      [
        'org:x',
        {
          ...kb.actors.get('org:houthis')!,
          id: 'org:x',
          context: ['XXX'],
          contextualAr: ['س'],
        },
      ],
      ['per:y', { ...kb.actors.get('per:donald-trump')!, id: 'per:y', nisba: ['ترامبي'] }],
      ['per:z', { ...kb.actors.get('per:donald-trump')!, id: 'per:z', nisbaPlurals: ['ترامبيون'] }],
    ]),
    roles: { ...roles, inferCountrySectors: ['NOPE'] },
  };
  const errors = validateKb(bad);
  assert.ok(
    errors.some((e) => /org:x: ctx "XXX"/.test(e)),
    errors.join('\n'),
  );
  assert.ok(errors.some((e) => /per:y: only countries and organisations take nisba/.test(e)));
  assert.ok(errors.some((e) => /per:z: only countries take broken-plural nisbas/.test(e)));
  assert.ok(errors.some((e) => /inferCountrySectors: unknown sector "NOPE"/.test(e)));
});

test('skeletons merge transliteration variants and keep different names apart', () => {
  const sk = (s: string): string => skeleton(normPhrase(s));
  assert.equal(sk('سيرجي شويجو'), sk('سيرغي شويغو'));
  assert.equal(sk('تشاووش أوغلو'), sk('جاويش أوغلو'));
  assert.equal(sk('البرزاني'), sk('بارزاني'));
  assert.notEqual(sk('بوتين'), sk('أوباما'));
  assert.notEqual(sk('عادل الجبير'), sk('عادل الطريفي'));
});
