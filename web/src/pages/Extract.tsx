// Paste an article: POST /api/extract runs the whole pipeline on the text (nothing is stored) and
// the result is drawn like a stored article.
import { useState } from 'preact/hooks';
import { postJson, type MarsadJson } from '../api.js';
import { useT } from '../i18n.js';
import { ArticleView } from './Article.js';

export function ExtractPage() {
  const { t } = useT();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [titleFirst, setTitleFirst] = useState(true);
  const [state, setState] = useState<{ busy: boolean; error: string | null; json: MarsadJson | null }>({
    busy: false,
    error: null,
    json: null,
  });
  const run = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    setState({ busy: true, error: null, json: null });
    try {
      const json = await postJson<MarsadJson>('extract', {
        text,
        date: date || null,
        titleInText: titleFirst,
      });
      setState({ busy: false, error: null, json });
    } catch (err) {
      setState({ busy: false, error: (err as Error).message, json: null });
    }
  };
  return (
    <div class="extract-page">
      <form onSubmit={run} class="extract-form">
        <textarea
          name="text"
          rows={10}
          dir="rtl"
          lang="ar"
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          placeholder={t('pasteHere')}
          aria-label={t('pasteHere')}
        />
        <div class="filters">
          <label>
            {t('date')}{' '}
            <input
              type="date"
              name="date"
              value={date}
              onInput={(e) => setDate((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            <input
              type="checkbox"
              name="titleFirst"
              checked={titleFirst}
              onChange={(e) => setTitleFirst((e.target as HTMLInputElement).checked)}
            />{' '}
            {t('titleFirst')}
          </label>
          <button type="submit" disabled={state.busy}>
            {t('analyse')}
          </button>
        </div>
      </form>
      {state.busy ? <p class="loading">{t('loading')}</p> : null}
      {state.error ? (
        <p class="error" role="alert">
          {t('error')}: {state.error}
        </p>
      ) : null}
      {state.json ? (
        <div class="extract-result">
          {state.json.doc.title ? (
            <h2 class="article-title" lang="ar" dir="rtl">
              {state.json.doc.title}
            </h2>
          ) : null}
          <ArticleView json={state.json} />
        </div>
      ) : null}
    </div>
  );
}
