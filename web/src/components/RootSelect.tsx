// The CAMEO event-root filter (01–20 with their labels), shared by the search and events pages.
import { useT } from '../i18n.js';
import { cameoLabel, useCameo } from '../names.js';

const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));

export function RootSelect({ value, onChange }: { value: string; onChange: (e: Event) => void }) {
  const { t, lang } = useT();
  const cameo = useCameo();
  return (
    <label>
      {t('root')}{' '}
      <select name="root" value={value} onChange={onChange}>
        <option value="">{t('any')}</option>
        {roots.map((r) => (
          <option key={r} value={r}>
            {r} — {cameoLabel(cameo, r, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
