// Every step of every journey, by name.
import type { StepHandler } from './context.ts';
import { appointmentSteps } from './flows/appointments.flow.ts';
import { checkinSteps } from './flows/checkin.flow.ts';
import { correctPersonSteps } from './flows/correct-person.flow.ts';
import { donorSteps } from './flows/donor.flow.ts';
import { firstContactSteps } from './flows/first-contact.flow.ts';
import { menuSteps } from './flows/menu.flow.ts';
import { myDataSteps } from './flows/my-data.flow.ts';
import { placeSteps } from './flows/place.flow.ts';
import { registerPersonSteps } from './flows/register-person.flow.ts';
import { registerSlotSteps } from './flows/register-slot.flow.ts';
import { stopSteps } from './flows/stop.flow.ts';
import { STEPS, type Step } from './state.ts';

const merged: Partial<Record<Step, StepHandler>> = {
  ...firstContactSteps, ...menuSteps, ...placeSteps, ...registerPersonSteps, ...registerSlotSteps, ...appointmentSteps, ...donorSteps, ...checkinSteps,
  ...myDataSteps, ...correctPersonSteps, ...stopSteps,
};

const missing = STEPS.filter((s) => merged[s] === undefined);
if (missing.length > 0) throw new Error(`Steps without a handler: ${missing.join(', ')}`);

export const STEP_HANDLERS = merged as Record<Step, StepHandler>;
