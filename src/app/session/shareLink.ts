/**
 * Share links: the session payload, compressed, in the URL hash as `#s=…` (the hash never reaches a
 * server). Other hash and query parameters (embed options) are kept as they are.
 */
import type { Simulation } from '../../core';
import { openSession, parseSession, sessionOf, type SessionLesson, type SessionPayload, type SessionResult } from '../../core/session';
import { decodeLinkText, encodeLinkText } from './linkCodec';

export const SHARE_PARAM = 's';

/** The encoded session in a hash such as `#s=…` or `#view=map&s=…`, if there is one. */
export function sharedPart(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM) ?? undefined;
}

export async function shareHashOf(sim: Simulation, lesson?: SessionLesson): Promise<string> {
  const text = JSON.stringify(sessionOf(sim, { form: 'smaller', lesson }));
  return `#${SHARE_PARAM}=${await encodeLinkText(text)}`;
}

/** The page's address with the session in its hash (anything else in the hash is replaced). */
export async function shareUrlOf(sim: Simulation, base: string, lesson?: SessionLesson): Promise<string> {
  const url = new URL(base);
  url.hash = (await shareHashOf(sim, lesson)).slice(1);
  return url.toString();
}

/** Reads the session in an encoded link part; every problem comes back as a message. */
export async function readSharedSession(encoded: string): Promise<SessionResult<SessionPayload>> {
  const decoded = await decodeLinkText(encoded);
  if (!decoded.ok) return decoded;
  return parseSession(decoded.text);
}

/** Decodes and replays: the simulation a share link describes. */
export async function openSharedSession(encoded: string): Promise<SessionResult<{ payload: SessionPayload; sim: Simulation }>> {
  const read = await readSharedSession(encoded);
  if (!read.ok) return read;
  const opened = openSession(read.value);
  return opened.ok ? { ok: true, value: { payload: read.value, sim: opened.value } } : opened;
}
