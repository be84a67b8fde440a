// The venue day: checking people in at the desk by their code, registering walk-ins, and the day's
// bookings a desk keeps for when the network drops, and each service's queue of the checked-in.
export { checkIn, type DeskActor, type DeskTime, type ScanInput } from './check-in.ts';
export { decideCheckIn, ageOn, type Decision, type FoundAppointment, type ScanRequest } from './check-in-decision.ts';
export { arrivalTime, DESK_CLOCK_SKEW_MS } from './desk-clock.ts';
export { deskCampaigns } from './desk-campaigns.ts';
export { deskDay } from './desk-day.ts';
export { registerWalkIn, type WalkInInput } from './walk-in.ts';
export { pickWindow, type DayWindow } from './walk-in-window.ts';
export { closeDay, type ClosedDay, type CloseDaySettings } from './end-of-day.ts';
export { markSeen, serviceQueue } from './service-queue.ts';
export { isWaiting, queueOrder, type QueueEntry } from './queue-order.ts';
