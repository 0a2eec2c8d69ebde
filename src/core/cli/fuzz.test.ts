/**
 * Random and mutated command lines never make the console throw, and each one is answered quickly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { runCommandLine } from './run';

const SEEDS = [
  'aws ecs create-cluster --cluster-name demo',
  `aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx,memory=128,portMappings=[{containerPort=80}]'`,
  `aws ecs run-task --cluster demo --task-definition web --network-configuration 'awsvpcConfiguration={subnets=[a,b],assignPublicIp=ENABLED}'`,
  `aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2 --deployment-configuration '{"maximumPercent": 200}'`,
  'aws ecs tag-resource --resource-arn arn:aws:ecs:us-east-1:123456789012:cluster/demo --tags key=a,value=b key=c,value=d',
  `aws ecs run-task --cli-input-json '{"cluster": "demo", "taskDefinition": "web", "count": 2}'`,
  'aws ecs list-tasks --cluster demo --output text --region x',
  'aws ecs delete-service --cluster demo --service web --force',
];

const ALPHABET = [..."aws ecs --=,[]{}'\"\\\n;#|x0-: "];

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...ALPHABET)), { maxLength: 6 }))
  .map(([seed, edits]) => {
    let s = seed;
    for (const [pos, kind, ch] of edits) {
      const at = pos % (s.length + 1);
      if (kind === 0) s = s.slice(0, at) + ch + s.slice(at);
      else if (kind === 1) s = s.slice(0, at) + s.slice(at + 1);
      else if (kind === 2) s = s.slice(0, at) + ch + s.slice(at + 1);
      else s = s.slice(0, at) + s.slice(at, at + 8) + s.slice(at);
    }
    return s;
  });

describe('the console never throws (fuzz)', () => {
  const sim = createSimulation({ seed: 3 });
  runCommandLine(sim, SEEDS[0]);

  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (line) => {
        const results = runCommandLine(sim, line);
        for (const r of results) expect(typeof r.exitCode).toBe('number');
      }),
      { numRuns: 300 },
    );
  });

  it('random words after aws ecs', () => {
    const word = fc.oneof(fc.constantFrom('--cluster', '--tags', '--count', '--force', '--no-force', '--cli-input-json', '--output', 'help', 'wait', 'run-task', 'create-service', 'services-stable'), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const line = ['aws', 'ecs', ...words.map((w) => `'${w.replace(/'/g, '')}'`)].join(' ');
        const results = runCommandLine(sim, line);
        expect(results.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated real commands, each answered within a bounded time', () => {
    fc.assert(
      fc.property(mutated, (line) => {
        const started = performance.now();
        const results = runCommandLine(sim, line);
        for (const r of results) expect(r.stdout + r.stderr).not.toContain('The playground console failed');
        expect(performance.now() - started).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
  });
});
