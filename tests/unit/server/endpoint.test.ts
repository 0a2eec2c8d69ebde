/**
 * The local endpoint over real HTTP on 127.0.0.1: the AWS SDK for JavaScript with `endpoint` set,
 * and raw requests for what the SDK never sends (malformed JSON, unknown targets, CORS preflights).
 */
import {
  ClusterNotFoundException,
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  paginateListClusters,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  waitUntilTasksRunning,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpoint, type Endpoint } from '../../../src/server/endpoint';
import { createSimulation } from '../../../src/core/engine/simulation';

const TARGET = 'AmazonEC2ContainerServiceV20141113';

function sdkClient(endpoint: Endpoint): ECSClient {
  // Any region and any keys: the endpoint checks neither.
  return new ECSClient({
    endpoint: endpoint.url,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'anything' },
    maxAttempts: 1,
  });
}

function post(endpoint: Endpoint, target: string | undefined, body: string, headers: Record<string, string> = {}) {
  return fetch(`${endpoint.url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', ...(target ? { 'x-amz-target': target } : {}), ...headers },
    body,
  });
}

describe('the local endpoint with a manual wall clock', () => {
  let wall = 0;
  let endpoint: Endpoint;
  beforeAll(async () => {
    endpoint = await startEndpoint({ port: 0, speed: 60, clock: () => wall });
  });
  afterAll(() => endpoint.close());

  it('listens on 127.0.0.1 on the port it picked', () => {
    expect(endpoint.url).toBe(`http://127.0.0.1:${endpoint.port}`);
    expect(endpoint.port).toBeGreaterThan(0);
  });

  it('answers the SDK: create, register, describe, paginated list, and ClusterNotFoundException with status 400', async () => {
    const client = sdkClient(endpoint);
    for (const name of ['alpha', 'beta', 'gamma']) await client.send(new CreateClusterCommand({ clusterName: name }));
    const registered = await client.send(
      new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128 }] }),
    );
    const described = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web' }));
    expect(described.taskDefinition).toEqual(registered.taskDefinition);
    expect(described.$metadata.httpStatusCode).toBe(200);
    expect(described.$metadata.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const pages: number[] = [];
    const arns: string[] = [];
    for await (const page of paginateListClusters({ client, pageSize: 2 }, {})) {
      pages.push(page.clusterArns!.length);
      arns.push(...page.clusterArns!);
    }
    expect(pages).toEqual([2, 1]);
    expect(arns).toEqual(['alpha', 'beta', 'gamma'].map((n) => `arn:aws:ecs:us-east-1:123456789012:cluster/${n}`));

    const error = await client.send(new DeleteClusterCommand({ cluster: 'nope' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterNotFoundException);
    expect((error as ClusterNotFoundException).$metadata.httpStatusCode).toBe(400);
    expect((error as ClusterNotFoundException).message).toBe('Cluster not found.');
  });

  it('moves virtual time with the wall clock times speed before answering', async () => {
    wall = 1_000;
    const res = await post(endpoint, `${TARGET}.ListClusters`, '{}');
    expect(res.status).toBe(200);
    expect(endpoint.sim.now()).toBe(60_000);
    const info = await (await fetch(`${endpoint.url}/`)).json();
    expect(info).toEqual({ endpoint: 'ECS Playground', protocol: 'awsJson1_1', region: 'us-east-1', virtualTimeMs: 60_000 });
  });

  it('answers malformed JSON with 400 SerializationException and an unknown operation with 400 UnknownOperationException', async () => {
    const bad = await post(endpoint, `${TARGET}.CreateCluster`, '{"clusterName":');
    expect([bad.status, bad.headers.get('x-amzn-errortype'), await bad.json()]).toEqual([
      400,
      'SerializationException',
      { __type: 'SerializationException', message: 'The request body is not valid JSON.' },
    ]);
    const unknown = await post(endpoint, `${TARGET}.LaunchRocket`, '{}');
    expect([unknown.status, unknown.headers.get('content-type'), await unknown.json()]).toEqual([
      400,
      'application/x-amz-json-1.1',
      { __type: 'UnknownOperationException' },
    ]);
    const none = await post(endpoint, undefined, '{}');
    expect(none.status).toBe(400);
  });

  it('answers a CORS preflight from a loopback page with its own origin, allowing the headers asked for and private-network access', async () => {
    const res = await fetch(`${endpoint.url}/`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-amz-date,x-amz-target',
        'access-control-request-private-network': 'true',
      },
    });
    expect(res.status).toBe(204);
    const cors: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      if (key.startsWith('access-control-')) cors[key] = value;
    });
    expect(cors).toEqual({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'authorization,content-type,x-amz-date,x-amz-target',
      'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype',
      'access-control-max-age': '600',
      'access-control-allow-private-network': 'true',
    });
    expect(res.headers.get('vary')).toBe('Origin');
    const answer = await post(endpoint, `${TARGET}.ListClusters`, '{}', { origin: 'http://127.0.0.1:8080' });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
  });

  it('gives a page on another site no CORS permission, so a browser neither sends its writes nor lets it read', async () => {
    const preflight = await fetch(`${endpoint.url}/`, {
      method: 'OPTIONS',
      headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    const read = await fetch(`${endpoint.url}/playground/state`, { headers: { origin: 'https://attacker.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves GET /playground/state: the whole simulation as a snapshot, and { unchanged: true } for the same revision', async () => {
    const res = await fetch(`${endpoint.url}/playground/state`, { headers: { origin: 'http://127.0.0.1:4173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    const state = await res.json();
    expect(state).toMatchObject({ format: 'ecs-playground/endpoint-state', version: 1, speed: 60 });
    expect(state.snapshot.format).toBe('ecs-playground/snapshot');
    expect(Object.keys(state.snapshot.state.clusters).sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(state.snapshot.state.now).toBe(endpoint.sim.now());

    const same = await (await fetch(`${endpoint.url}/playground/state?since=${encodeURIComponent(state.revision)}`)).json();
    expect(same).toEqual({ format: 'ecs-playground/endpoint-state', version: 1, revision: state.revision, speed: 60, unchanged: true });

    await post(endpoint, `${TARGET}.CreateCluster`, '{"clusterName":"delta"}');
    const moved = await (await fetch(`${endpoint.url}/playground/state?since=${encodeURIComponent(state.revision)}`)).json();
    expect(moved.revision).not.toBe(state.revision);
    expect(Object.keys(moved.snapshot.state.clusters)).toContain('delta');
  });

  it('refuses requests addressed to a host name other than a loopback one', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: endpoint.port, method: 'POST', path: '/', headers: { host: 'attacker.example', 'x-amz-target': `${TARGET}.ListClusters` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('refuses a body larger than 1 MiB with 413', async () => {
    const res = await post(endpoint, `${TARGET}.CreateCluster`, JSON.stringify({ clusterName: 'x'.repeat(1024 * 1024 + 1) }));
    expect(res.status).toBe(413);
    expect((await res.json()).__type).toBe('RequestEntityTooLargeException');
  });
});

describe('the local endpoint with --allow-origin', () => {
  it('lets a page on a named origin connect, besides loopback pages', async () => {
    const endpoint = await startEndpoint({ port: 0, speed: 1, clock: () => 0, allowOrigins: ['https://playground.example'] });
    try {
      const res = await fetch(`${endpoint.url}/playground/state`, { headers: { origin: 'https://playground.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('https://playground.example');
      const other = await fetch(`${endpoint.url}/playground/state`, { headers: { origin: 'https://other.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await endpoint.close();
    }
  });
});

describe('the local endpoint started from a snapshot', () => {
  it('serves the snapshot and runs its clock on from the snapshot time, so EC2 tasks can run over the wire', async () => {
    const prepared = createSimulation({ seed: 5, region: 'eu-west-1' });
    prepared.ecs.createCluster({ clusterName: 'workshop' });
    prepared.infra.launchInstances({ cluster: 'workshop', instanceType: 't3.medium', count: 1 });
    prepared.advance(300_000);
    let wall = 0;
    const endpoint = await startEndpoint({ port: 0, speed: 10, snapshot: prepared.snapshot(), clock: () => wall });
    try {
      const client = sdkClient(endpoint);
      const instances = await client.send(new ListContainerInstancesCommand({ cluster: 'workshop' }));
      expect(instances.containerInstanceArns).toEqual(prepared.ecs.listContainerInstances({ cluster: 'workshop' }).containerInstanceArns);
      expect(endpoint.sim.now()).toBe(300_000);
      await client.send(
        new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128 }] }),
      );
      const run = await client.send(new RunTaskCommand({ cluster: 'workshop', taskDefinition: 'web' }));
      expect(run.tasks![0].taskArn).toMatch(/^arn:aws:ecs:eu-west-1:123456789012:task\/workshop\//);
      wall = 30_000;
      const described = await client.send(new DescribeTasksCommand({ cluster: 'workshop', tasks: [run.tasks![0].taskArn!] }));
      expect(endpoint.sim.now()).toBe(600_000);
      expect(described.tasks![0].lastStatus).toBe('RUNNING');
    } finally {
      await endpoint.close();
    }
  });
});

describe('the local endpoint on the real clock', () => {
  it('runs a Fargate task that waitUntilTasksRunning sees RUNNING as virtual time passes', async () => {
    const endpoint = await startEndpoint({ port: 0, speed: 2_000 });
    try {
      const client = sdkClient(endpoint);
      await client.send(new CreateClusterCommand({ clusterName: 'demo' }));
      await client.send(
        new RegisterTaskDefinitionCommand({
          family: 'api',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          containerDefinitions: [{ name: 'api', image: 'public.ecr.aws/nginx/nginx:latest', essential: true }],
        }),
      );
      const run = await client.send(
        new RunTaskCommand({
          cluster: 'demo',
          taskDefinition: 'api',
          launchType: 'FARGATE',
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
        }),
      );
      expect(run.failures).toEqual([]);
      const result = await waitUntilTasksRunning(
        { client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.05 },
        { cluster: 'demo', tasks: [run.tasks![0].taskArn!] },
      );
      expect(result.state).toBe('SUCCESS');
    } finally {
      await endpoint.close();
    }
  });
});
