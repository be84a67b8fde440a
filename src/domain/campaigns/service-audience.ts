// Who a service is offered to: gynecology to women, pediatrics to children, the rest to anyone,
// unless the campaign file says otherwise for that service.
import { z } from 'zod';
import type { Sex } from '../../db/tables.ts';

export const AudienceSchema = z.enum(['anyone', 'women', 'children']);
export type Audience = z.infer<typeof AudienceSchema>;

/** Pediatrics sees children under this age. */
export const CHILD_UNDER_AGE = 16;

const DEFAULT_AUDIENCE: Readonly<Record<string, Audience>> = { gynecology: 'women', pediatrics: 'children' };

/** The campaign's choice for the service, or the service's default. */
export function audienceOf(service: string, chosen: Audience | null | undefined): Audience {
  return chosen ?? DEFAULT_AUDIENCE[service] ?? 'anyone';
}

/** What is known of the person booked for; what is not known does not exclude them. */
export interface Person {
  sex?: Sex | undefined;
  birthYear?: number | undefined;
}

/**
 * @example serves('women', { sex: 'male' }, '2026-12-01') // false
 * @example serves('children', { birthYear: 2015 }, '2026-12-01') // true (11 years old)
 */
export function serves(audience: Audience, person: Person, today: string): boolean {
  if (audience === 'women') return person.sex !== 'male';
  if (audience === 'children') return person.birthYear === undefined || Number(today.slice(0, 4)) - person.birthYear < CHILD_UNDER_AGE;
  return true;
}
