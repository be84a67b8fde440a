// Where each booked time window the API refused to remove or shrink sits in the form's grid, and what it
// says there in the staff member's language. Pure.
import type { BookedWindow } from '../../../../src/domain/campaigns/booked-windows.ts';
import type { Messages } from '../../i18n/index.ts';
import { campaignDays, type CampaignForm, type WindowOrigin } from './campaign-form.model.ts';
import { FORM, readPath } from './campaign-form.problems.ts';

/** A refused window's place: the field id, and its service, row and day for ordering (-1 when unknown). */
interface Place {
  field: string;
  at: [number, number, string];
}

/**
 * The cell of the window's row and day: found through `origins` when the file still lists the window (too
 * few places), by service and start time when it left it out (an emptied cell, a changed start time);
 * the service's windows when no row starts then, the banner when the service itself is gone.
 */
export function bookedWindowPlace(w: BookedWindow, form: CampaignForm, origins: readonly WindowOrigin[][]): Place {
  const [, listed, , index] = w.path === undefined ? [] : readPath(w.path);
  const fromFile = typeof listed === 'number' && typeof index === 'number' ? origins[listed]?.[index] : undefined;
  const service = typeof listed === 'number' && fromFile ? listed : form.services.findIndex((s) => s.code === w.service);
  if (service < 0) return { field: FORM, at: [-1, -1, w.day] };
  const row = fromFile ? fromFile.row : form.services[service]?.rows.findIndex((r) => r.start === w.start) ?? -1;
  if (row < 0 || !campaignDays(form.firstDay, form.lastDay).includes(w.day)) return { field: `service-${service}-windows`, at: [service, -1, w.day] };
  return { field: `service-${service}-row-${row}-day-${w.day}`, at: [service, row, w.day] };
}

/** Each refused window's message by field, in the grid's order, so focus goes to the first one. */
export function bookedWindowErrors(
  t: Messages,
  windows: readonly BookedWindow[],
  form: CampaignForm,
  origins: readonly WindowOrigin[][],
  dayLabel: (day: string) => string,
): Record<string, string> {
  const placed = windows.map((w) => ({ w, ...bookedWindowPlace(w, form, origins) }));
  placed.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2].localeCompare(b.at[2]));
  const errors: Record<string, string> = {};
  for (const { w, field } of placed) {
    errors[field] ??= w.capacity === undefined ? t.bookedKept(w.booked, dayLabel(w.day)) : t.bookedNoFewer(w.booked, dayLabel(w.day));
  }
  return errors;
}
