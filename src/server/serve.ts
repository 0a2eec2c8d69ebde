/**
 * `npm run serve`: the local ECS endpoint (server/endpoint.ts) for the AWS CLI and SDKs.
 *   npm run serve -- --speed 60
 *   aws --endpoint-url http://127.0.0.1:4566 ecs list-clusters
 */
import { readFileSync } from 'node:fs';
import { parseServeArgs, USAGE, UsageError } from './args';
import { startEndpoint } from './endpoint';

async function main(): Promise<void> {
  let options;
  try {
    options = parseServeArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) console.error(e.message);
    console.error(USAGE);
    process.exit(e.message ? 2 : 0);
  }
  const snapshot = options.snapshot ? JSON.parse(readFileSync(options.snapshot, 'utf8')) : undefined;
  const endpoint = await startEndpoint({ ...options, snapshot });
  const { region, seed } = endpoint.sim.state;
  const pace = options.speed === 1 ? 'virtual time runs at wall-clock speed' : `virtual time runs ${options.speed}x faster than the wall clock`;
  console.log(`ECS Playground endpoint listening on ${endpoint.url} (${region}, seed ${seed}, ${pace})`);
  console.log(`Try: aws --endpoint-url ${endpoint.url} ecs list-clusters`);
  console.log(`Watch it live: open the web app, Local endpoint → Connect (${endpoint.url})`);
  const stop = () => {
    endpoint.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
