// /admin/whatsapp-web: the pairing QR code and the session state, for whoever links the association's
// phone. Whoever scans the code links their phone as the association's number, so every route checks
// the admin itself (never the URL's text): the token in an Authorization header, or the short-lived
// cookie that signing in with the token sets. The token never travels in a URL.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { WhatsAppWebSession } from '../channels/whatsapp-web/whatsapp-web.channel.ts';
import type { Clock } from '../domain/clock.ts';
import { ADMIN_COOKIE, ADMIN_SESSION_MS, adminSessionValue, isValidAdminSession } from './admin-session.ts';
import { tooManyAttempts, type AuthThrottle } from './auth-throttle.ts';
import { sameSecret } from './telegram-webhook.routes.ts';

export const WHATSAPP_WEB_ADMIN_PATH = '/admin/whatsapp-web';

export interface WhatsAppWebAdminDeps {
  session: WhatsAppWebSession;
  adminToken: string;
  clock: Clock;
  /** The service is reached over HTTPS (PUBLIC_BASE_URL): the cookie is then sent over HTTPS only. */
  secureCookie: boolean;
  authThrottle: AuthThrottle;
}

const SignIn = z.object({ token: z.string() });

const page = (title: string, body: string, refresh = false) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh ? '<meta http-equiv="refresh" content="5">' : ''}<title>Qafila · ${title}</title><h1>WhatsApp (one phone)</h1>${body}</html>`;

const signInForm = (problem?: string) =>
  page(
    'sign in',
    `${problem ? `<p role="alert">${problem}</p>` : ''}<form method="post" action="${WHATSAPP_WEB_ADMIN_PATH}/sign-in"><label for="token">Admin token</label> <input id="token" name="token" type="password" autocomplete="current-password" required> <button type="submit">Sign in</button></form>`,
  );

export function registerWhatsAppWebAdmin(app: FastifyInstance, deps: WhatsAppWebAdminDeps): void {
  /** Signed in, or how long the address must wait after too many wrong tokens (0: it may try). */
  const signedIn = async (request: FastifyRequest): Promise<true | number> => {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      return sameSecret(header.slice('Bearer '.length), deps.adminToken) || (await deps.authThrottle.failed(request.ip));
    }
    return isValidAdminSession(request.cookies[ADMIN_COOKIE], deps.adminToken, deps.clock.now()) || 0;
  };
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-frame-options', 'DENY');

  void app.register(
    async (scope) => {
      await scope.register(cookie);
      await scope.register(formbody);
      scope.addHook('onSend', async (_request, reply) => void noStore(reply));

      scope.get('/', async (request, reply) => {
        const access = await signedIn(request);
        if (access !== true) return access > 0 ? tooManyAttempts(reply, access) : reply.code(401).type('text/html; charset=utf-8').send(signInForm());
        const state = deps.session.state();
        const body =
          state === 'waiting_for_scan'
            ? `<p>Scan this code with the association's phone: WhatsApp &gt; Linked devices &gt; Link a device.</p><img alt="pairing code" src="${WHATSAPP_WEB_ADMIN_PATH}/qr.png" width="300" height="300">`
            : `<p>State: <strong>${state}</strong></p>`;
        return reply.type('text/html; charset=utf-8').send(page('WhatsApp', `${body}<form method="post" action="${WHATSAPP_WEB_ADMIN_PATH}/sign-out"><button type="submit">Sign out</button></form>`, true));
      });

      scope.get('/qr.png', async (request, reply) => {
        const access = await signedIn(request);
        if (access !== true) return access > 0 ? tooManyAttempts(reply, access) : reply.code(401).send({ error: `sign in at ${WHATSAPP_WEB_ADMIN_PATH}, or give the admin token as "Authorization: Bearer <token>"` });
        const code = deps.session.qr();
        if (!code) return reply.code(404).send({ error: `no pairing code: the session is ${deps.session.state()}` });
        return reply.type('image/png').send(await QRCode.toBuffer(code, { type: 'png', margin: 2, width: 300 }));
      });

      scope.post('/sign-in', async (request, reply) => {
        const form = SignIn.safeParse(request.body);
        if (!form.success || !sameSecret(form.data.token, deps.adminToken)) {
          const waitMs = await deps.authThrottle.failed(request.ip);
          if (waitMs > 0) return tooManyAttempts(reply, waitMs);
          return reply.code(401).type('text/html; charset=utf-8').send(signInForm('That is not the admin token.'));
        }
        reply.setCookie(ADMIN_COOKIE, adminSessionValue(deps.adminToken, deps.clock.now()), {
          path: WHATSAPP_WEB_ADMIN_PATH,
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.secureCookie,
          maxAge: ADMIN_SESSION_MS / 1000,
        });
        return reply.redirect(WHATSAPP_WEB_ADMIN_PATH, 303);
      });

      scope.post('/sign-out', async (_request, reply) => {
        reply.clearCookie(ADMIN_COOKIE, { path: WHATSAPP_WEB_ADMIN_PATH });
        return reply.redirect(WHATSAPP_WEB_ADMIN_PATH, 303);
      });
    },
    { prefix: WHATSAPP_WEB_ADMIN_PATH },
  );
}
