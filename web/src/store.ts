// What every page shares: the signed-in staff member and the language. A tiny observable, no library.
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken } from './api/client.ts';
import type { Me, OrganisationRef, SessionAnswer } from './api/types.ts';
import { directionOf, messagesFor, type Locale, type Messages } from './i18n/index.ts';

export interface AppState {
  /** undefined while the session is being read, null when signed out. */
  me: Me | null | undefined;
  locale: Locale;
  /** The organisation a platform admin looks at (read only); null for everyone else. */
  viewing: OrganisationRef | null;
}

const LOCALE_KEY = 'qafila.console.locale';
const listeners = new Set<() => void>();
let state: AppState = { me: undefined, locale: initialLocale(), viewing: null };

function initialLocale(): Locale {
  const saved = readSaved();
  if (saved) return saved;
  return navigator.language.toLowerCase().startsWith('ar') ? 'ar' : 'fr';
}

function readSaved(): Locale | undefined {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return value === 'fr' || value === 'ar' ? value : undefined;
  } catch {
    return undefined;
  }
}

function set(next: Partial<AppState>): void {
  state = { ...state, ...next };
  applyLocale(state.locale);
  for (const listener of listeners) listener();
}

/** `<html lang dir>` follow the language: Arabic mirrors the whole page through CSS logical properties. */
function applyLocale(locale: Locale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = directionOf(locale);
  document.title = messagesFor(locale).appName;
}

export function useAppState(): AppState {
  const [, force] = useState(0);
  const rendered = state;
  useEffect(() => {
    const listener = () => force((n) => n + 1);
    listeners.add(listener);
    // Effects run after the paint: a change made in between (the session's answer, from the browser's
    // cache, before a slow phone painted) would otherwise be missed, and the page stay on "Loading".
    if (state !== rendered) listener();
    return () => void listeners.delete(listener);
  }, []);
  return state;
}

export function useMessages(): Messages {
  return messagesFor(useAppState().locale);
}

export function currentState(): AppState {
  return state;
}

const SESSION_KEY = 'qafila.console.session';

/** The tab keeps its last session answer: a desk reloaded offline still knows who is signed in. */
function keepSession(answer: SessionAnswer | undefined): void {
  try {
    if (answer) sessionStorage.setItem(SESSION_KEY, JSON.stringify(answer));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage refused (private browsing): a reload offline then asks to sign in again.
  }
}

function keptSession(): SessionAnswer | undefined {
  try {
    const text = sessionStorage.getItem(SESSION_KEY);
    return text ? (JSON.parse(text) as SessionAnswer) : undefined;
  } catch {
    return undefined;
  }
}

export function startSession(answer: SessionAnswer): void {
  keepSession(answer);
  setCsrfToken(answer.csrfToken);
  set({ me: answer.staff, locale: answer.staff.locale, viewing: answer.viewing });
}

export function endSession(): void {
  keepSession(undefined);
  setCsrfToken(undefined);
  set({ me: null, viewing: null });
}

/** The platform admin starts looking at an organisation's campaigns (or stops, with null); false when refused. */
export async function viewOrganisation(organisationId: number | null): Promise<boolean> {
  const answer = await api<SessionAnswer>('PUT', '/console/api/session/viewing', { organisationId });
  if (answer.ok) startSession(answer.data);
  return answer.ok;
}

/** Reads the session the cookie holds, if any; a refusal counts as signed out, no network as the tab's last session. */
export async function loadSession(): Promise<void> {
  applyLocale(state.locale);
  const answer = await api<SessionAnswer>('GET', '/console/api/session');
  const kept = answer.status === 0 ? keptSession() : undefined;
  // No network: the session this tab last had stands until the server can say otherwise.
  if (answer.ok) startSession(answer.data);
  else if (kept) startSession(kept);
  else endSession();
}

/** Switches at once; a signed-in staff member's choice is saved on the server for their next visit. */
export async function chooseLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the switch still applies to this visit.
  }
  const me = state.me;
  set({ locale, ...(me ? { me: { ...me, locale } } : {}) });
  if (me) await api<Me>('PATCH', '/console/api/me', { locale });
}
