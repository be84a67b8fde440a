// The people booked in one window: searchable by name, code or phone, phone masked until asked for (the
// server records who asked), and the window's CSV.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { BookingPage, WindowBooking } from '../../api/types.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';

export interface OpenWindow {
  slotId: number;
  title: string;
}

interface Props {
  campaignId: number;
  window: OpenWindow;
  /** The capacity's version: a new booking or cancellation reloads the list. */
  version: string;
  onClose: () => void;
}

export function WindowBookings({ campaignId, window: w, version, onClose }: Props) {
  const t = useMessages();
  const { locale } = useAppState();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<WindowBooking[] | undefined>();
  const [phones, setPhones] = useState<Record<number, string>>({});

  // Opened from a window far above: the keyboard and the eye are taken to the list.
  useEffect(() => document.getElementById('bookings-title')?.focus(), [w.slotId]);

  useEffect(() => {
    let current = true;
    const params = new URLSearchParams({ limit: '100', ...(query.trim() ? { q: query.trim() } : {}) });
    void api<BookingPage>('GET', `/admin/api/slots/${w.slotId}/bookings?${params}`).then((a) => current && a.ok && setItems(a.data.items));
    return () => void (current = false);
  }, [w.slotId, query, version]);

  const showPhone = async (appointmentId: number) => {
    const answer = await api<{ phone: string | null }>('GET', `/admin/api/appointments/${appointmentId}/phone`);
    if (answer.ok && answer.data.phone) setPhones((p) => ({ ...p, [appointmentId]: answer.data.phone ?? '' }));
  };

  return (
    <section class="form-section" aria-labelledby="bookings-title">
      <h2 id="bookings-title" tabIndex={-1}>{w.title}</h2>
      <div class="actions">
        <a class="button" href={`/admin/api/campaigns/${campaignId}/bookings.csv?slotId=${w.slotId}&locale=${locale}`} download>{t.csvWindow}</a>
        <button type="button" onClick={onClose}>{t.close}</button>
      </div>
      <div class="field">
        <label for="booking-search">{t.search}</label>
        <input id="booking-search" type="search" dir="auto" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {items && items.length === 0 ? <p>{t.noBookings}</p> : null}
      <ul class="cards">
        {items?.map((b) => (
          <li key={b.appointmentId} class="card">
            <h3><bdi>{b.name ?? '—'}</bdi></h3>
            <dl class="details">
              <div><dt>{t.code}</dt><dd><bdi>{b.code}</bdi></dd></div>
              <div><dt>{t.age}</dt><dd>{b.age === null ? '—' : formatNumber(locale, b.age)}</dd></div>
              <div><dt>{t.sex}</dt><dd>{b.sex === 'female' ? t.female : b.sex === 'male' ? t.male : '—'}</dd></div>
              <div><dt>{t.commune}</dt><dd><bdi>{b.commune ?? '—'}</bdi></dd></div>
              <div><dt>{t.bookingStatus}</dt><dd>{t.statusNames[b.status] ?? b.status}</dd></div>
              <div class="wide">
                <dt>{t.phone}</dt>
                <dd>
                  <bdi class="phone" dir="ltr">{phones[b.appointmentId] ?? b.phoneMasked ?? '—'}</bdi>
                  {b.phoneMasked && !phones[b.appointmentId] ? <button type="button" class="link-button" onClick={() => void showPhone(b.appointmentId)}>{t.showPhone}</button> : null}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
