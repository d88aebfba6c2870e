import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A device id for "one per device" rules of anonymous visitors (supporting a 点单 demand, rating in
 * a survey): a random, long-lived, HttpOnly cookie. It is not an identity and not a secret; it only
 * stops casual repeats, and per-IP throttling (throttle.ts) bounds the rest.
 */
export const DEVICE_COOKIE = 'gk_device';
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;

/** The visitor's device id, setting the cookie on this response when it has none yet. */
export function deviceId(req: FastifyRequest, reply: FastifyReply): string {
  const sent = req.cookies?.[DEVICE_COOKIE];
  if (sent && DEVICE_ID.test(sent)) return sent;
  const id = randomBytes(16).toString('base64url');
  reply.setCookie(DEVICE_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.gk.config.secureCookies,
    maxAge: 400 * 24 * 3600,
  });
  return id;
}
