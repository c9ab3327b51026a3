// Names and labels that switch with the UI language: actors (Arabic name, English when known),
// CAMEO codes (the data file's Arabic and English labels, falling back to the root, then the code).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CameoLabels } from './api.js';
import type { Lang } from './i18n.js';

export interface CameoIndex {
  byCode: Map<string, { en: string; ar: string | null; quadClass: number }>;
}

export function indexCameo(labels: CameoLabels | null): CameoIndex {
  const byCode = new Map<string, { en: string; ar: string | null; quadClass: number }>();
  for (const c of labels?.codes ?? []) byCode.set(c.code, c);
  return { byCode };
}

export const CameoContext = createContext<CameoIndex>(indexCameo(null));

export function useCameo(): CameoIndex {
  return useContext(CameoContext);
}

/** The label of a CAMEO code in a language: its own, else its parent's, else its root's. */
export function cameoLabel(index: CameoIndex, code: string, lang: Lang): string {
  for (let n = code.length; n >= 2; n--) {
    const c = index.byCode.get(code.slice(0, n));
    if (c) return lang === 'ar' ? (c.ar ?? c.en) : c.en;
  }
  return code;
}

export function actorName(
  a: { name: string | null; nameEn?: string | null; code?: string | null },
  lang: Lang,
): string {
  if (lang === 'en' && a.nameEn) return a.nameEn;
  return a.name ?? a.code ?? '—';
}

export function entityName(e: { name: { ar: string; en: string | null } }, lang: Lang): string {
  return lang === 'en' && e.name.en ? e.name.en : e.name.ar;
}
