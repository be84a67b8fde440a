// What a scan at the desk means, decided from the appointment the code found: pure, so every outcome
// is tested without a database. The first arrival is the one with the earliest time a desk gave, not the
// first to reach the server: two desks offline at once are reconciled when they come back.
import type { CheckinOutcome, DeskPerson } from '../../http/console/desk.schemas.ts';

/** The appointment behind a code, with its campaign, window and first arrival. */
export interface FoundAppointment {
  id: number;
  code: string;
  organisationId: number;
  campaignId: number;
  campaignTitle: string;
  status: 'booked' | 'cancelled' | 'attended' | 'no_show';
  day: string;
  service: string;
  start: string;
  end: string;
  fasting: boolean;
  name: string | null;
  sex: 'female' | 'male' | null;
  birthYear: number | null;
  commune: string | null;
  arrivedAt: Date | null;
  /** The name of the staff member who checked them in first. */
  arrivedBy: string | null;
  arrivalClientId: string | null;
  /** When the status last changed: the arrival of an attendance marked without the desk. */
  updatedAt: Date;
}

export interface ScanRequest {
  organisationId: number;
  campaignId: number;
  day: string;
  clientId: string;
  /** Already bounded (see arrivalTime). */
  at: Date;
}

export interface Decision {
  outcome: CheckinOutcome;
  /** Record this scan as the appointment's (first) arrival. */
  arrive: boolean;
  /** The client id of an arrival this one comes before: its answer becomes `already`. */
  displaces?: string;
}

/** Age in the year of `day` from a birth year: what the desk reads aloud, not a birth date. */
export function ageOn(day: string, birthYear: number | null): number | null {
  return birthYear === null ? null : Number(day.slice(0, 4)) - birthYear;
}

export function deskPerson(found: Pick<FoundAppointment, 'name' | 'sex' | 'birthYear' | 'commune' | 'day'>): DeskPerson {
  return { name: found.name, age: ageOn(found.day, found.birthYear), sex: found.sex, commune: found.commune };
}

export function arrivalDetails(found: FoundAppointment) {
  return { appointmentId: found.id, code: found.code, person: deskPerson(found), service: found.service, window: { start: found.start, end: found.end }, fasting: found.fasting };
}

/**
 * @example decideCheckIn(undefined, request) // { outcome: { kind: 'unknown' }, arrive: false }
 */
export function decideCheckIn(found: FoundAppointment | undefined, request: ScanRequest): Decision {
  const refuse = (outcome: CheckinOutcome): Decision => ({ outcome, arrive: false });
  // Another organisation's code says nothing of its campaign, nor that it exists.
  if (!found || found.organisationId !== request.organisationId) return refuse({ kind: 'unknown' });
  if (found.campaignId !== request.campaignId) return refuse({ kind: 'other_campaign', campaignId: found.campaignId, title: found.campaignTitle });
  if (found.status === 'cancelled') return refuse({ kind: 'cancelled', code: found.code });
  if (found.day !== request.day) return refuse({ kind: 'other_day', day: found.day, service: found.service });
  const checkedIn: Decision = { outcome: { kind: 'checked_in', ...arrivalDetails(found), arrivedAt: request.at.toISOString() }, arrive: true };
  if (found.status !== 'attended') return checkedIn; // booked, or marked no-show and came late after all
  if (found.arrivedAt === null) {
    // A coordinator marked the attendance by hand: that stands, whatever the time.
    return refuse({ kind: 'already', ...arrivalDetails(found), at: found.updatedAt.toISOString(), by: null, firstClientId: null });
  }
  if (request.at < found.arrivedAt && found.arrivalClientId !== null) return { ...checkedIn, displaces: found.arrivalClientId };
  return refuse({ kind: 'already', ...arrivalDetails(found), at: found.arrivedAt.toISOString(), by: found.arrivedBy, firstClientId: found.arrivalClientId });
}
