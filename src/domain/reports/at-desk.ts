// Which appointments were registered at the venue's desk rather than booked ahead: the over-capacity
// flag, or a desk's walk-in record (a walk-in given a free place is an ordinary appointment otherwise).
import { sql } from 'kysely';

/** True for an appointment `a` registered at the desk, within the places or beyond them. */
export const AT_DESK = sql<boolean>`(a.walk_in or a.id in (select w.appointment_id from desk_checkins w where w.kind = 'walk_in' and w.appointment_id is not null))`;
