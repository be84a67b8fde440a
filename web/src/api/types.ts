// The answers of the server the console reads: types from the schemas the routes validate with, so a renamed
// field fails the type-check of the server and of the console alike. Type imports only: no zod in the bundle.
export type { Me, OrganisationRef, SessionAnswer } from '../../../src/http/console/session.schemas.ts';
export type { CampaignCapacity, CampaignPhase as Phase, CampaignSummary, WindowBooking } from '../../../src/http/console/capacity.schemas.ts';
import type { CampaignSummary, WindowBooking } from '../../../src/http/console/capacity.schemas.ts';

export interface CampaignPage {
  items: CampaignSummary[];
  nextCursor: string | null;
}

export interface BookingPage {
  items: WindowBooking[];
  nextCursor: string | null;
}

/** GET /admin/api/organisations (the platform admin's): each with its active staff and campaigns counted. */
export type OrganisationListItem = Awaited<ReturnType<typeof import('../../../src/domain/organisations/organisations.ts').listOrganisations>>[number];
export type { BatchAnswer, CheckinBody, CheckinOutcome, DeskBooking, DeskCampaign, DeskDay, WalkInBody, WalkInOutcome } from '../../../src/http/console/desk.schemas.ts';
export type { QueuedPerson, Seen, ServiceQueue } from '../../../src/http/console/queue.schemas.ts';
export type { Colleagues, InboxPulse, InboxTicket, InboxTicketList, TicketDetail, TicketPhone, TimelineEntry, TimelineVoice } from '../../../src/http/console/inbox.schemas.ts';
export type { AlertDetail, AlertList, AlertNote, AlertState, AlertSummary, CheckinAnswers } from '../../../src/http/console/alerts.schemas.ts';
export type { AuditEntryView, AuditFilters, AuditPage } from '../../../src/http/console/audit.schemas.ts';
export type { VoicePromptBoard, VoicePromptView, VoiceRefusal } from '../../../src/http/console/voice-prompts.schemas.ts';
export type { CampaignReport, NationalReport } from '../../../src/http/console/reports.schemas.ts';
export type { BroadcastCreated, BroadcastFigures, BroadcastList, BroadcastPreview, BroadcastProgress, ChannelPreview } from '../../../src/http/console/broadcast.schemas.ts';
