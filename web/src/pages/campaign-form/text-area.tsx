// A labelled multi-line field, for descriptions.

interface Props {
  id: string;
  label: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}

export function TextArea({ id, label, lang, dir, value, error, onInput }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} lang={lang} dir={dir} rows={3} value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} onInput={(e) => onInput(e.currentTarget.value)} />
      {error ? <p id={`${id}-error`} class="field-error">{error}</p> : null}
    </div>
  );
}
