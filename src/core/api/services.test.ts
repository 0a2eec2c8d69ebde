/** The service operations' request checks, errors and response shapes (reference §6, §14). */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { serviceWorld, runToSteady } from '../scheduler/testWorld';

const err = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error('expected an error');
};

describe('createService', () => {
  it('answers with the Service shape: ARN, PRIMARY deployment ecs-svc/<19 digits>, defaults, Dates', () => {
    const { sim, cluster } = serviceWorld();
    const s = sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 2, tags: [{ key: 'team', value: 'a' }] }).service!;
    expect(s.serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/demo/api');
    expect(s).toMatchObject({
      serviceName: 'api',
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 0,
      pendingCount: 0,
      launchType: 'EC2',
      schedulingStrategy: 'REPLICA',
      deploymentController: { type: 'ECS' },
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: false, rollback: false } },
      placementConstraints: [],
      placementStrategy: [],
      tags: [{ key: 'team', value: 'a' }],
      events: [],
    });
    expect(s.createdAt).toBeInstanceOf(Date);
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments![0]).toMatchObject({ status: 'PRIMARY', desiredCount: 2, rolloutState: 'IN_PROGRESS', failedTasks: 0 });
    expect(s.deployments![0].id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(s.deployments![0].rolloutStateReason).toBe(`ECS deployment ${s.deployments![0].id} in progress.`);
    expect(s.currentServiceDeployment).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-deployment\/demo\/api\/[A-Za-z0-9_-]{22}$/);
  });

  it('launches tasks with startedBy = the deployment id and group service:<name>', () => {
    const { sim, cluster } = serviceWorld();
    const s = sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 3 }).service!;
    sim.advance(0);
    const arns = sim.ecs.listTasks({ cluster, serviceName: 'api' }).taskArns!;
    expect(arns).toHaveLength(3);
    const tasks = sim.ecs.describeTasks({ cluster, tasks: arns }).tasks!;
    for (const t of tasks) expect(t).toMatchObject({ startedBy: s.deployments![0].id, group: 'service:api' });
    expect(sim.ecs.listTasks({ cluster, startedBy: s.deployments![0].id }).taskArns).toHaveLength(3);
  });

  it('rejects a name in use by an ACTIVE service, but not once the old one is INACTIVE', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 0 });
    expect(err(() => sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1 }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Creation of service was not idempotent.',
    });
    sim.ecs.deleteService({ cluster, service: 'api' });
    sim.advance(1_000);
    expect(sim.ecs.describeServices({ cluster, services: ['api'] }).services![0].status).toBe('INACTIVE');
    expect(sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1 }).service!.status).toBe('ACTIVE');
  });

  it('is idempotent for the same clientToken and request', () => {
    const { sim, cluster } = serviceWorld();
    const req = { cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1, clientToken: 'tok-1' };
    const a = sim.ecs.createService(req).service!;
    const b = sim.ecs.createService(req).service!;
    expect(b.deployments![0].id).toBe(a.deployments![0].id);
  });

  it('checks the request like ECS', () => {
    const { sim, cluster } = serviceWorld();
    expect(err(() => sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'nope', desiredCount: 1 }))).toEqual({
      name: 'ClientException',
      message: 'TaskDefinition not found.',
    });
    expect(err(() => sim.ecs.createService({ cluster: 'missing', serviceName: 'api', taskDefinition: 'web', desiredCount: 1 })).name).toBe(
      'ClusterNotFoundException',
    );
    expect(err(() => sim.ecs.createService({ cluster, serviceName: 'bad name', taskDefinition: 'web', desiredCount: 1 })).name).toBe(
      'InvalidParameterException',
    );
    expect(
      err(() =>
        sim.ecs.createService({ cluster, serviceName: 'd', taskDefinition: 'web', schedulingStrategy: 'DAEMON', deploymentConfiguration: { maximumPercent: 200 } }),
      ).message,
    ).toBe('The maximumPercent of a service that uses the DAEMON scheduling strategy must be 100.');
    expect(err(() => sim.ecs.createService({ cluster, serviceName: 'x', taskDefinition: 'web', desiredCount: 1, launchType: 'EC2', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] })).message).toBe(
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    );
  });
});

describe('describeServices / listServices', () => {
  it('describes at most 10, reports unknown names as MISSING, includes TAGS only when asked', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'a', taskDefinition: 'web', desiredCount: 0, tags: [{ key: 'k', value: 'v' }] });
    const out = sim.ecs.describeServices({ cluster, services: ['a', 'ghost'] });
    expect(out.services!.map((s) => s.serviceName)).toEqual(['a']);
    expect(out.services![0].tags).toBeUndefined();
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/demo/ghost', reason: 'MISSING' }]);
    expect(sim.ecs.describeServices({ cluster, services: ['a'], include: ['TAGS'] }).services![0].tags).toEqual([{ key: 'k', value: 'v' }]);
    expect(err(() => sim.ecs.describeServices({ cluster, services: Array.from({ length: 11 }, (_, i) => `s${i}`) })).name).toBe('InvalidParameterException');
  });

  it('lists 10 per page by default (max 100), filters by launchType and schedulingStrategy, hides DRAINING services', () => {
    const { sim, cluster } = serviceWorld();
    for (let i = 0; i < 12; i++) sim.ecs.createService({ cluster, serviceName: `s${i}`, taskDefinition: 'web', desiredCount: 0 });
    sim.ecs.registerTaskDefinition({ family: 'agent', containerDefinitions: [{ name: 'a', image: 'busybox', memory: 64 }] });
    sim.ecs.createService({ cluster, serviceName: 'dd', taskDefinition: 'agent', schedulingStrategy: 'DAEMON' });
    const first = sim.ecs.listServices({ cluster });
    expect(first.serviceArns).toHaveLength(10);
    const second = sim.ecs.listServices({ cluster, nextToken: first.nextToken });
    expect(second.serviceArns).toHaveLength(3);
    expect(second.nextToken).toBeUndefined();
    expect(sim.ecs.listServices({ cluster, schedulingStrategy: 'DAEMON' }).serviceArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:service/demo/dd']);
    expect(sim.ecs.listServices({ cluster, launchType: 'FARGATE' }).serviceArns).toEqual([]);
    expect(err(() => sim.ecs.listServices({ cluster, maxResults: 101 })).name).toBe('InvalidParameterException');
    sim.ecs.deleteService({ cluster, service: 's0' });
    expect(sim.ecs.listServices({ cluster, maxResults: 100 }).serviceArns).toHaveLength(12);
  });
});

describe('updateService', () => {
  it('a desiredCount change alone creates no deployment; a new task definition or forceNewDeployment does', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    expect(sim.ecs.updateService({ cluster, service: 'api', desiredCount: 3 }).service!.deployments).toHaveLength(1);
    expect(sim.ecs.updateService({ cluster, service: 'api', healthCheckGracePeriodSeconds: 30 }).service!.deployments).toHaveLength(1);
    expect(sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web:1' }).service!.deployments).toHaveLength(1);
    expect(sim.ecs.updateService({ cluster, service: 'api', forceNewDeployment: true }).service!.deployments).toHaveLength(2);
    expect(sim.ecs.updateService({ cluster, service: 'api', placementStrategy: [{ type: 'binpack', field: 'memory' }] }).service!.deployments).toHaveLength(3);
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
  });

  it('ServiceNotFoundException for an unknown service, ServiceNotActiveException for a DRAINING one', () => {
    const { sim, cluster } = serviceWorld();
    expect(err(() => sim.ecs.updateService({ cluster, service: 'ghost', desiredCount: 1 }))).toEqual({ name: 'ServiceNotFoundException', message: 'Service not found.' });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 2 });
    sim.advance(0);
    sim.ecs.deleteService({ cluster, service: 'api', force: true });
    expect(err(() => sim.ecs.updateService({ cluster, service: 'api', desiredCount: 1 }))).toEqual({
      name: 'ServiceNotActiveException',
      message: 'Service was not ACTIVE.',
    });
  });
});

describe('deleteService', () => {
  it('refuses a scaled-up service without force', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 2 });
    expect(err(() => sim.ecs.deleteService({ cluster, service: 'api' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'The service cannot be stopped while it is scaled above 0.',
    });
  });

  it('with force: ACTIVE → DRAINING (tasks stopping, cluster counts it as draining) → INACTIVE', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 2 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    expect(sim.ecs.describeClusters({ clusters: [cluster] }).clusters![0].activeServicesCount).toBe(1);
    const out = sim.ecs.deleteService({ cluster, service: 'api', force: true }).service!;
    expect(out).toMatchObject({ status: 'DRAINING', desiredCount: 0 });
    expect(sim.ecs.describeClusters({ clusters: [cluster] }).clusters![0].activeServicesCount).toBe(0);
    expect(sim.runUntil(() => sim.ecs.describeServices({ cluster, services: ['api'] }).services![0].status === 'INACTIVE', { maxMs: 10 * 60_000 })).toBe(true);
    const stopped = sim.ecs.listTasks({ cluster, serviceName: 'api', desiredStatus: 'STOPPED' }).taskArns!;
    const tasks = sim.ecs.describeTasks({ cluster, tasks: stopped }).tasks!;
    expect(tasks).toHaveLength(2);
    for (const t of tasks) expect(t).toMatchObject({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Scaling activity initiated by (deployment ${t.startedBy})` });
    expect(err(() => sim.ecs.deleteService({ cluster, service: 'api' })).name).toBe('ServiceNotFoundException');
  });
});

describe('service deployments API', () => {
  it('lists newest first, describes by ARN (MISSING for unknown), and stops with ROLLBACK or ABORT', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 2 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128 }] });
    sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web' });
    const list = sim.ecs.listServiceDeployments({ cluster, service: 'api' }).serviceDeployments!;
    expect(list.map((d) => d.status)).toEqual(['IN_PROGRESS', 'SUCCESSFUL']);
    const missing = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/api/AAAAAAAAAAAAAAAAAAAAAA';
    const described = sim.ecs.describeServiceDeployments({ serviceDeploymentArns: [list[0].serviceDeploymentArn!, missing] });
    expect(described.failures).toEqual([{ arn: missing, reason: 'MISSING' }]);
    expect(described.serviceDeployments![0]).toMatchObject({
      status: 'IN_PROGRESS',
      targetServiceRevision: { requestedTaskCount: 2 },
      sourceServiceRevisions: [{ arn: list[1].targetServiceRevisionArn, requestedTaskCount: 2, runningTaskCount: 2 }],
      deploymentCircuitBreaker: { status: 'DISABLED', failureCount: 0, threshold: 3 },
    });
    sim.ecs.stopServiceDeployment({ serviceDeploymentArn: list[0].serviceDeploymentArn!, stopType: 'ROLLBACK' });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    expect(sim.ecs.describeServices({ cluster, services: ['api'] }).services![0].taskDefinition).toMatch(/web:1$/);
    expect(sim.ecs.listServiceDeployments({ cluster, service: 'api' }).serviceDeployments!.map((d) => d.status)).toEqual(['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);
    expect(err(() => sim.ecs.stopServiceDeployment({ serviceDeploymentArn: list[0].serviceDeploymentArn! })).name).toBe('ConflictException');
    expect(err(() => sim.ecs.stopServiceDeployment({ serviceDeploymentArn: missing })).name).toBe('ServiceDeploymentNotFoundException');

    sim.ecs.updateService({ cluster, service: 'api', forceNewDeployment: true });
    const current = sim.ecs.listServiceDeployments({ cluster, service: 'api', status: ['IN_PROGRESS'] }).serviceDeployments!;
    expect(current).toHaveLength(1);
    sim.ecs.stopServiceDeployment({ serviceDeploymentArn: current[0].serviceDeploymentArn!, stopType: 'ABORT' });
    sim.advance(10 * 60_000);
    const s = sim.ecs.describeServices({ cluster, services: ['api'] }).services![0];
    expect(s.deployments![0]).toMatchObject({ rolloutState: 'FAILED', rolloutStateReason: `ECS deployment ${s.deployments![0].id} stopped.` });
    expect(sim.ecs.describeServiceDeployments({ serviceDeploymentArns: [current[0].serviceDeploymentArn!] }).serviceDeployments![0].status).toBe('STOPPED');
  });
});

describe('tagging a service', () => {
  it('TagResource / ListTagsForResource work on a service ARN', () => {
    const sim = createSimulation();
    sim.ecs.createCluster({ clusterName: 'c' });
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 64 }] });
    const arn = sim.ecs.createService({ cluster: 'c', serviceName: 'api', taskDefinition: 'web', desiredCount: 0 }).service!.serviceArn!;
    sim.ecs.tagResource({ resourceArn: arn, tags: [{ key: 'env', value: 'dev' }] });
    expect(sim.ecs.listTagsForResource({ resourceArn: arn }).tags).toEqual([{ key: 'env', value: 'dev' }]);
  });
});

describe('more updateService and listing details', () => {
  it('a deploymentConfiguration change alone creates no deployment and keeps the fields not given', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1, deploymentConfiguration: { minimumHealthyPercent: 50 } });
    const s = sim.ecs.updateService({ cluster, service: 'api', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }).service!;
    expect(s.deployments).toHaveLength(1);
    expect(s.deploymentConfiguration).toMatchObject({
      minimumHealthyPercent: 50,
      maximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    });
  });

  it('describes by ARN and filters service deployments by creation time', () => {
    const { sim, cluster } = serviceWorld();
    const arn = sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1 }).service!.serviceArn!;
    expect(sim.ecs.describeServices({ cluster, services: [arn] }).services![0].serviceName).toBe('api');
    sim.advance(60_000);
    const cut = new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + sim.now());
    sim.advance(1_000);
    sim.ecs.updateService({ cluster, service: 'api', forceNewDeployment: true });
    expect(sim.ecs.listServiceDeployments({ cluster, service: arn, createdAt: { after: cut } }).serviceDeployments).toHaveLength(1);
    expect(sim.ecs.listServiceDeployments({ cluster, service: arn, createdAt: { before: cut } }).serviceDeployments).toHaveLength(1);
    expect(() => sim.ecs.listServiceDeployments({ cluster, service: 'ghost' })).toThrow('Service not found.');
  });
});

describe('services and their cluster', () => {
  it('DeleteCluster refuses while a service is ACTIVE or DRAINING', () => {
    const sim = createSimulation({ timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'c' });
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 64 }] });
    sim.ecs.createService({ cluster: 'c', serviceName: 'api', taskDefinition: 'web', desiredCount: 0 });
    expect(err(() => sim.ecs.deleteCluster({ cluster: 'c' }))).toEqual({
      name: 'ClusterContainsServicesException',
      message: 'The Cluster cannot be deleted while Services are active.',
    });
    sim.ecs.deleteService({ cluster: 'c', service: 'api' });
    sim.advance(1_000);
    expect(sim.ecs.describeServices({ cluster: 'c', services: ['api'] }).services![0].status).toBe('INACTIVE');
    expect(sim.ecs.deleteCluster({ cluster: 'c' }).cluster!.status).toBe('INACTIVE');
  });
});

describe('describeServiceRevisions', () => {
  it('describes the revision a service deployment targets; MISSING for unknown ARNs', () => {
    const { sim, cluster } = serviceWorld();
    const s = sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1 }).service!;
    const [sd] = sim.ecs.describeServiceDeployments({ serviceDeploymentArns: [s.currentServiceDeployment!] }).serviceDeployments!;
    const revArn = sd.targetServiceRevision!.arn!;
    expect(revArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-revision\/demo\/api\/\d{19}$/);
    const ghost = 'arn:aws:ecs:us-east-1:123456789012:service-revision/demo/api/1234567890123456789';
    const out = sim.ecs.describeServiceRevisions({ serviceRevisionArns: [revArn, ghost] });
    expect(out.serviceRevisions![0]).toMatchObject({
      serviceRevisionArn: revArn,
      serviceArn: s.serviceArn,
      taskDefinition: s.taskDefinition,
      launchType: 'EC2',
      containerImages: [{ containerName: 'web', image: 'nginx:latest' }],
    });
    expect(out.failures).toEqual([{ arn: ghost, reason: 'MISSING' }]);
  });
});

describe('service ARNs of another cluster', () => {
  it('a service ARN naming another cluster is MISSING in this one', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createCluster({ clusterName: 'other' });
    const arn = sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 0 }).service!.serviceArn!;
    expect(sim.ecs.describeServices({ cluster: 'other', services: [arn] }).failures).toEqual([{ arn, reason: 'MISSING' }]);
  });
});
