import { describe, expect, it } from 'vitest';
import { checkGoals, loadScenario, runToEnd, startScenario, type Goal, type Scenario } from './index';

const fargate = (version: string) => ({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: `nginx:${version}` }],
});

/** One Fargate service "web" (desired 1, min 0 %, max 100 %) that deploys revision 2 at 0:30. */
function scenarioWith(goals: Goal[]): Scenario {
  const s = {
    id: 'goal-probe',
    kind: 'demo',
    title: { en: 'Probe' },
    description: { en: 'Goal checks.' },
    seed: 5,
    durationSeconds: 300,
    setup: {
      clusters: [{ clusterName: 'c' }],
      taskDefinitions: [fargate('1.26'), fargate('1.27')],
      services: [
        {
          cluster: 'c',
          serviceName: 'web',
          taskDefinition: 'web:1',
          desiredCount: 1,
          launchType: 'FARGATE',
          deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
          networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
        },
      ],
      warmUpSeconds: 90,
    },
    script: [{ at: 30, ecs: 'updateService', input: { cluster: 'c', service: 'web', taskDefinition: 'web:2' } }],
    goals: goals.map((check, i) => ({ id: `g${i}`, title: { en: `goal ${i}` }, check })),
  };
  const loaded = loadScenario(s);
  expect(loaded.errors).toEqual([]);
  return loaded.scenario!;
}

function results(goals: Goal[]) {
  const s = scenarioWith(goals);
  const sim = startScenario(s);
  runToEnd(s, sim);
  return checkGoals(s, sim);
}

describe('goal evaluators', () => {
  it('runningNeverBelow sees the outage of a 1/0/100 deployment in the event log, though the end state looks fine', () => {
    const [never, now, done] = results([
      { type: 'runningNeverBelow', cluster: 'c', service: 'web', min: 1 },
      { type: 'serviceTasks', cluster: 'c', service: 'web', revision: 2, equals: 1 },
      { type: 'deploymentCompleted', cluster: 'c', service: 'web', revision: 2 },
    ]);
    expect(never.pass).toBe(false);
    expect(never.evidence).toMatch(/^Lowest number of RUNNING tasks of service web: 0 \(at \d+:\d\d\); wanted never below 1\.$/);
    expect(now.pass).toBe(true);
    expect(done.pass).toBe(true);
  });

  it('not, allOf and anyOf combine verdicts and their evidence', () => {
    const yes: Goal = { type: 'serviceTasks', cluster: 'c', service: 'web', equals: 1 };
    const no: Goal = { type: 'rollbackHappened', cluster: 'c', service: 'web' };
    const [not, all, any] = results([{ type: 'not', goal: no }, { type: 'allOf', goals: [yes, no] }, { type: 'anyOf', goals: [yes, no] }]);
    expect(not.pass).toBe(true);
    expect(not.evidence).toBe('Not wanted: Service web never rolled back.');
    expect(all.pass).toBe(false);
    expect(all.evidence).toMatch(/^✓ Service web has 1 RUNNING task; wanted exactly 1\. ✗ Service web never rolled back\.$/);
    expect(any.pass).toBe(true);
  });

  it('fails with evidence, never throws, for things that do not exist', () => {
    const [cluster, service, family, few] = results([
      { type: 'serviceTasks', cluster: 'nope', service: 'web', equals: 1 },
      { type: 'deploymentCompleted', cluster: 'c', service: 'ghost' },
      { type: 'taskDefinitionField', family: 'ghost', pointer: '/cpu', is: '256' },
      { type: 'serviceTasks', cluster: 'c', service: 'web', atLeast: 3 },
    ]);
    expect(few).toMatchObject({ pass: false, evidence: 'Service web has 1 RUNNING task; wanted at least 3.', evidenceKo: 'service web의 RUNNING task는 1개입니다. 목표: 3개 이상.' });
    expect(cluster).toMatchObject({ pass: false, evidence: expect.stringMatching(/^Could not check: ClusterNotFoundException/) });
    expect(service).toMatchObject({ pass: false, evidence: 'Service ghost does not exist.' });
    expect(family).toMatchObject({ pass: false, evidence: 'No ACTIVE revision of ghost is registered.' });
  });

  it('serviceEventSeen, tasksStopped and costPerHour read the history and the cost meter', () => {
    const [seen, stopped, cheap, dear] = results([
      { type: 'serviceEventSeen', cluster: 'c', service: 'web', contains: 'deployment completed' },
      { type: 'tasksStopped', cluster: 'c', group: 'service:web', stopCode: 'ServiceSchedulerInitiated', equals: 1 },
      { type: 'costPerHour', cluster: 'c', service: 'web', below: 1 },
      { type: 'costPerHour', below: 0.001 },
    ]);
    expect(seen.pass).toBe(true);
    expect(stopped.pass).toBe(true);
    expect(stopped.evidenceKo).toMatch(/목표: 정확히 1개\.$/);
    expect(cheap.pass).toBe(true);
    expect(cheap.evidence).toMatch(/^Cost of service web now: \$0\.0\d{3} per hour; wanted below \$1\.0000\.$/);
    expect(dear.pass).toBe(false);
  });
});
