// What the villager hears once a booking is tried: the code, what to bring and the venue — or why not.
import type { WindowAvailability } from '../../domain/campaigns/availability.ts';
import type { UpcomingCampaign } from '../../domain/campaigns/campaign-finder.ts';
import { formatConfirmationCode } from '../../domain/appointments/confirmation-code.ts';
import { formatDay, formatWindow } from '../../i18n/dates.ts';
import { localized, serviceName, venueName } from '../campaign-text.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { Outcome } from '../effects.ts';
import type { Reply } from '../reply.ts';
import { say, type Say } from '../say.ts';
import { fastingText } from '../patient-text.ts';
import type { ConversationState } from '../state.ts';
import { relativeName } from './register-person.flow.ts';

/** What the confirmation needs, read before the booking so nothing is read while the place is locked. */
export interface BookingView {
  campaign: UpcomingCampaign | undefined;
  window: WindowAvailability | undefined;
}

export async function readBookingView(state: ConversationState, ctx: StepContext): Promise<BookingView> {
  const { campaignId, service, slotId } = state.draft;
  const campaign = campaignId === undefined ? undefined : await ctx.reader.campaign(campaignId, ctx.today);
  const window = campaign && service ? (await ctx.reader.availability({ campaignId: campaign.id, service, fromDay: ctx.today })).find((w) => w.slotId === slotId) : undefined;
  return { campaign, window };
}

/**
 * Why no place was taken, and what to do: the day the same person already holds, the family's limit,
 * the waiting list joined before, or to try again.
 */
export function refusalText(s: Say, outcome: Outcome | undefined): string {
  if (!outcome || outcome.ok) return s.t('register:failed');
  switch (outcome.reason) {
    case 'already_booked': {
      const held = outcome.held;
      return held?.name ? s.t('register:personBooked', { name: held.name, day: formatDay(held.day, s.locale) }) : s.t('register:alreadyBooked');
    }
    case 'already_waiting':
      return s.t('register:alreadyWaiting');
    case 'booking_limit':
      return outcome.limit === undefined ? s.t('register:failed') : s.t('register:bookingLimit', { count: outcome.limit });
    default:
      return s.t('register:failed');
  }
}

export async function bookingAnswer(state: ConversationState, ctx: StepContext, outcome: Outcome | undefined, view: BookingView): Promise<StepResult> {
  const s = say(state, ctx);
  if (!outcome?.ok || outcome.code === undefined) {
    const reason = outcome && !outcome.ok ? outcome.reason : 'slot_not_found';
    if (reason === 'slot_full') return ctx.go('reg_full', state);
    return ctx.go('menu', state, {}, [{ text: refusalText(s, outcome) }]);
  }
  const { service } = state.draft;
  const { campaign, window } = view;
  const code = formatConfirmationCode(outcome.code);
  // Booked for a relative: the message names them; the villager is still the one addressed.
  const name = relativeName(state.draft);
  const replies: Reply[] = [
    {
      text: s.t(name === undefined ? 'register:booked' : 'register:bookedRelative', {
        ...(name === undefined ? {} : { name }),
        code,
        service: service ? serviceName(s, service) : '',
        day: window ? formatDay(window.day, s.locale) : '',
        window: window ? formatWindow(window.startsAt, window.endsAt, s.locale) : '',
      }),
      image: { kind: 'qr', data: outcome.code, caption: code },
      // The recording says the fixed part (booked, the code is in the message); the text carries the rest.
      voice: { key: 'register:booked', locale: s.locale },
    },
  ];
  const fasting = campaign?.services.find((o) => o.service === service)?.requiresFasting ?? false;
  const donation = service === 'blood_donation';
  const bring = donation ? s.t('register:bringDonor') : name === undefined ? s.t('register:bring') : s.t('register:bringRelative', { name });
  replies.push({ text: [bring, ...(fasting ? [fastingText(s.t, state.draft)] : [])].join('\n') });
  if (campaign) {
    replies.push({
      text: s.t('register:venue', { place: venueName(campaign, s.locale), campaign: localized(campaign.title, s.locale) }),
      location: { lat: campaign.venue.lat, lng: campaign.venue.lon, name: campaign.venue.name, address: campaign.commune },
    });
  }
  // A first-time donor is asked once whether to hear from us when they may give again.
  if (donation && !ctx.contact.donorRecall) return ctx.go('donor_recall', state, {}, replies);
  return ctx.go('menu', state, {}, replies);
}

