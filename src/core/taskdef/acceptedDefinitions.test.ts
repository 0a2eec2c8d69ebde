/**
 * Properties of every definition the validator accepts:
 * - it round-trips through registerTaskDefinition / describeTaskDefinition unchanged apart from the
 *   defaults ECS fills (normalize.ts) and the output-only members;
 * - the editor's JSON Schema accepts it too, bare and as describe output.
 * Generated definitions are realistic (so most pass the validator) with some noise (nulls, numbers
 * for cpu/memory, out-of-range values) so the schema is tried near the validator's edges.
 */
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { FARGATE_SIZES } from './fargate';
import { taskDefinitionJsonSchema } from './schema';
import { validateRegisterRequest, validateTaskDefinition } from './validate';

type Json = Record<string, unknown>;

const RUNS = { numRuns: 150, seed: 20261122 };

// Small pools instead of regex-generated strings: generation stays fast and names still collide sometimes.
const name = fc
  .tuple(fc.constantFrom('web', 'api', 'worker', 'proxy', 'log_router', 'Side-car'), fc.nat(12))
  .map(([base, n]) => (n === 0 ? base : `${base}${n}`));
const image = fc.constantFrom(
  'nginx:1.27',
  'busybox:1.36',
  'public.ecr.aws/docker/library/redis:7.2',
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1',
  `httpd@sha256:${'ab'.repeat(32)}`,
);
const shortText = fc.oneof(fc.constantFrom('', 'a', 'hello world', 'ünïcödé', '--flag=1', '$HOME'), fc.string({ maxLength: 4 }));
const env = fc.array(fc.record({ name: fc.constantFrom('PORT', 'MODE', 'DB_HOST', 'X'), value: shortText }), { maxLength: 3 });
const awslogs = fc.record({
  logDriver: fc.constant('awslogs'),
  options: fc.constant({ 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' }),
});

function portMapping(mode: string) {
  const hostPort = mode === 'bridge' ? fc.constantFrom(0, 8080, 31000) : fc.constant(undefined);
  return fc
    .record(
      {
        containerPort: fc.integer({ min: 1, max: 65535 }),
        hostPort,
        protocol: fc.constantFrom('tcp', 'udp'),
        name: fc.constantFrom('http', 'grpc-port', 'admin'),
        appProtocol: fc.constantFrom('http', 'http2', 'grpc'),
      },
      { requiredKeys: ['containerPort'] },
    )
    .map((p) => {
      const out: Json = { ...p };
      if (out.hostPort === undefined) delete out.hostPort;
      return out;
    });
}

function container(mode: string, fargate: boolean) {
  return fc.record(
    {
      name,
      image,
      cpu: fc.integer({ min: 0, max: 128 }),
      memory: fc.integer({ min: 64, max: 256 }),
      memoryReservation: fc.integer({ min: 6, max: 63 }),
      essential: fc.boolean(),
      portMappings: mode === 'none' ? fc.constant([]) : fc.array(portMapping(mode), { maxLength: 2 }),
      environment: env,
      command: fc.array(shortText, { maxLength: 3 }),
      entryPoint: fc.array(shortText, { maxLength: 2 }),
      workingDirectory: fc.constantFrom('/app', '/srv'),
      user: fc.constantFrom('1000', 'nobody'),
      readonlyRootFilesystem: fc.boolean(),
      stopTimeout: fc.integer({ min: 2, max: 120 }),
      dockerLabels: fc.dictionary(fc.constantFrom('team', 'com.example.tier'), shortText, { maxKeys: 2 }),
      healthCheck: fc.record(
        {
          command: fc.constant(['CMD-SHELL', 'curl -f http://localhost/ || exit 1']),
          interval: fc.integer({ min: 5, max: 300 }),
          timeout: fc.integer({ min: 2, max: 60 }),
          retries: fc.integer({ min: 1, max: 10 }),
          startPeriod: fc.integer({ min: 0, max: 300 }),
        },
        { requiredKeys: ['command'] },
      ),
      logConfiguration: awslogs,
      ulimits: fc.constant([{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }]),
      privileged: fargate ? fc.constant(false) : fc.boolean(),
    },
    { requiredKeys: fargate ? ['name', 'image'] : ['name', 'image', 'memory'] },
  );
}

const tags = fc.uniqueArray(fc.record({ key: fc.constantFrom('team', 'env', 'owner', 'cost'), value: shortText }), {
  selector: (t) => t.key,
  maxLength: 3,
});

/** Adds `dependsOn` from later containers to the first, and marks the first essential. */
function linkContainers(containers: Json[], withDeps: boolean): Json[] {
  return containers.map((c, i) => {
    if (i === 0) return { ...c, essential: true };
    return withDeps ? { ...c, dependsOn: [{ containerName: containers[0].name, condition: 'START' }] } : c;
  });
}

const ec2Definition = fc
  .constantFrom('bridge', 'host', 'awsvpc', 'none', undefined)
  .chain((mode) =>
    fc.record(
      {
        family: name,
        networkMode: fc.constant(mode),
        containerDefinitions: fc.uniqueArray(container(mode ?? 'bridge', false), { selector: (c) => c.name, minLength: 1, maxLength: 3 }),
        withDeps: fc.boolean(),
        requiresCompatibilities: fc.constant(['EC2']),
        taskRoleArn: fc.constant('arn:aws:iam::123456789012:role/app'),
        executionRoleArn: fc.constant('arn:aws:iam::123456789012:role/ecsTaskExecutionRole'),
        cpu: fc.constantFrom('256', '1024', '2 vCPU', 512),
        memory: fc.constantFrom('2048', '4 GB', 8192),
        volumes: fc.constant([{ name: 'scratch' }]),
        placementConstraints: fc.constant([{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }]),
        tags,
        enableFaultInjection: fc.boolean(),
      },
      { requiredKeys: ['family', 'containerDefinitions', 'withDeps'] },
    ),
  );

const fargateDefinition = fc
  .constantFrom(...FARGATE_SIZES)
  .chain((size) =>
    fc.record(
      {
        family: name,
        networkMode: fc.constant('awsvpc'),
        requiresCompatibilities: fc.constantFrom(['FARGATE'], ['EC2', 'FARGATE']),
        cpu: fc.constantFrom(String(size.cpu), `${size.cpu / 1024} vCPU`, size.cpu),
        memory: fc.constantFrom(...size.memory.slice(0, 3).map(String), `${size.memory[0] / 1024} GB`),
        containerDefinitions: fc.uniqueArray(container('awsvpc', true), { selector: (c) => c.name, minLength: 1, maxLength: 3 }),
        withDeps: fc.boolean(),
        executionRoleArn: fc.constant('arn:aws:iam::123456789012:role/ecsTaskExecutionRole'),
        ephemeralStorage: fc.record({ sizeInGiB: fc.integer({ min: 21, max: 200 }) }),
        runtimePlatform: fc.record({ cpuArchitecture: fc.constantFrom('X86_64', 'ARM64'), operatingSystemFamily: fc.constant('LINUX') }),
        tags,
      },
      { requiredKeys: ['family', 'networkMode', 'requiresCompatibilities', 'cpu', 'memory', 'containerDefinitions', 'withDeps', 'executionRoleArn'] },
    ),
  );

const definition = fc.oneof(ec2Definition, fargateDefinition).map(({ withDeps, ...d }) => {
  const out: Json = { ...d };
  out.containerDefinitions = linkContainers(d.containerDefinitions as Json[], withDeps as boolean);
  return out;
});

/** Noise near the validator's edges: nulls, odd forms and out-of-range values on a few members. */
const noisyDefinition = fc
  .tuple(
    definition,
    fc.constantFrom('networkMode', 'cpu', 'memory', 'taskRoleArn', 'pidMode', 'ipcMode', 'tags', 'volumes'),
    fc.constantFrom<unknown>(null, 'nat', 'host', 'task', 0, -1, 1.5, '0.5 vcpu', '3GB', '', [], {}, true),
  )
  .map(([d, key, value]) => ({ ...d, [key]: value }));

const OUTPUT_EXTRAS = new Set([
  '/taskDefinitionArn', '/family', '/revision', '/status', '/registeredAt', '/registeredBy', '/requiresAttributes',
  '/compatibilities', '/networkMode', '/volumes', '/placementConstraints', '/enableFaultInjection',
  '/containerDefinitions[]/cpu', '/containerDefinitions[]/essential', '/containerDefinitions[]/portMappings',
  '/containerDefinitions[]/environment', '/containerDefinitions[]/mountPoints', '/containerDefinitions[]/volumesFrom',
  '/containerDefinitions[]/systemControls', '/containerDefinitions[]/portMappings[]/protocol',
  '/containerDefinitions[]/portMappings[]/hostPort', '/containerDefinitions[]/healthCheck/interval',
  '/containerDefinitions[]/healthCheck/timeout', '/containerDefinitions[]/healthCheck/retries', '/volumes[]/host',
]);

/**
 * Checks that `actual` holds every value of `expected` (arrays element by element, same length) and
 * returns the members `actual` has beyond it, as paths with `[]` for indices.
 */
function extrasBeyond(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    return expected.flatMap((e, i) => extrasBeyond(e, (actual as unknown[])[i], `${path}[]`));
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    const a = actual as Json;
    const out: string[] = [];
    for (const [k, v] of Object.entries(expected as Json)) out.push(...extrasBeyond(v, a[k], `${path}/${k}`));
    for (const k of Object.keys(a)) if (!(k in (expected as Json))) out.push(`${path}/${k}`);
    return out;
  }
  expect(actual, path).toEqual(expected);
  return [];
}

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, strictTypes: false });
ajv.addVocabulary(['markdownDescription', 'defaultSnippets']);
const schemaAccepts = ajv.compile(taskDefinitionJsonSchema());

describe('definitions the validator accepts', () => {
  it('the generator produces mostly accepted definitions (so the properties below say something)', () => {
    const sample = fc.sample(definition, { numRuns: 200, seed: RUNS.seed });
    const accepted = sample.filter((d) => validateRegisterRequest(d).errors.length === 0).length;
    expect(accepted).toBeGreaterThan(100);
  }, 30_000);

  it('round-trip through register and describe unchanged apart from the defaults ECS fills', () => {
    fc.assert(
      fc.property(definition, (input) => {
        const checked = validateRegisterRequest(input);
        fc.pre(checked.errors.length === 0);
        const sim = createSimulation();
        const arn = sim.ecs.registerTaskDefinition(input as never).taskDefinition!.taskDefinitionArn!;
        const out = sim.ecs.describeTaskDefinition({ taskDefinition: arn, include: ['TAGS'] });
        const { family, tags: sentTags, ...rest } = checked.value as unknown as Json;
        expect(out.taskDefinition!.family).toBe(family);
        expect(out.tags).toEqual(sentTags ?? []);
        const extras = extrasBeyond(rest, out.taskDefinition);
        expect(extras.filter((p) => !OUTPUT_EXTRAS.has(p))).toEqual([]);
      }),
      RUNS,
    );
  }, 30_000);

  it('are accepted by the editor schema, bare, wrapped as describe output, and as describe output itself', () => {
    fc.assert(
      fc.property(fc.oneof(definition, noisyDefinition), (input) => {
        const text = JSON.stringify(input);
        fc.pre(validateTaskDefinition(text).ok);
        const doc = JSON.parse(text) as Json;
        expect(schemaAccepts(doc) ? 'ok' : schemaAccepts.errors).toBe('ok');
        expect(schemaAccepts({ taskDefinition: doc }) ? 'ok' : schemaAccepts.errors).toBe('ok');
        const sim = createSimulation();
        const registered = sim.ecs.registerTaskDefinition(doc as never);
        const printed = JSON.parse(JSON.stringify(registered)) as Json;
        expect(schemaAccepts(printed) ? 'ok' : schemaAccepts.errors).toBe('ok');
      }),
      { ...RUNS, numRuns: 250 },
    );
  }, 60_000);
});
