// Where a desk volunteer lands: their organisation's campaigns that run now or soon, each opening its desk.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { DeskCampaign } from '../../api/types.ts';
import { formatDay } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn, titleLang } from '../campaigns/campaigns.page.tsx';

export function DeskHomePage() {
  const t = useMessages();
  const { locale } = useAppState();
  const [items, setItems] = useState<DeskCampaign[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    void api<{ items: DeskCampaign[]; today: string }>('GET', '/admin/api/desk/campaigns').then((answer) => {
      if (answer.ok) setItems(answer.data.items);
      else setFailure(answer.status === 0 ? t.offline : answer.status === 403 ? t.forbidden : t.serverError);
    });
  }, []);
  return (
    <section aria-labelledby="desk-home-title">
      <h1 id="desk-home-title">{t.deskTitle}</h1>
      {failure ? <p class="banner error" role="alert">{failure}</p> : null}
      {!items && !failure ? <p role="status">{t.loading}</p> : null}
      {items?.length === 0 ? <p>{t.deskNoCampaign}</p> : null}
      {items && items.length > 0 ? (
        <ul class="cards">
          {items.map((c) => (
            <li key={c.id} class="card">
              <h2 lang={titleLang(locale, c)}><a href={`/console/campaigns/${c.id}/desk`}>{titleIn(locale, c)}</a></h2>
              <p>{t.days(formatDay(locale, c.firstDay), formatDay(locale, c.lastDay))}</p>
              <p><bdi>{c.venue}</bdi> · <bdi>{c.commune}</bdi></p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
