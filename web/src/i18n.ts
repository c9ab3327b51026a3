// UI labels in Arabic (the default, right-to-left) and English. Actor names switch too (see
// names.ts); article text is always shown as written.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'ar' | 'en';

const labels = {
  appName: ['مرصد', 'Marsad'],
  tagline: ['الأخبار العربية معرفةً قابلة للتحقق', 'Arabic news as verifiable knowledge'],
  search: ['البحث', 'Search'],
  events: ['الأحداث', 'Events'],
  extract: ['حلّل مقالًا', 'Paste an article'],
  actors: ['الفاعلون', 'Actors'],
  toggle: ['English', 'عربي'],
  query: ['كلمات البحث', 'Search words'],
  go: ['ابحث', 'Search'],
  from: ['من تاريخ', 'From'],
  to: ['إلى تاريخ', 'To'],
  source: ['المصدر', 'Source'],
  minConfidence: ['أدنى ثقة', 'Min. confidence'],
  actor: ['الفاعل', 'Actor'],
  root: ['فئة الحدث', 'Event root'],
  place: ['المكان', 'Place'],
  any: ['الكل', 'Any'],
  clear: ['مسح', 'Clear'],
  results: ['النتائج', 'Results'],
  resultsCount: ['نتيجة', 'results'],
  noResults: ['لا نتائج.', 'No results.'],
  perDay: ['الحجم اليومي', 'Volume per day'],
  facets: ['التصفية', 'Facets'],
  facetsNeedQuery: [
    'اكتب كلمات بحث أو اختر مرشحًا لعرض التصفية.',
    'Type a query or pick a filter to see facets.',
  ],
  sources: ['المصادر', 'Sources'],
  roots: ['فئات الأحداث', 'Event roots'],
  days: ['الأيام', 'Days'],
  loading: ['جارٍ التحميل…', 'Loading…'],
  error: ['خطأ', 'Error'],
  emptyLayer: ['لا توجد بيانات بعد.', 'Nothing here yet.'],
  article: ['المقال', 'Article'],
  entities: ['الكيانات', 'Entities'],
  quotes: ['الاقتباسات', 'Quotes'],
  eventsTable: ['الأحداث في المقال', 'Events in the article'],
  cluster: ['نسخ أخرى من الخبر', 'Other copies of the story'],
  noCluster: ['لا نسخ أخرى.', 'No other copies.'],
  sourceActor: ['الفاعل', 'Source'],
  action: ['الفعل', 'Action'],
  targetActor: ['المفعول به', 'Target'],
  time: ['الزمن', 'Time'],
  modality: ['الصيغة', 'Modality'],
  confidence: ['الثقة', 'Confidence'],
  date: ['التاريخ', 'Date'],
  speaker: ['القائل', 'Speaker'],
  unknownSpeaker: ['قائل غير محدد', 'unknown speaker'],
  legend: ['المفتاح', 'Legend'],
  trigger: ['فعل الحدث', 'Event trigger'],
  quote: ['اقتباس', 'Quote'],
  country: ['البلد', 'Country'],
  sector: ['القطاع', 'Sector'],
  documents: ['المقالات', 'Documents'],
  mentions: ['الإشارات', 'Mentions'],
  mentionsOverTime: ['الإشارات عبر الزمن', 'Mentions over time'],
  partners: ['أبرز الشركاء', 'Top partners'],
  asSourceTarget: ['أحداث هو طرف فيها', 'Events as source or target'],
  download: ['تنزيل', 'Download'],
  quadTimeline: ['الأحداث حسب الفئة الرباعية', 'Events by quad class'],
  network: ['شبكة الفاعلين', 'Actor network'],
  map: ['خريطة الأحداث', 'Event map'],
  noLocations: ['لا أحداث ذات مواقع بعد.', 'No located events yet.'],
  previous: ['السابق', 'Previous'],
  next: ['التالي', 'Next'],
  pasteHere: [
    'الصق نص مقال عربي هنا (السطر الأول عنوان)',
    'Paste an Arabic article here (first line = title)',
  ],
  analyse: ['حلّل', 'Analyse'],
  titleFirst: ['السطر الأول عنوان', 'First line is the title'],
  stats: ['المحتوى', 'Store'],
  notFound: ['غير موجود', 'Not found'],
  asserted: ['مؤكد', 'asserted'],
  planned: ['مخطط', 'planned'],
  conditional: ['مشروط', 'conditional'],
  negated: ['منفي', 'negated'],
  reported: ['منقول', 'reported'],
  q1: ['تعاون لفظي', 'Verbal cooperation'],
  q2: ['تعاون مادي', 'Material cooperation'],
  q3: ['صراع لفظي', 'Verbal conflict'],
  q4: ['صراع مادي', 'Material conflict'],
  PER: ['شخص', 'Person'],
  ORG: ['منظمة', 'Organisation'],
  GPE: ['دولة/مدينة', 'Country/city'],
  LOC: ['موقع', 'Location'],
  FAC: ['منشأة', 'Facility'],
  MISC: ['أخرى', 'Other'],
  TIME: ['تعبير زمني', 'Time expression'],
} satisfies Record<string, [string, string]>;

export type LabelKey = keyof typeof labels;

export function label(key: LabelKey, lang: Lang): string {
  return labels[key][lang === 'ar' ? 0 : 1];
}

export function hasLabel(key: string): key is LabelKey {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

export const LangContext = createContext<Lang>('ar');

/** The current language and a translator for it. */
export function useT(): { lang: Lang; t: (key: LabelKey) => string } {
  const lang = useContext(LangContext);
  return { lang, t: (key) => label(key, lang) };
}

const arDigits = new Intl.NumberFormat('ar-EG');
const enDigits = new Intl.NumberFormat('en-US');

export function num(n: number, lang: Lang): string {
  return (lang === 'ar' ? arDigits : enDigits).format(n);
}
