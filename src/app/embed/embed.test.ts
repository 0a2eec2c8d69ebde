import { describe, expect, it } from 'vitest';
import { normaliseOrigin, parseEmbedOptions } from './options';
import { isForUs, parseHostMessage } from './protocol';

describe('parseEmbedOptions', () => {
  it('is undefined without ?embed, and has defaults with it', () => {
    expect(parseEmbedOptions('')).toBeUndefined();
    expect(parseEmbedOptions('?embed=0')).toBeUndefined();
    expect(parseEmbedOptions('?embed')).toEqual({ view: 'map', readonly: false, controls: true, autoplay: false, speed: 1, lang: undefined, theme: undefined, origins: [] });
  });

  it('reads every option and ignores bad values', () => {
    const o = parseEmbedOptions('?embed&view=service&readonly&controls=0&autoplay=1&speed=60&lang=ko&theme=dark&origin=https://docs.example.com&origin=http://localhost:3000,https://a.test/');
    expect(o).toEqual({
      view: 'service',
      readonly: true,
      controls: false,
      autoplay: true,
      speed: 60,
      lang: 'ko',
      theme: 'dark',
      origins: ['https://docs.example.com', 'http://localhost:3000', 'https://a.test'],
    });
    expect(parseEmbedOptions('?embed&view=evil&speed=7&lang=fr&theme=neon&origin=*&origin=javascript:alert(1)')).toMatchObject({ view: 'map', speed: 1, lang: undefined, theme: undefined, origins: [] });
  });

  it('accepts only plain origins', () => {
    expect(normaliseOrigin('https://docs.example.com')).toBe('https://docs.example.com');
    expect(normaliseOrigin('https://docs.example.com/path')).toBeUndefined();
    expect(normaliseOrigin('https://user@docs.example.com')).toBeUndefined();
    expect(normaliseOrigin('file:///x')).toBeUndefined();
    expect(normaliseOrigin('null')).toBeUndefined();
  });
});

describe('parseHostMessage', () => {
  it('accepts the documented shapes', () => {
    expect(parseHostMessage({ type: 'ecs-playground:command', id: 1, api: 'ecs', operation: 'createCluster', request: { clusterName: 'a' } })).toEqual({
      ok: true,
      message: { type: 'ecs-playground:command', id: 1, api: 'ecs', operation: 'createCluster', request: { clusterName: 'a' } },
    });
    expect(parseHostMessage({ type: 'ecs-playground:clock', action: 'advance', ms: 5000 }).ok).toBe(true);
    expect(parseHostMessage({ type: 'ecs-playground:load', share: 'abc' }).ok).toBe(true);
    expect(parseHostMessage({ type: 'ecs-playground:get-state', id: 'x' }).ok).toBe(true);
    expect(parseHostMessage({ type: 'ecs-playground:cli', line: 'aws ecs list-clusters' }).ok).toBe(true);
  });

  it.each([
    [{ type: 'ecs-playground:nope' }, /unknown message type/],
    [{ type: 'ecs-playground:command', api: 'ecs', operation: 'constructor' }, /unknown ecs operation "constructor"/],
    [{ type: 'ecs-playground:command', api: 'faults', operation: 'x' }, /"api" should be/],
    [{ type: 'ecs-playground:command', api: 'ecs', operation: 'createCluster', extra: 1 }, /unexpected member "extra"/],
    [{ type: 'ecs-playground:command', api: 'ecs', operation: 'createCluster', request: [] }, /"request" should be an object/],
    [{ type: 'ecs-playground:load', share: 'a', session: {} }, /exactly one/],
    [{ type: 'ecs-playground:clock', action: 'advance', ms: -1 }, /"ms"/],
    [{ type: 'ecs-playground:clock', action: 'rewind' }, /"action"/],
    [{ type: 'ecs-playground:cli', line: '' }, /"line"/],
    [JSON.parse('{"type":"ecs-playground:get-state","__proto__":{"x":1}}'), /__proto__/],
    [{ type: 'ecs-playground:get-state', id: { no: 1 } }, /id should be/],
  ])('refuses %j', (data, message) => {
    const parsed = parseHostMessage(data);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('leaves other messages on the page alone', () => {
    expect(isForUs({ type: 'ecs-playground:get-state' })).toBe(true);
    expect(isForUs({ type: 'webpackOk' })).toBe(false);
    expect(isForUs('hello')).toBe(false);
  });
});
