// The campaign's title in French and in Arabic: either one is enough, so the two are one group with one message.
import { FieldError } from '../../components/field.tsx';
import { useMessages } from '../../store.ts';
import { TITLE } from './campaign-form.problems.ts';

interface Props {
  fr: string;
  ar: string;
  errors: Record<string, string>;
  onInput: (key: 'titleFr' | 'titleAr', value: string) => void;
}

export function TitleFields({ fr, ar, errors, onInput }: Props) {
  const t = useMessages();
  // A missing title belongs to both fields: each is marked and read with the group's message.
  const missing = errors[TITLE] !== undefined;
  const input = (id: 'title-fr' | 'title-ar', key: 'titleFr' | 'titleAr', label: string, value: string) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} lang={id === 'title-fr' ? 'fr' : 'ar'} dir={id === 'title-fr' ? 'ltr' : 'rtl'} value={value}
        aria-invalid={missing || errors[id] ? 'true' : undefined}
        aria-describedby={['titles-hint', missing ? `${TITLE}-error` : '', errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onInput={(e) => onInput(key, e.currentTarget.value)} />
      <FieldError id={id} errors={errors} />
    </div>
  );
  return (
    <fieldset class="titles">
      <legend>{t.titles}</legend>
      <p id="titles-hint" class="hint">{t.titlesHint}</p>
      <div class="row">
        {input('title-fr', 'titleFr', t.titleFr, fr)}
        {input('title-ar', 'titleAr', t.titleAr, ar)}
      </div>
      <FieldError id={TITLE} errors={errors} />
    </fieldset>
  );
}
