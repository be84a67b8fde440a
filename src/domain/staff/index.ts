// Staff: tokens for scripts, and signing in to the console (passwords, the lock, sessions, one-time links).
export { activeStaffQuery, addStaff, checkStaffOrganisation, hashToken, staffById, staffForToken, toMember, type NewStaff, type StaffMember } from './staff-tokens.ts';
export { DEFAULT_SCRYPT_COST, hashPassword, verifyNobody, verifyPassword, type ScryptCost } from './password-hash.ts';
export * from './sign-in-rules.ts';
export { signIn, type SignInResult } from './sign-in.ts';
export { createSession, endSession, endStaffSessions, sessionFor, type LiveSession, type NewSession } from './staff-sessions.ts';
export { createPasswordLink, passwordLinkUrl, usePasswordLink } from './password-links.ts';
export { setStaffLocale, staffProfile, type StaffProfile } from './staff-profile.ts';
export { disableStaff, findStaff, setStaffLogin } from './staff-accounts.ts';
