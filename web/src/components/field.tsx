// A labelled input whose error, when there is one, sits right below it and is read with it.
import type { InputHTMLAttributes, TargetedEvent } from 'preact';

/** The few input attributes the console's forms use; preact's full set is a union that Omit cannot keep. */
interface InputProps {
  type?: 'text' | 'password' | 'number' | 'date' | 'time' | 'email' | 'tel';
  value: string;
  onInput: (event: TargetedEvent<HTMLInputElement, Event>) => void;
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal';
  dir?: 'auto' | 'ltr' | 'rtl';
  lang?: string;
  minLength?: number;
  list?: string;
  step?: string;
  min?: string;
  max?: string;
  required?: boolean;
  readOnly?: boolean;
}

export interface FieldProps extends InputProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

export function Field({ id, label, error, hint, required, ...input }: FieldProps) {
  // preact types each input type's attributes apart (no `list` on an email field); ours are all valid HTML.
  const attributes = input as unknown as InputHTMLAttributes<HTMLInputElement>;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}{required ? ' *' : ''}</label>
      {hint ? <p id={`${id}-hint`} class="hint">{hint}</p> : null}
      <input id={id} aria-required={required ? 'true' : undefined} aria-invalid={error ? 'true' : undefined} aria-describedby={described || undefined} {...attributes} />
      {error ? <p id={`${id}-error`} class="field-error">{error}</p> : null}
    </div>
  );
}

export function ErrorBanner({ message }: { message: string | undefined }) {
  return message ? <p class="banner error" role="alert">{message}</p> : null;
}

/** The message of one field, by its id, where the field's aria-describedby points (`<id>-error`). */
export function FieldError({ id, errors }: { id: string; errors: Record<string, string> }) {
  const message = errors[id];
  return message ? <p id={`${id}-error`} class="field-error">{message}</p> : null;
}
