// CAMEO labels for the UI (Arabic and English per code, quad class names), read from the events
// layer's data file; an empty table while that file is absent, so the UI falls back to codes.
import { loadDataFile } from '../resources.js';

export interface CameoLabels {
  quadClasses: Record<string, string>;
  codes: {
    code: string;
    en: string;
    ar: string | null;
    quadClass: number;
    goldstein: number;
    plover: string;
  }[];
}

interface CameoFileShape {
  quadClasses?: Record<string, string>;
  codes?: { code: string; name: string; ar?: string; quadClass: number; goldstein: number; plover: string }[];
}

let cached: CameoLabels | null = null;

export function loadCameoLabels(): CameoLabels {
  if (cached) return cached;
  try {
    const file = loadDataFile<CameoFileShape>('cameo/cameo.json', 'marsad/cameo@1');
    cached = {
      quadClasses: file.quadClasses ?? {},
      codes: (file.codes ?? []).map((c) => ({
        code: c.code,
        en: c.name,
        ar: c.ar ?? null,
        quadClass: c.quadClass,
        goldstein: c.goldstein,
        plover: c.plover,
      })),
    };
  } catch {
    cached = { quadClasses: {}, codes: [] };
  }
  return cached;
}
