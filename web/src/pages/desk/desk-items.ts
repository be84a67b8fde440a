// What a desk keeps to send later: a scan or a walk-in, each under the client id the server accepts once.
import type { CheckinBody, WalkInBody } from '../../api/types.ts';

export interface QueuedCheckin extends CheckinBody {
  kind?: 'checkin';
  campaignId: number;
}

/** A walk-in registered offline: the request as it will be sent, and the name to report. */
export interface QueuedWalkIn {
  kind: 'walk_in';
  clientId: string;
  campaignId: number;
  at: string;
  body: WalkInBody;
  name: string;
}
