// The filter form of the search and events pages: the filters the URL holds, the form's edits,
// and submitting them as the next URL (empty fields dropped, values trimmed, paging reset).
import { useEffect, useState } from 'preact/hooks';

export interface FilterForm {
  /** The URL's values of `keys` (empty ones left out). */
  current: Record<string, string>;
  /** A stable key of `current`, for data hooks. */
  key: string;
  form: Record<string, string>;
  setForm: (f: Record<string, string>) => void;
  /** onInput/onChange handler that sets one field. */
  set: (k: string) => (e: Event) => void;
  /** onSubmit handler: go to the form's filters. */
  submit: (e: Event) => void;
}

export function useFilterForm(
  params: URLSearchParams,
  keys: readonly string[],
  go: (p: Record<string, string>) => void,
): FilterForm {
  const current: Record<string, string> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v) current[k] = v;
  }
  const key = JSON.stringify(current);
  const [form, setForm] = useState<Record<string, string>>(current);
  useEffect(() => setForm(current), [key]);
  const set = (k: string) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  const submit = (e: Event) => {
    e.preventDefault();
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) if (v && k !== 'offset') clean[k] = v.trim();
    go(clean);
  };
  return { current, key, form, setForm, set, submit };
}
