/**
 * Command-line options of `npm run serve`: `--port N` (or PORT), `--speed N`, `--seed N`,
 * `--region R`, `--snapshot FILE`, `--allow-origin URL[,URL]`.
 */
import { normaliseOrigin } from './cors';

export interface ServeOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one */
  port: number;
  /** virtual seconds per wall-clock second */
  speed: number;
  seed: number;
  region: string;
  /** a file written from `sim.snapshot()` to start from instead of an empty simulation */
  snapshot?: string;
  /** web app origins besides loopback ones allowed to connect from a browser */
  allowOrigins?: string[];
}

export const DEFAULT_PORT = 4566;

export const USAGE = `Usage: npm run serve -- [--port N] [--speed N] [--seed N] [--region R] [--snapshot FILE] [--allow-origin URL]
  --port N     port on 127.0.0.1 (default: the PORT variable, else ${DEFAULT_PORT}; 0 picks a free port)
  --speed N    virtual time runs N times faster than the wall clock (default 1; workshops: 60)
  --seed N     seed of the simulation (default 1)
  --region R   region in ARNs and responses (default us-east-1)
  --snapshot F start from a simulation snapshot (JSON from sim.snapshot()); --seed and --region then come from it
  --allow-origin URL  a web page origin (besides http://127.0.0.1:*, http://localhost:*) allowed to
               connect from a browser, e.g. a hosted copy of the app; comma-separate several`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `argv` (without node and the script); throws UsageError with the reason when it cannot. */
export function parseServeArgs(argv: readonly string[], env: Record<string, string | undefined>): ServeOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--(port|speed|seed|region|snapshot|allow-origin)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(arg === '--help' || arg === '-h' ? '' : `Unknown argument: ${arg}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${m[1]} needs a value`);
    values.set(m[1], m[1] === 'allow-origin' && values.has(m[1]) ? `${values.get(m[1])},${value}` : value);
  }
  const portText = values.get('port') ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`Port must be a whole number from 0 to 65535, got ${portText}`);
  const speedText = values.get('speed') ?? '1';
  const speed = Number(speedText);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000) {
    throw new UsageError(`Speed must be a number greater than 0 and at most 100000, got ${speedText}`);
  }
  const seedText = values.get('seed') ?? '1';
  if (!/^\d+$/.test(seedText)) throw new UsageError(`Seed must be a whole number, got ${seedText}`);
  const region = values.get('region') ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`Not a region name: ${region}`);
  const snapshot = values.get('snapshot');
  const allowOrigins: string[] = [];
  for (const text of values.get('allow-origin')?.split(',') ?? []) {
    const origin = normaliseOrigin(text.trim());
    if (!origin) throw new UsageError(`--allow-origin takes an origin such as https://playground.example.com, got ${text}`);
    allowOrigins.push(origin);
  }
  return {
    port,
    speed,
    seed: Number(seedText),
    region,
    ...(snapshot === undefined ? {} : { snapshot }),
    ...(allowOrigins.length ? { allowOrigins } : {}),
  };
}
