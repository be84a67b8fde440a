// Who may use the web simulator. It takes any phone number, so whoever reaches it can read, cancel or
// erase that number's bookings: by default only someone on this machine, never the internet.
import type { IncomingHttpHeaders } from 'node:http';

/** `loopback`: served to this machine only; `anyone`: to every address (SIMULATOR=on). */
export type SimulatorAccess = 'off' | 'loopback' | 'anyone';

/**
 * `auto` serves this machine only, and nobody once a messaging channel is configured (real villagers
 * write there); `on` opens it to every address, for a test deployment behind its own protection.
 *
 * @example simulatorAccess('auto', { channelConfigured: false }) // 'loopback'
 */
export function simulatorAccess(setting: 'auto' | 'on' | 'off', options: { channelConfigured: boolean }): SimulatorAccess {
  if (setting === 'on') return 'anyone';
  if (setting === 'off' || options.channelConfigured) return 'off';
  return 'loopback';
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
/** A reverse proxy on this machine connects from loopback on behalf of anyone: its requests are not local. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/**
 * True for a request whose connection comes from this machine (127.0.0.0/8, ::1, or IPv4 loopback
 * mapped into IPv6) and that no proxy forwarded. The socket's address is read, not a header: a
 * client cannot choose it.
 *
 * @example isLocalRequest('::ffff:127.0.0.1', {}) // true
 */
export function isLocalRequest(remoteAddress: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (remoteAddress === undefined || !LOOPBACK.test(remoteAddress)) return false;
  return PROXY_HEADERS.every((h) => headers[h] === undefined);
}
