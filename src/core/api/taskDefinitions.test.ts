import type { RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { createSimulation, EcsError, type Simulation } from '../index';
import { validateRegisterRequest } from '../taskdef/validate';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition';
const EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

function def(family: string, image = 'busybox:1.36'): RegisterTaskDefinitionRequest {
  return { family, containerDefinitions: [{ name: 'app', image, memory: 128 }] };
}

function err(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (e) {
    if (e instanceof EcsError) return [e.name, e.message];
    throw e;
  }
  throw new Error('expected an EcsError');
}

function register(sim: Simulation, family: string, times = 1): void {
  for (let i = 0; i < times; i++) sim.ecs.registerTaskDefinition(def(family));
}

describe('registerTaskDefinition', () => {
  it('registers revision 1 as ACTIVE with its ARN, registeredAt and registeredBy', () => {
    const sim = createSimulation();
    const td = sim.ecs.registerTaskDefinition(def('web')).taskDefinition!;
    expect(td.taskDefinitionArn).toBe(`${ARN}/web:1`);
    expect([td.family, td.revision, td.status]).toEqual(['web', 1, 'ACTIVE']);
    expect(td.registeredAt).toEqual(new Date(EPOCH));
    expect(td.registeredBy).toBe('arn:aws:iam::123456789012:root');
    expect(td.deregisteredAt).toBeUndefined();
  });

  it('numbers each further registration of the family one higher', () => {
    const sim = createSimulation();
    register(sim, 'web', 2);
    expect(sim.ecs.registerTaskDefinition(def('web')).taskDefinition!.revision).toBe(3);
    expect(sim.ecs.registerTaskDefinition(def('api')).taskDefinition!.revision).toBe(1);
  });

  it('keeps numbering after deregistration and deletion of the latest revision', () => {
    const sim = createSimulation();
    register(sim, 'web', 2);
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:2' });
    expect(sim.ecs.registerTaskDefinition(def('web')).taskDefinition!.revision).toBe(3);
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:3' });
    sim.ecs.deleteTaskDefinitions({ taskDefinitions: ['web:3'] });
    expect(sim.ecs.registerTaskDefinition(def('web')).taskDefinition!.revision).toBe(4);
  });

  it('stamps registeredAt with the virtual clock', () => {
    const sim = createSimulation();
    sim.advance(90_000);
    expect(sim.ecs.registerTaskDefinition(def('web')).taskDefinition!.registeredAt).toEqual(new Date(EPOCH + 90_000));
  });

  it('returns the tags only when the request had some', () => {
    const sim = createSimulation();
    expect('tags' in sim.ecs.registerTaskDefinition(def('a'))).toBe(false);
    const res = sim.ecs.registerTaskDefinition({ ...def('b'), tags: [{ key: 'team', value: 'payments' }] });
    expect(res.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect('tags' in res.taskDefinition!).toBe(false);
  });

  it('throws the exception and text of the validator\'s first error', () => {
    const sim = createSimulation();
    const bad = [
      { containerDefinitions: [{ name: 'a', image: 'b', memory: 64 }] },
      { family: 'bad name!', containerDefinitions: [{ name: 'a', image: 'b', memory: 64 }] },
      { family: 'x', containerDefinitions: [] },
      { ...def('f'), requiresCompatibilities: ['FARGATE'] },
      { ...def('f'), networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '4096' },
    ];
    for (const input of bad) {
      const first = validateRegisterRequest(input).errors[0];
      expect(first).toBeDefined();
      expect(err(() => sim.ecs.registerTaskDefinition(input as RegisterTaskDefinitionRequest))).toEqual([
        first.code ?? 'ClientException',
        first.message,
      ]);
    }
    expect(sim.state.taskDefinitions).toEqual({});
  });

  it('records a taskDefinition.registered event naming family:revision', () => {
    const sim = createSimulation();
    register(sim, 'web', 2);
    const events = sim.events.filter((e) => e.type === 'taskDefinition.registered');
    expect(events.map((e) => [e.resource, e.message, e.data])).toEqual([
      [`${ARN}/web:1`, 'Task definition web:1 registered.', { family: 'web', revision: 1 }],
      [`${ARN}/web:2`, 'Task definition web:2 registered.', { family: 'web', revision: 2 }],
    ]);
  });

  it('neither keeps a reference to the request nor hands out its own state', () => {
    const sim = createSimulation();
    const input = def('web');
    const td = sim.ecs.registerTaskDefinition(input).taskDefinition!;
    input.containerDefinitions![0].image = 'changed';
    td.containerDefinitions![0].name = 'changed';
    const again = sim.ecs.describeTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition!;
    expect([again.containerDefinitions![0].name, again.containerDefinitions![0].image]).toEqual(['app', 'busybox:1.36']);
  });

  it('accepts a family named like an Object.prototype member without touching prototypes', () => {
    const sim = createSimulation();
    for (const family of ['__proto__', 'constructor', 'toString']) register(sim, family);
    expect(sim.ecs.describeTaskDefinition({ taskDefinition: '__proto__' }).taskDefinition!.revision).toBe(1);
    expect(sim.ecs.listTaskDefinitionFamilies().families).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(sim.state.taskDefinitions)).toBe(Object.prototype);
    const restored = createSimulation({ snapshot: sim.snapshot() });
    expect(restored.ecs.describeTaskDefinition({ taskDefinition: '__proto__:1' }).taskDefinition!.family).toBe('__proto__');
  });

  it('fills the defaults describe shows and converts task cpu and memory', () => {
    const sim = createSimulation();
    const td = sim.ecs.registerTaskDefinition({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '1 vCPU',
      memory: '2 GB',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
    }).taskDefinition!;
    expect(td).toEqual({
      taskDefinitionArn: `${ARN}/web:1`,
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:1.27',
          cpu: 0,
          portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
          essential: true,
          environment: [],
          mountPoints: [],
          volumesFrom: [],
          systemControls: [],
        },
      ],
      family: 'web',
      networkMode: 'awsvpc',
      revision: 1,
      volumes: [],
      status: 'ACTIVE',
      requiresAttributes: [{ name: 'ecs.capability.task-eni' }],
      placementConstraints: [],
      compatibilities: ['EC2', 'FARGATE', 'MANAGED_INSTANCES'],
      requiresCompatibilities: ['FARGATE'],
      cpu: '1024',
      memory: '2048',
      registeredAt: new Date(EPOCH),
      registeredBy: 'arn:aws:iam::123456789012:root',
      enableFaultInjection: false,
    });
    expect(Object.keys(td).slice(0, 4)).toEqual(['taskDefinitionArn', 'containerDefinitions', 'family', 'networkMode']);
  });
});

describe('describeTaskDefinition', () => {
  it('finds a revision by family (latest ACTIVE), family:revision and ARN', () => {
    const sim = createSimulation();
    register(sim, 'web', 3);
    const rev = (ref: string) => sim.ecs.describeTaskDefinition({ taskDefinition: ref }).taskDefinition!.revision;
    expect(rev('web')).toBe(3);
    expect(rev('web:2')).toBe(2);
    expect(rev(`${ARN}/web:1`)).toBe(1);
  });

  it('a bare family skips newer INACTIVE revisions', () => {
    const sim = createSimulation();
    register(sim, 'web', 3);
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:3' });
    expect(sim.ecs.describeTaskDefinition({ taskDefinition: 'web' }).taskDefinition!.revision).toBe(2);
  });

  it('throws ClientException "Unable to describe task definition." when nothing matches', () => {
    const sim = createSimulation();
    register(sim, 'web');
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    for (const ref of ['api', 'web:2', 'web', `arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1`]) {
      expect(err(() => sim.ecs.describeTaskDefinition({ taskDefinition: ref }))).toEqual([
        'ClientException',
        'Unable to describe task definition.',
      ]);
    }
  });

  it('rejects a revision that is not a number', () => {
    const sim = createSimulation();
    register(sim, 'web');
    expect(err(() => sim.ecs.describeTaskDefinition({ taskDefinition: 'web:latest' }))).toEqual([
      'ClientException',
      'Invalid revision number. Number: latest',
    ]);
  });

  it('requires taskDefinition', () => {
    const sim = createSimulation();
    expect(err(() => sim.ecs.describeTaskDefinition({} as never))).toEqual([
      'InvalidParameterException',
      'taskDefinition can not be null or empty.',
    ]);
  });

  it('returns tags only with include TAGS', () => {
    const sim = createSimulation();
    sim.ecs.registerTaskDefinition({ ...def('web'), tags: [{ key: 'env', value: 'prod' }] });
    register(sim, 'api');
    expect('tags' in sim.ecs.describeTaskDefinition({ taskDefinition: 'web' })).toBe(false);
    expect(sim.ecs.describeTaskDefinition({ taskDefinition: 'web', include: ['TAGS'] }).tags).toEqual([{ key: 'env', value: 'prod' }]);
    expect(sim.ecs.describeTaskDefinition({ taskDefinition: 'api', include: ['TAGS'] }).tags).toEqual([]);
  });

  it('rejects an unknown include value', () => {
    const sim = createSimulation();
    register(sim, 'web');
    expect(err(() => sim.ecs.describeTaskDefinition({ taskDefinition: 'web', include: ['SETTINGS' as never] }))).toEqual([
      'InvalidParameterException',
      "Invalid value 'SETTINGS' for include. Valid values: TAGS.",
    ]);
  });

  it('deregister then describe shows INACTIVE with deregisteredAt', () => {
    const sim = createSimulation();
    register(sim, 'web');
    sim.advance(5_000);
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    const td = sim.ecs.describeTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition!;
    expect([td.status, td.deregisteredAt]).toEqual(['INACTIVE', new Date(EPOCH + 5_000)]);
  });
});

describe('listTaskDefinitions', () => {
  function setup(): Simulation {
    const sim = createSimulation();
    register(sim, 'web', 11);
    register(sim, 'api', 2);
    register(sim, 'web-worker', 1);
    return sim;
  }
  const short = (arns: string[] | undefined) => (arns ?? []).map((a) => a.slice(ARN.length + 1));

  it('lists ACTIVE revisions by family name, then revision number ascending', () => {
    const sim = setup();
    expect(short(sim.ecs.listTaskDefinitions().taskDefinitionArns)).toEqual([
      'api:1', 'api:2',
      'web:1', 'web:2', 'web:3', 'web:4', 'web:5', 'web:6', 'web:7', 'web:8', 'web:9', 'web:10', 'web:11',
      'web-worker:1',
    ]);
  });

  it('sort DESC lists the newest revisions first and families in reverse', () => {
    const sim = setup();
    expect(short(sim.ecs.listTaskDefinitions({ sort: 'DESC', maxResults: 4 }).taskDefinitionArns)).toEqual([
      'web-worker:1', 'web:11', 'web:10', 'web:9',
    ]);
  });

  it('familyPrefix selects exactly that family, not families that start with it', () => {
    const sim = setup();
    expect(short(sim.ecs.listTaskDefinitions({ familyPrefix: 'web', sort: 'DESC' }).taskDefinitionArns).slice(0, 2)).toEqual([
      'web:11', 'web:10',
    ]);
    expect(sim.ecs.listTaskDefinitions({ familyPrefix: 'web' }).taskDefinitionArns).toHaveLength(11);
    expect(sim.ecs.listTaskDefinitions({ familyPrefix: 'we' }).taskDefinitionArns).toEqual([]);
  });

  it('filters by status INACTIVE and DELETE_IN_PROGRESS', () => {
    const sim = setup();
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'api:1' });
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:2' });
    sim.ecs.deleteTaskDefinitions({ taskDefinitions: ['web:2'] });
    expect(short(sim.ecs.listTaskDefinitions({ status: 'INACTIVE' }).taskDefinitionArns)).toEqual(['api:1']);
    expect(short(sim.ecs.listTaskDefinitions({ status: 'DELETE_IN_PROGRESS' }).taskDefinitionArns)).toEqual(['web:2']);
    expect(short(sim.ecs.listTaskDefinitions({ familyPrefix: 'api' }).taskDefinitionArns)).toEqual(['api:2']);
  });

  it('pages with maxResults and nextToken', () => {
    const sim = setup();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = sim.ecs.listTaskDefinitions({ maxResults: 5, nextToken: token });
      seen.push(...short(res.taskDefinitionArns));
      token = res.nextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(short(sim.ecs.listTaskDefinitions().taskDefinitionArns));
    expect('nextToken' in sim.ecs.listTaskDefinitions({ maxResults: 100 })).toBe(false);
  });

  it('returns at most 100 per page by default', () => {
    const sim = createSimulation();
    register(sim, 'many', 105);
    const first = sim.ecs.listTaskDefinitions();
    expect(first.taskDefinitionArns).toHaveLength(100);
    expect(sim.ecs.listTaskDefinitions({ nextToken: first.nextToken }).taskDefinitionArns).toEqual([
      `${ARN}/many:101`, `${ARN}/many:102`, `${ARN}/many:103`, `${ARN}/many:104`, `${ARN}/many:105`,
    ]);
  });

  it('rejects maxResults outside 1-100, a bad token and an unknown status or sort', () => {
    const sim = setup();
    expect(err(() => sim.ecs.listTaskDefinitions({ maxResults: 0 }))).toEqual(['InvalidParameterException', 'maxResults must be between 1 and 100.']);
    expect(err(() => sim.ecs.listTaskDefinitions({ maxResults: 101 }))[0]).toBe('InvalidParameterException');
    expect(err(() => sim.ecs.listTaskDefinitions({ nextToken: 'garbage' }))).toEqual(['InvalidParameterException', 'Invalid nextToken.']);
    expect(err(() => sim.ecs.listTaskDefinitions({ status: 'ALL' as never }))).toEqual([
      'InvalidParameterException',
      "Invalid value 'ALL' for status. Valid values: ACTIVE, INACTIVE, DELETE_IN_PROGRESS.",
    ]);
    expect(err(() => sim.ecs.listTaskDefinitions({ sort: 'UP' as never }))[0]).toBe('InvalidParameterException');
  });
});

describe('listTaskDefinitionFamilies', () => {
  function setup(): Simulation {
    const sim = createSimulation();
    register(sim, 'web', 2);
    register(sim, 'api');
    register(sim, 'web-worker');
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'api:1' });
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    return sim;
  }

  it('lists every family, ACTIVE and INACTIVE, sorted by name', () => {
    expect(setup().ecs.listTaskDefinitionFamilies().families).toEqual(['api', 'web', 'web-worker']);
  });

  it('ACTIVE lists families with an ACTIVE revision; INACTIVE those without any', () => {
    const sim = setup();
    expect(sim.ecs.listTaskDefinitionFamilies({ status: 'ACTIVE' }).families).toEqual(['web', 'web-worker']);
    expect(sim.ecs.listTaskDefinitionFamilies({ status: 'INACTIVE' }).families).toEqual(['api']);
  });

  it('familyPrefix matches the start of the family name', () => {
    const sim = setup();
    expect(sim.ecs.listTaskDefinitionFamilies({ familyPrefix: 'web' }).families).toEqual(['web', 'web-worker']);
    expect(sim.ecs.listTaskDefinitionFamilies({ familyPrefix: 'x' }).families).toEqual([]);
  });

  it('pages with maxResults and nextToken, and rejects an unknown status', () => {
    const sim = setup();
    const first = sim.ecs.listTaskDefinitionFamilies({ maxResults: 2 });
    expect(first.families).toEqual(['api', 'web']);
    expect(sim.ecs.listTaskDefinitionFamilies({ maxResults: 2, nextToken: first.nextToken })).toEqual({ families: ['web-worker'] });
    expect(err(() => sim.ecs.listTaskDefinitionFamilies({ status: 'DELETE_IN_PROGRESS' as never }))[0]).toBe('InvalidParameterException');
  });
});

describe('deregisterTaskDefinition', () => {
  it('marks the revision INACTIVE, stamps deregisteredAt and records an event', () => {
    const sim = createSimulation();
    register(sim, 'web');
    sim.advance(1_000);
    const td = sim.ecs.deregisterTaskDefinition({ taskDefinition: `${ARN}/web:1` }).taskDefinition!;
    expect([td.status, td.deregisteredAt]).toEqual(['INACTIVE', new Date(EPOCH + 1_000)]);
    expect(sim.events.at(-1)).toMatchObject({
      type: 'taskDefinition.deregistered',
      resource: `${ARN}/web:1`,
      message: 'Task definition web:1 deregistered.',
    });
  });

  it('deregistering an INACTIVE revision again returns it unchanged', () => {
    const sim = createSimulation();
    register(sim, 'web');
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    const count = sim.events.length;
    sim.advance(1_000);
    const td = sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition!;
    expect([td.status, td.deregisteredAt]).toEqual(['INACTIVE', new Date(EPOCH)]);
    expect(sim.events.length).toBe(count);
  });

  it('requires a revision', () => {
    const sim = createSimulation();
    register(sim, 'web');
    expect(err(() => sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web' }))).toEqual([
      'ClientException',
      'A task definition revision must be specified (family:revision or the full ARN).',
    ]);
  });

  it('throws ClientException for a revision that does not exist', () => {
    const sim = createSimulation();
    register(sim, 'web');
    for (const ref of ['web:2', 'api:1', `arn:aws:ecs:us-east-1:123456789012:cluster/web`]) {
      expect(err(() => sim.ecs.deregisterTaskDefinition({ taskDefinition: ref }))).toEqual([
        'ClientException',
        'The specified task definition does not exist.',
      ]);
    }
  });
});

describe('deleteTaskDefinitions', () => {
  it('moves INACTIVE revisions to DELETE_IN_PROGRESS and returns them', () => {
    const sim = createSimulation();
    register(sim, 'web', 2);
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    sim.advance(2_000);
    const res = sim.ecs.deleteTaskDefinitions({ taskDefinitions: ['web:1'] });
    expect(res.failures).toEqual([]);
    expect(res.taskDefinitions!.map((t) => [t.taskDefinitionArn, t.status, t.deleteRequestedAt])).toEqual([
      [`${ARN}/web:1`, 'DELETE_IN_PROGRESS', new Date(EPOCH + 2_000)],
    ]);
    const described = sim.ecs.describeTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition!;
    expect([described.status, described.deregisteredAt, described.deleteRequestedAt]).toEqual([
      'DELETE_IN_PROGRESS',
      new Date(EPOCH),
      new Date(EPOCH + 2_000),
    ]);
    expect(sim.events.at(-1)).toMatchObject({ type: 'taskDefinition.deleteRequested', resource: `${ARN}/web:1` });
  });

  it('reports ACTIVE, unknown and revision-less references as failures and deletes the rest', () => {
    const sim = createSimulation();
    register(sim, 'web', 2);
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:2' });
    const res = sim.ecs.deleteTaskDefinitions({ taskDefinitions: ['web:1', 'web:9', 'web', `${ARN}/web:2`] });
    expect(res.taskDefinitions!.map((t) => t.taskDefinitionArn)).toEqual([`${ARN}/web:2`]);
    expect(res.failures).toEqual([
      { arn: `${ARN}/web:1`, reason: 'The task definition must be INACTIVE before it can be deleted. Deregister it first.' },
      { arn: 'web:9', reason: 'The specified task definition does not exist.' },
      { arn: 'web', reason: 'A task definition revision must be specified (family:revision or the full ARN).' },
    ]);
    expect(sim.ecs.describeTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition!.status).toBe('ACTIVE');
  });

  it('deleting again returns the revision once, still DELETE_IN_PROGRESS', () => {
    const sim = createSimulation();
    register(sim, 'web');
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    sim.ecs.deleteTaskDefinitions({ taskDefinitions: ['web:1'] });
    const res = sim.ecs.deleteTaskDefinitions({ taskDefinitions: ['web:1', `${ARN}/web:1`] });
    expect(res.taskDefinitions!.map((t) => t.status)).toEqual(['DELETE_IN_PROGRESS']);
  });

  it('takes 1 to 10 references', () => {
    const sim = createSimulation();
    expect(err(() => sim.ecs.deleteTaskDefinitions({ taskDefinitions: [] }))).toEqual([
      'InvalidParameterException',
      'taskDefinitions can not be null or empty.',
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => `web:${i + 1}`);
    expect(err(() => sim.ecs.deleteTaskDefinitions({ taskDefinitions: eleven }))).toEqual([
      'InvalidParameterException',
      'taskDefinitions must contain at most 10 items.',
    ]);
  });

  it('a deleting revision cannot be deregistered back or described as ACTIVE', () => {
    const sim = createSimulation();
    register(sim, 'web');
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    sim.ecs.deleteTaskDefinitions({ taskDefinitions: ['web:1'] });
    expect(sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition!.status).toBe('DELETE_IN_PROGRESS');
    expect(err(() => sim.ecs.describeTaskDefinition({ taskDefinition: 'web' }))[1]).toBe('Unable to describe task definition.');
  });
});

describe('task definition registry state', () => {
  it('survives snapshot and restore, and numbering continues', () => {
    const sim = createSimulation();
    register(sim, 'web', 2);
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:2' });
    const restored = createSimulation({ snapshot: JSON.parse(JSON.stringify(sim.snapshot())) });
    expect(restored.ecs.describeTaskDefinition({ taskDefinition: 'web:2' })).toEqual(
      sim.ecs.describeTaskDefinition({ taskDefinition: 'web:2' }),
    );
    expect(restored.ecs.registerTaskDefinition(def('web')).taskDefinition!.revision).toBe(3);
  });
});

describe('RegisterTaskDefinition size limit', () => {
  it('refuses a request over 64 KiB with ClientException, as the text validator does', () => {
    const sim = createSimulation();
    const environment = Array.from({ length: 2_000 }, (_, i) => ({ name: `VARIABLE_${i}`, value: 'x'.repeat(20) }));
    let caught: unknown;
    try {
      sim.ecs.registerTaskDefinition({ family: 'big', containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256, environment }] });
    } catch (e) {
      caught = e;
    }
    expect((caught as Error)?.name).toBe('ClientException');
    expect((caught as Error)?.message).toMatch(/up to 64 KiB \(65536 bytes\)/);
    expect(sim.ecs.listTaskDefinitions().taskDefinitionArns).toEqual([]);
  });
});
