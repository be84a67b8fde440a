// The platform admin's way in: every organisation, and the one whose campaigns to look at (read only).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { OrganisationListItem } from '../../api/types.ts';
import { formatNumber } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useAppState, useMessages, viewOrganisation } from '../../store.ts';

export function OrganisationsPage() {
  const t = useMessages();
  const { me, locale, viewing } = useAppState();
  const [items, setItems] = useState<OrganisationListItem[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  const load = async () => {
    setFailure(undefined);
    const answer = await api<OrganisationListItem[]>('GET', '/admin/api/organisations');
    if (answer.ok) setItems(answer.data);
    else setFailure(answer.status === 0 ? t.offline : answer.status === 403 ? t.forbidden : t.serverError);
  };
  useEffect(() => void (me?.role === 'admin' ? load() : setFailure(t.forbidden)), [me?.role]);

  const open = async (organisationId: number) => {
    setFailure(undefined);
    if (await viewOrganisation(organisationId)) navigate('/campaigns');
    else setFailure(t.serverError);
  };

  return (
    <section aria-labelledby="organisations-title">
      <h1 id="organisations-title">{t.organisationsTitle}</h1>
      <p>{t.organisationsIntro}</p>
      {failure ? (
        <>
          <p class="banner error" role="alert">{failure}</p>
          {me?.role === 'admin' ? <button type="button" onClick={() => void load()}>{t.retry}</button> : null}
        </>
      ) : null}
      {!items && !failure ? <p role="status">{t.loading}</p> : null}
      {items?.length === 0 ? <p>{t.noOrganisations} <code dir="ltr">npm run org -- add</code></p> : null}
      {items && items.length > 0 ? (
        <ul class="cards">
          {items.map((o) => (
            <li key={o.id} class="card" aria-current={viewing?.id === o.id ? 'true' : undefined}>
              <h2><bdi>{o.name}</bdi></h2>
              <p class="hint"><bdi dir="ltr">{o.slug}</bdi></p>
              <dl class="figures">
                <div><dt>{t.organisationCampaigns}</dt><dd>{formatNumber(locale, o.campaigns)}</dd></div>
                <div><dt>{t.organisationStaff}</dt><dd>{formatNumber(locale, o.staff)}</dd></div>
              </dl>
              <button type="button" aria-label={t.viewCampaignsOf(o.name)} onClick={() => void open(o.id)}>{t.viewCampaigns}</button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
