/**
 * Session text ⇄ the compact string in a share link's hash: deflate-raw (CompressionStream, in every
 * current browser and Node 20) then base64url. Decoding stops as soon as the output passes a limit,
 * so a small link cannot expand into something huge.
 */
import { MAX_SESSION_BYTES } from '../../core/session';

/** longest encoded text read from a link */
export const MAX_LINK_CHARS = 1_500_000;

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(b64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

export async function encodeLinkText(text: string): Promise<string> {
  const input = new Blob([new TextEncoder().encode(text)]).stream();
  const compressed = await collect(input.pipeThrough(new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);
  return toBase64Url(compressed as Uint8Array);
}

export async function decodeLinkText(encoded: string, maxBytes = MAX_SESSION_BYTES): Promise<DecodeResult> {
  if (encoded.length > MAX_LINK_CHARS) return { ok: false, message: `the link is longer than ${MAX_LINK_CHARS} characters` };
  const bytes = fromBase64Url(encoded);
  if (!bytes) return { ok: false, message: 'the link is not valid base64url text' };
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const out = await collect(stream, maxBytes);
    if (!out) return { ok: false, message: `the link expands to more than ${maxBytes} bytes` };
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(out) };
  } catch {
    return { ok: false, message: 'the link is damaged (it does not decompress)' };
  }
}
