// One service of the form: its code, fasting, check-in days, and the grid of days x time windows with places.
import { SERVICE_CODES } from '../../../../src/domain/service-codes.ts';
import { formatShortDay } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { FieldError } from '../../components/field.tsx';
import { emptyWindow, type ServiceForm, type WindowRow } from './campaign-form.model.ts';

interface Props {
  index: number;
  service: ServiceForm;
  days: readonly string[];
  errors: Record<string, string>;
  onChange: (service: ServiceForm) => void;
  onRemove: (() => void) | undefined;
}

export function ServiceEditor({ index, service, days, errors, onChange, onRemove }: Props) {
  const t = useMessages();
  const { locale } = useAppState();
  const id = (name: string) => `service-${index}-${name}`;
  const setRow = (r: number, row: WindowRow) => onChange({ ...service, rows: service.rows.map((old, i) => (i === r ? row : old)) });
  const copyFirstDay = (r: number, row: WindowRow) => {
    const first = days[0] === undefined ? '' : row.capacities[days[0]] ?? '';
    setRow(r, { ...row, capacities: Object.fromEntries(days.map((d) => [d, first])) });
  };

  return (
    <fieldset class="service">
      <legend>{t.service} {index + 1}</legend>
      <div class="row">
        <div class="field">
          <label for={id('code')}>{t.service} *</label>
          <select id={id('code')} value={service.code} aria-invalid={errors[id('code')] ? 'true' : undefined} aria-describedby={errors[id('code')] ? `${id('code')}-error` : undefined} onChange={(e) => onChange({ ...service, code: e.currentTarget.value })}>
            {SERVICE_CODES.map((code) => <option key={code} value={code}>{t.serviceNames[code] ?? code}</option>)}
          </select>
          <FieldError id={id('code')} errors={errors} />
        </div>
        <div class="field">
          <label for={id('checkin')}>{t.checkinDays}</label>
          <input id={id('checkin')} inputMode="numeric" dir="ltr" value={service.checkinDays} aria-invalid={errors[id('checkin')] ? 'true' : undefined} aria-describedby={errors[id('checkin')] ? `${id('checkin')}-error` : undefined} onInput={(e) => onChange({ ...service, checkinDays: e.currentTarget.value })} />
          <FieldError id={id('checkin')} errors={errors} />
        </div>
      </div>
      <div class="check">
        <input type="checkbox" id={id('fasting')} checked={service.fasting} onChange={(e) => onChange({ ...service, fasting: e.currentTarget.checked })} />
        <label for={id('fasting')}>{t.fasting}</label>
      </div>
      <h3 id={id('windows-title')}>{t.windows}</h3>
      {days.length === 0 ? <p class="hint">{t.gridNeedsDays}</p> : <p class="hint">{t.gridHint}</p>}
      {service.rows.map((row, r) => (
        <div key={r} class="window" role="group" aria-label={`${t.windows} ${r + 1}`}>
          <div class="window-times">
            <div class="field">
              <label for={id(`row-${r}-start`)}>{t.windowStart}</label>
              <input type="time" id={id(`row-${r}-start`)} value={row.start} aria-invalid={errors[id(`row-${r}-start`)] ? 'true' : undefined} aria-describedby={errors[id(`row-${r}-start`)] ? `${id(`row-${r}-start`)}-error` : undefined} onInput={(e) => setRow(r, { ...row, start: e.currentTarget.value })} />
              <FieldError id={id(`row-${r}-start`)} errors={errors} />
            </div>
            <div class="field">
              <label for={id(`row-${r}-end`)}>{t.windowEnd}</label>
              <input type="time" id={id(`row-${r}-end`)} value={row.end} aria-invalid={errors[id(`row-${r}-end`)] ? 'true' : undefined} aria-describedby={errors[id(`row-${r}-end`)] ? `${id(`row-${r}-end`)}-error` : undefined} onInput={(e) => setRow(r, { ...row, end: e.currentTarget.value })} />
              <FieldError id={id(`row-${r}-end`)} errors={errors} />
            </div>
          </div>
          {/* One cell per day, wrapping: a phone shows the days in lines, a laptop in one row. */}
          <div class="day-cells">
            {days.map((d) => (
              <div key={d} class="day-cell">
                <label for={id(`row-${r}-day-${d}`)}>{formatShortDay(locale, d)}</label>
                <input type="number" min="0" inputMode="numeric" id={id(`row-${r}-day-${d}`)} aria-label={t.capacityOn(formatShortDay(locale, d), row.start)} value={row.capacities[d] ?? ''} aria-invalid={errors[id(`row-${r}-day-${d}`)] ? 'true' : undefined} aria-describedby={errors[id(`row-${r}-day-${d}`)] ? `${id(`row-${r}-day-${d}`)}-error` : undefined} onInput={(e) => setRow(r, { ...row, capacities: { ...row.capacities, [d]: e.currentTarget.value } })} />
              </div>
            ))}
          </div>
          {/* A cell is too narrow to hold its message: the window's cell problems are listed under its cells. */}
          {days.map((d) => <FieldError key={d} id={id(`row-${r}-day-${d}`)} errors={errors} />)}
          <div class="actions">
            {days.length > 1 ? <button type="button" onClick={() => copyFirstDay(r, row)}>{t.copyToEveryDay}</button> : null}
            {service.rows.length > 1 ? <button type="button" onClick={() => onChange({ ...service, rows: service.rows.filter((_, i) => i !== r) })}>{t.removeWindow}</button> : null}
          </div>
        </div>
      ))}
      <FieldError id={id('windows')} errors={errors} />
      <div class="actions">
        <button type="button" onClick={() => onChange({ ...service, rows: [...service.rows, emptyWindow()] })}>{t.addWindow}</button>
        {onRemove ? <button type="button" onClick={onRemove}>{t.removeService}</button> : null}
      </div>
    </fieldset>
  );
}
