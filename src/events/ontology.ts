// The CAMEO event ontology as data (data/cameo/cameo.json): every code with its label, Goldstein
// weight, quad class and PLOVER type. Loaded and validated once.
import { loadDataFile } from '../resources.js';

export interface CameoCode {
  code: string;
  name: string;
  goldstein: number;
  quadClass: number;
  plover: string;
  ploverMode?: string;
  ar?: string;
}

export interface CameoFile {
  schema: string;
  plover: string[];
  quadClasses: Record<string, string>;
  codes: CameoCode[];
}

export interface Ontology {
  codes: Map<string, CameoCode>;
  plover: Set<string>;
}

export const CAMEO_SCHEMA = 'marsad/cameo@1';
export const CAMEO_FILE = 'cameo/cameo.json';

/** Quad class of a root: 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal
 * conflict, 14–20 material conflict. */
export function quadClassOfRoot(root: string): number {
  const r = Number(root);
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

const CODE_SHAPE = /^(0[1-9]|1[0-9]|20)[0-9]{0,2}$/;

/** Check a parsed CAMEO file; throws naming the code and field that is wrong. */
export function validateOntology(file: CameoFile, where = CAMEO_FILE): Ontology {
  const fail = (msg: string): never => {
    throw new Error(`data file ${where}: ${msg}`);
  };
  if (!Array.isArray(file.plover) || file.plover.length === 0) fail('"plover" must list the PLOVER types');
  if (!Array.isArray(file.codes)) fail('"codes" must be an array');
  const plover = new Set(file.plover);
  const codes = new Map<string, CameoCode>();
  for (const [i, c] of file.codes.entries()) {
    const at = `codes[${i}]`;
    if (typeof c.code !== 'string' || !CODE_SHAPE.test(c.code))
      fail(`${at}.code: expected 2–4 digits with a root 01–20, found ${JSON.stringify(c.code)}`);
    if (codes.has(c.code)) fail(`${at}.code: duplicate code ${c.code}`);
    if (typeof c.name !== 'string' || c.name.length === 0) fail(`${at} (${c.code}).name: expected a label`);
    if (typeof c.goldstein !== 'number' || !(c.goldstein >= -10 && c.goldstein <= 10))
      fail(`${at} (${c.code}).goldstein: expected a number in [-10, 10]`);
    if (c.quadClass !== quadClassOfRoot(c.code.slice(0, 2)))
      fail(`${at} (${c.code}).quadClass: expected ${quadClassOfRoot(c.code.slice(0, 2))} for its root`);
    if (!plover.has(c.plover))
      fail(`${at} (${c.code}).plover: ${JSON.stringify(c.plover)} is not a PLOVER type`);
    if (c.code.length > 2 && !codes.has(c.code.slice(0, c.code.length - 1)) && !codes.has(c.code.slice(0, 2)))
      fail(`${at} (${c.code}): its parent code is missing`);
    codes.set(c.code, c);
  }
  for (const c of codes.keys())
    if (!codes.has(c.slice(0, 2))) fail(`code ${c}: root ${c.slice(0, 2)} missing`);
  return { codes, plover };
}

export function loadOntology(): Ontology {
  return validateOntology(loadDataFile<CameoFile>(CAMEO_FILE, CAMEO_SCHEMA));
}
