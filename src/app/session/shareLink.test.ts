import { describe, expect, it } from 'vitest';
import { learnerSession } from '../../core/session/learnerSession.fixture';
import { decodeLinkText, encodeLinkText } from './linkCodec';
import { openSharedSession, sharedPart, shareUrlOf } from './shareLink';

describe('share links', () => {
  it('round trip: the link opens a simulation with an identical event log and state', async () => {
    const sim = learnerSession({ minutes: 30 });
    const url = await shareUrlOf(sim, 'https://example.test/learn/ecs/playground/?embed&view=map#old');
    expect(url.startsWith('https://example.test/learn/ecs/playground/?embed&view=map#s=')).toBe(true);
    expect(url.length).toBeLessThan(8_000);
    const encoded = sharedPart(new URL(url).hash);
    expect(encoded).toBeTruthy();
    const opened = await openSharedSession(encoded!);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(JSON.stringify(opened.value.sim.events)).toBe(JSON.stringify(sim.events));
    expect(JSON.stringify(opened.value.sim.snapshot())).toBe(JSON.stringify(sim.snapshot()));
  });

  it('codec: unicode survives; damage, bad characters and oversized output are refused', async () => {
    const text = JSON.stringify({ name: '클러스터 ✓', n: 'x'.repeat(10_000) });
    const enc = await encodeLinkText(text);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeLinkText(enc)).toEqual({ ok: true, text });
    expect((await decodeLinkText('abc$%')).ok).toBe(false);
    expect((await decodeLinkText(enc.slice(0, 10) + 'AAAA' + enc.slice(14, 20))).ok).toBe(false);
    const big = await decodeLinkText(enc, 1000);
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).toMatch(/more than 1000 bytes/);
  });

  it('a link holding something else is refused with a message', async () => {
    const enc = await encodeLinkText(JSON.stringify({ hello: 'world' }));
    const opened = await openSharedSession(enc);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.message).toMatch(/not an ECS Playground session/);
  });
});
