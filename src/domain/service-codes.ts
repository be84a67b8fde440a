// The specialty codes a campaign can offer: one list for the whole code base (see the glossary).
import { z } from 'zod';

export const SERVICE_CODES = [
  'general_medicine',
  'ophthalmology',
  'ent',
  'gynecology',
  'pediatrics',
  'dental',
  'dermatology',
  'surgery',
  'ultrasound',
  'blood_donation',
] as const;

export const ServiceCodeSchema = z.enum(SERVICE_CODES, {
  error: (issue) => `unknown service code ${JSON.stringify(issue.input)}; expected one of ${SERVICE_CODES.join(', ')}`,
});
export type ServiceCode = z.infer<typeof ServiceCodeSchema>;

export function isServiceCode(value: string): value is ServiceCode {
  return (SERVICE_CODES as readonly string[]).includes(value);
}
