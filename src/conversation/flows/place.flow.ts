// Where the villager is: a place name, a shared location, or a region then a province from a list.
import { PROVINCES, REGIONS } from '../../domain/geo/morocco-territory.data.ts';
import { pickOption } from '../answers.ts';
import { campaignsHeader, describeCampaign, distanceText, localized, provinceName, regionName } from '../campaign-text.ts';
import { MISS, type StepContext, type StepHandler, type StepResult, type Turn } from '../context.ts';
import { findProvince, nearestProvince } from '../place-lookup.ts';
import { say } from '../say.ts';
import type { ConversationState } from '../state.ts';

const LIST_LIMIT = 5;

/** A place in the answer: a shared location, or a province named in the text. */
function placeIn(turn: Turn): { provinceCode: string; point?: { lat: number; lon: number } } | undefined {
  const loc = turn.inbound.location;
  if (loc) {
    const point = { lat: loc.lat, lon: loc.lng };
    return { provinceCode: nearestProvince(point), point };
  }
  const code = turn.text.length >= 3 ? findProvince(turn.text) : undefined;
  return code ? { provinceCode: code } : undefined;
}

/** The place is known: go on with what the villager was doing. */
async function placeResolved(state: ConversationState, ctx: StepContext, place: { provinceCode: string; point?: { lat: number; lon: number } }): Promise<StepResult> {
  const remember = [{ kind: 'set_province' as const, provinceCode: place.provinceCode }];
  const patch = { provinceCode: place.provinceCode, point: place.point };
  let next: StepResult;
  switch (state.draft.purpose) {
    case 'alerts': {
      const s = say(state, ctx);
      const done = { text: s.t('alerts:subscribed', { province: provinceName(place.provinceCode, s.locale) }) };
      next = await ctx.go('menu', state, {}, [done]);
      return { ...next, effects: [...remember, { kind: 'subscribe', provinceCode: place.provinceCode }, ...next.effects] };
    }
    case 'register':
    case 'donate':
      next = await ctx.go('reg_campaign', state, patch);
      break;
    default:
      next = await ctx.go('campaign_list', state, patch);
  }
  return { ...next, effects: [...remember, ...next.effects] };
}

/** Wherever a place is asked, a name or a shared location answers it too. */
function byName(state: ConversationState, turn: Turn, ctx: StepContext): Promise<StepResult> | typeof MISS {
  const place = placeIn(turn);
  return place ? placeResolved(state, ctx, place) : MISS;
}

/** The campaigns near the place, nearest first: described in full, or only asked about again. */
async function listCampaigns(state: ConversationState, ctx: StepContext, mode: 'full' | 'question'): Promise<StepResult> {
  const s = say(state, ctx);
  const { provinceCode, point } = state.draft;
  const near = point ?? (provinceCode ? { provinceCode } : undefined);
  const list = await ctx.reader.campaigns({ today: ctx.today, ...(near ? { near } : {}), limit: LIST_LIMIT });
  const where = provinceCode ? provinceName(provinceCode, s.locale) : '';
  if (list.length === 0) {
    const reply = s.ask(s.t('campaigns:none', { place: where }), [{ id: 'alerts', label: s.t('campaigns:alertMe') }]);
    return { state: { ...state, step: 'campaign_list', draft: { ...state.draft, options: ['alerts'] } }, replies: [reply], effects: [] };
  }
  const choices = list.map((c) => {
    const far = distanceText(s, c);
    return { id: `c${c.id}`, label: localized(c.title, s.locale), ...(far ? { detail: far } : {}) };
  });
  const text = mode === 'question'
    ? s.t('campaigns:pick')
    : [campaignsHeader(s, list, where, provinceCode), ...list.map((c) => describeCampaign(s, c)), s.t('campaigns:pick'), s.t('campaigns:elsewhere')].join('\n\n');
  return {
    state: { ...state, step: 'campaign_list', draft: { ...state.draft, options: list.map((c) => `c${c.id}`) } },
    replies: [s.ask(text, choices)],
    effects: [],
  };
}

export const placeSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  place: {
    takesText: true,
    journey: 'place',
    async enter(state, ctx) {
      const s = say(state, ctx);
      // After a commune no province was found in, ask where that commune is, not where "you" live.
      const commune = state.draft.purpose === 'register' ? state.draft.commune : undefined;
      const question = commune !== undefined ? s.t('place:questionCommune', { commune }) : s.t(state.draft.purpose === 'alerts' ? 'place:questionAlerts' : 'place:question');
      const reply = s.ask(question, [{ id: 'list', label: s.t('place:fromList') }], { how: s.t('place:how') });
      return { state: { ...state, step: 'place' }, replies: [reply], effects: [] };
    },
    async answer(state, turn, ctx) {
      if (pickOption(turn, ['list']) === 'list') return ctx.go('region', state);
      return byName(state, turn, ctx);
    },
  },
  region: {
    journey: 'place',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const choices = REGIONS.map((r) => ({ id: r.code, label: regionName(r.code, s.locale) }));
      return { state: { ...state, step: 'region' }, replies: [s.ask(s.t('place:region'), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const code = pickOption(turn, REGIONS.map((r) => r.code));
      if (code !== undefined) return ctx.go('province', state, { regionCode: code });
      return byName(state, turn, ctx);
    },
  },
  province: {
    journey: 'place',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const provinces = PROVINCES.filter((p) => p.regionCode === state.draft.regionCode);
      const choices = provinces.map((p) => ({ id: p.code, label: provinceName(p.code, s.locale) }));
      return { state: { ...state, step: 'province' }, replies: [s.ask(s.t('place:province'), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const codes = PROVINCES.filter((p) => p.regionCode === state.draft.regionCode).map((p) => p.code);
      const code = pickOption(turn, codes);
      if (code !== undefined) return placeResolved(state, ctx, { provinceCode: code });
      return byName(state, turn, ctx);
    },
  },
  campaign_list: {
    takesText: true,
    journey: 'place',
    enter: (state, ctx) => listCampaigns(state, ctx, 'full'),
    // After an answer that did not fit, the campaigns are not described again: the question and the choices.
    reask: (state, ctx) => listCampaigns(state, ctx, 'question'),
    async answer(state, turn, ctx) {
      const options = state.draft.options ?? [];
      const picked = pickOption(turn, options);
      if (picked === 'alerts') {
        const code = state.draft.provinceCode;
        return code ? placeResolved({ ...state, draft: { ...state.draft, purpose: 'alerts' } }, ctx, { provinceCode: code }) : ctx.go('place', state, { purpose: 'alerts' });
      }
      if (picked !== undefined) {
        const campaignId = Number(picked.slice(1));
        const campaign = await ctx.reader.campaign(campaignId, ctx.today);
        if (campaign?.kind === 'blood_drive') return ctx.go('donor_sex', state, { campaignId, service: 'blood_donation', relation: 'self', purpose: 'donate' });
        return ctx.go('reg_who', state, { campaignId, purpose: 'register' });
      }
      return byName(state, turn, ctx);
    },
  },
};
