// News agencies/outlets that appear in datelines, loaded from data/text/agencies.json.
import { loadDataFile } from '../resources.js';
import { normaliseWord } from './normalise.js';

interface AgenciesFile {
  schema: 'marsad.agencies/1';
  agencies: { id: string; en: string; forms: string[] }[];
}

export interface AgencyIndex {
  /** normalised form with single spaces and no dots → agency id */
  byForm: Map<string, string>;
  /** longest form, in tokens */
  maxTokens: number;
}

/** Canonical key for matching a dateline agency: normalised, dots and spaces collapsed. */
export function agencyKey(s: string): string {
  return normaliseWord(s)
    .replace(/[.\s]+/g, ' ')
    .trim();
}

export function loadAgencies(): AgencyIndex {
  const file = loadDataFile<AgenciesFile>('text/agencies.json', 'marsad.agencies/1');
  const byForm = new Map<string, string>();
  let maxTokens = 1;
  for (const a of file.agencies) {
    if (!a.id || !Array.isArray(a.forms) || a.forms.length === 0)
      throw new Error(`data/text/agencies.json: agency ${JSON.stringify(a.id)} needs an id and forms`);
    for (const f of a.forms) {
      const k = agencyKey(f);
      byForm.set(k, a.id);
      maxTokens = Math.max(maxTokens, k.split(' ').length);
    }
  }
  return { byForm, maxTokens };
}
