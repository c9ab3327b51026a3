// The Marsad web UI: Arabic first (right to left), with an English toggle; a hash router over the
// search, article, actor, events and paste-an-article pages.
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './style.css';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, href, parseHash, queryString, type CameoLabels, type StoreStats } from './api.js';
import { LangContext, label, num, type Lang, type LabelKey } from './i18n.js';
import { CameoContext, indexCameo } from './names.js';
import { ActorPage } from './pages/Actor.js';
import { ArticlePage } from './pages/Article.js';
import { EventsPage } from './pages/Events.js';
import { ExtractPage } from './pages/Extract.js';
import { SearchPage } from './pages/Search.js';

function initialLang(): Lang {
  try {
    return localStorage.getItem('marsad.lang') === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [hash, setHash] = useState(location.hash);
  const [cameo, setCameo] = useState<CameoLabels | null>(null);
  const [stats, setStats] = useState<(StoreStats & { readOnly: boolean }) | null>(null);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    getJson<CameoLabels>('cameo').then(setCameo, () => undefined);
    getJson<StoreStats & { readOnly: boolean }>('stats').then(setStats, () => undefined);
    return () => removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.title = `${label('appName', lang)} — ${label('tagline', lang)}`;
    try {
      localStorage.setItem('marsad.lang', lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, [lang]);
  const cameoIndex = useMemo(() => indexCameo(cameo), [cameo]);
  const route = parseHash(hash);
  const go = (page: string) => (params: Record<string, string>) => {
    location.hash = `#/${page}${queryString(params)}`;
  };
  const t = (k: LabelKey) => label(k, lang);
  const nav: [string, LabelKey][] = [
    ['search', 'search'],
    ['events', 'events'],
    ['extract', 'extract'],
  ];
  let page;
  switch (route.page) {
    case 'doc':
      page = <ArticlePage id={route.arg} />;
      break;
    case 'actor':
      page = <ActorPage id={route.arg} />;
      break;
    case 'events':
      page = <EventsPage params={route.params} go={go('events')} />;
      break;
    case 'extract':
      page = <ExtractPage />;
      break;
    default:
      page = <SearchPage params={route.params} go={go('search')} />;
  }
  return (
    <LangContext.Provider value={lang}>
      <CameoContext.Provider value={cameoIndex}>
        <header class="top">
          <a class="brand" href={href('search')}>
            <span class="logo">{t('appName')}</span> <span class="tagline">{t('tagline')}</span>
          </a>
          <nav>
            {nav.map(([p, k]) => (
              <a key={p} href={href(p)} class={route.page === p ? 'active' : ''} data-page={p}>
                {t(k)}
              </a>
            ))}
          </nav>
          <button type="button" class="lang-toggle" onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}>
            {t('toggle')}
          </button>
        </header>
        <main data-page={route.page}>{page}</main>
        <footer class="bottom">
          {stats ? (
            <span>
              {t('stats')}: {num(stats.documents, lang)} {t('documents')} · {num(stats.actors, lang)}{' '}
              {t('actors')} · {num(stats.events, lang)} {t('events')} · {num(stats.quotes, lang)}{' '}
              {t('quotes')}
            </span>
          ) : null}{' '}
          · <a href="api/openapi.json">OpenAPI</a>
        </footer>
      </CameoContext.Provider>
    </LangContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
