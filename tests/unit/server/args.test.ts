import { describe, expect, it } from 'vitest';
import { parseServeArgs, UsageError } from '../../../src/server/args';

describe('parseServeArgs', () => {
  it('defaults to port 4566, speed 1, seed 1, us-east-1', () => {
    expect(parseServeArgs([], {})).toEqual({ port: 4566, speed: 1, seed: 1, region: 'us-east-1' });
  });

  it('takes the port from PORT unless --port is given', () => {
    expect(parseServeArgs([], { PORT: '5000' }).port).toBe(5000);
    expect(parseServeArgs(['--port', '6000'], { PORT: '5000' }).port).toBe(6000);
    expect(parseServeArgs(['--port=0'], {}).port).toBe(0);
  });

  it('reads --speed, --seed and --region', () => {
    expect(parseServeArgs(['--speed', '60', '--seed=42', '--region', 'eu-west-1'], {})).toEqual({
      port: 4566,
      speed: 60,
      seed: 42,
      region: 'eu-west-1',
    });
  });

  it('takes a snapshot file to start from', () => {
    expect(parseServeArgs(['--snapshot', 'workshop.json'], {}).snapshot).toBe('workshop.json');
    expect(parseServeArgs([], {})).not.toHaveProperty('snapshot');
  });

  it('takes --allow-origin as origins, repeated or comma-separated, and refuses anything that is not an origin', () => {
    expect(parseServeArgs(['--allow-origin', 'https://a.example/', '--allow-origin=https://b.example:8443,http://c.example'], {}).allowOrigins).toEqual([
      'https://a.example',
      'https://b.example:8443',
      'http://c.example',
    ]);
    expect(parseServeArgs([], {})).not.toHaveProperty('allowOrigins');
    expect(() => parseServeArgs(['--allow-origin', 'https://a.example/app'], {})).toThrow(
      '--allow-origin takes an origin such as https://playground.example.com, got https://a.example/app',
    );
    expect(() => parseServeArgs(['--allow-origin', '*'], {})).toThrow(UsageError);
  });

  it('refuses bad values and unknown arguments with a UsageError naming them', () => {
    expect(() => parseServeArgs(['--port', '70000'], {})).toThrow('Port must be a whole number from 0 to 65535, got 70000');
    expect(() => parseServeArgs(['--speed', '0'], {})).toThrow('Speed must be a number greater than 0 and at most 100000, got 0');
    expect(() => parseServeArgs(['--speed'], {})).toThrow('--speed needs a value');
    expect(() => parseServeArgs(['--host', '0.0.0.0'], {})).toThrow(UsageError);
    expect(() => parseServeArgs(['--region', 'mars'], {})).toThrow('Not a region name: mars');
  });
});
