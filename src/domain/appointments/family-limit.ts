// How many places one phone (a family) may hold in one campaign, unless MAX_BOOKINGS_PER_CONTACT says otherwise.
export const DEFAULT_MAX_BOOKINGS_PER_CONTACT = 6;
