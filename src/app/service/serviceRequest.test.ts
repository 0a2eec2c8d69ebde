import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../core';
import { toCliCommand } from '../../core/cli';
import { lbWorld } from '../../core/elb/testWorld';
import { checkServiceForm, createServiceRequest, defaultServiceForm, updateServiceRequest, type CheckContext, type ServiceFormValues } from './serviceRequest';

function fargateWorld() {
  const sim = createSimulation({ seed: 3 });
  sim.ecs.createCluster({ clusterName: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  sim.ecs.registerTaskDefinition({
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
  });
  const subnets = sim.infra.describeSubnets().subnets.map((s) => s.subnetId);
  return { sim, network: { networkConfiguration: { awsvpcConfiguration: { subnets } } } };
}

function form(patch: Partial<ServiceFormValues> = {}): ServiceFormValues {
  return { ...defaultServiceForm(), taskDefinition: 'web:1', ...patch };
}

function ctx(state: CheckContext['state'], patch: Partial<CheckContext> = {}): CheckContext {
  return { state, cluster: 'demo', mode: 'create', networkMode: 'awsvpc', containerNames: ['web'], taskDefinitionConstraints: [], ...patch };
}

describe('createServiceRequest', () => {
  it('sends a capacity provider strategy instead of a launch type, placement in order, and the CLI says the same', () => {
    const v = form({
      launchMode: 'capacityProviders',
      providers: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 },
      ],
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
      placementConstraints: [{ type: 'distinctInstance', expression: 'ignored' }],
    });
    const request = createServiceRequest(v, 'demo', {});
    expect(request).toEqual({
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 3,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 },
      ],
      deploymentConfiguration: { strategy: 'ROLLING', minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
      placementConstraints: [{ type: 'distinctInstance' }],
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
    });
    expect(request).not.toHaveProperty('launchType');
    expect(toCliCommand('createService', request as unknown as Record<string, unknown>)).toBe(
      'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 3 ' +
        '--capacity-provider-strategy capacityProvider=FARGATE,base=1,weight=1 capacityProvider=FARGATE_SPOT,base=0,weight=3 ' +
        "--deployment-configuration 'strategy=ROLLING,minimumHealthyPercent=100,maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=true}' " +
        '--placement-constraints type=distinctInstance ' +
        '--placement-strategy type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory',
    );
  });

  it('sends the launch type alone when no strategy is chosen, and the shift settings of a LINEAR deployment', () => {
    const request = createServiceRequest(form({ strategy: 'LINEAR', stepPercent: 25, stepBakeTimeInMinutes: 2, bakeTimeInMinutes: 1 }), 'demo', {});
    expect(request.launchType).toBe('FARGATE');
    expect(request).not.toHaveProperty('capacityProviderStrategy');
    expect(request.deploymentConfiguration).toEqual({ strategy: 'LINEAR', bakeTimeInMinutes: 1, linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 } });
  });

  it('is a request the simulated ECS accepts as it is', () => {
    const { sim, network } = fargateWorld();
    const v = form({ launchMode: 'capacityProviders', providers: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 1 }] });
    expect(checkServiceForm(v, ctx(sim.state))).toEqual({});
    const service = sim.ecs.createService(createServiceRequest(v, 'demo', network)).service!;
    expect(service.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 1 },
    ]);
    expect(service.desiredCount).toBe(3);
  });
});

describe('updateServiceRequest', () => {
  it('names only what changed: a new revision is just --task-definition', () => {
    const current = form();
    const request = updateServiceRequest({ ...current, taskDefinition: 'web:2' }, current, 'demo', 'web');
    expect(request).toEqual({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    expect(toCliCommand('updateService', request as unknown as Record<string, unknown>)).toBe('aws ecs update-service --cluster demo --service web --task-definition web:2');
  });

  it('sends placement and a capacity provider strategy when they change, never a launch type', () => {
    const current = form({ launchMode: 'launchType', launchType: 'EC2' });
    const next = form({
      launchMode: 'capacityProviders',
      providers: [{ capacityProvider: 'cp-asg', base: 0, weight: 1 }],
      placementStrategy: [{ type: 'random', field: 'ignored' }],
      minimumHealthyPercent: 50,
    });
    const request = updateServiceRequest(next, current, 'demo', 'web');
    expect(request.capacityProviderStrategy).toEqual([{ capacityProvider: 'cp-asg', base: 0, weight: 1 }]);
    expect(request.placementStrategy).toEqual([{ type: 'random' }]);
    expect(request.deploymentConfiguration?.minimumHealthyPercent).toBe(50);
    expect(request).not.toHaveProperty('launchType');
    expect(request).not.toHaveProperty('placementConstraints');
  });
});

describe('checkServiceForm', () => {
  const state = createSimulation().state;

  it('shows the cluster query language parser error with its column beside the expression', () => {
    const errors = checkServiceForm(form({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == ' }] }), ctx(state));
    expect(errors['placementConstraints.0']).toBe("Invalid placement constraint expression: Expected an argument for '==' at column 32, found end of expression.");
  });

  it("gives the placement engine's messages for a bad strategy field and a memberOf without expression", () => {
    const errors = checkServiceForm(
      form({ placementStrategy: [{ type: 'binpack', field: 'disk' }], placementConstraints: [{ type: 'memberOf', expression: '' }] }),
      ctx(state),
    );
    expect(errors['placementStrategy.0']).toBe("Invalid field 'disk' for the binpack placement strategy. Valid fields are cpu and memory.");
    expect(errors['placementConstraints.0']).toBe('A memberOf placement constraint requires an expression.');
  });

  it('refuses a sixth placement strategy with the API text', () => {
    const six = Array.from({ length: 6 }, () => ({ type: 'random' as const, field: '' }));
    expect(checkServiceForm(form({ placementStrategy: six }), ctx(state)).placementStrategy).toBe('Too many placement strategies: 6 given; the maximum is 5.');
  });

  it('checks capacity provider rows (range) and the strategy against the cluster (association)', () => {
    const { sim } = fargateWorld();
    const bad = checkServiceForm(form({ launchMode: 'capacityProviders', providers: [{ capacityProvider: 'FARGATE', base: 0, weight: 1001 }] }), ctx(sim.state));
    expect(bad['capacityProviderStrategy.0']).toMatch(/weight/i);
    const stranger = checkServiceForm(form({ launchMode: 'capacityProviders', providers: [{ capacityProvider: 'cp-other', base: 0, weight: 1 }] }), ctx(sim.state));
    expect(stranger.capacityProviderStrategy).toBe(
      (() => {
        try {
          sim.ecs.createService({ cluster: 'demo', serviceName: 'x', taskDefinition: 'web:1', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'cp-other', weight: 1 }] });
        } catch (e) {
          return (e as Error).message;
        }
        return 'accepted';
      })(),
    );
    const none = checkServiceForm(form({ launchMode: 'capacityProviders', providers: [] }), ctx(sim.state));
    expect(none.capacityProviderStrategy).toBe('capacityProviderStrategy can not be null or empty.');
  });

  it('checks rolling percentages, shift ranges and PAUSE hook stages with the API texts', () => {
    const rolling = checkServiceForm(form({ minimumHealthyPercent: 120, maximumPercent: 90 }), ctx(state));
    expect(rolling.minimumHealthyPercent).toBe('minimumHealthyPercent must be between 0 and 100.');
    expect(rolling.maximumPercent).toBe('maximumPercent must be at least 100.');
    const blueGreen = checkServiceForm(form({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: null }), ctx(state));
    expect(blueGreen.bakeTimeInMinutes).toBe('bakeTimeInMinutes is required when the deployment strategy is BLUE_GREEN.');
    const linear = checkServiceForm(form({ strategy: 'LINEAR', stepPercent: 2 }), ctx(state));
    expect(linear.stepPercent).toBe('stepPercent must be between 3 and 100.');
    const hook = checkServiceForm(
      form({ strategy: 'CANARY', hooks: [{ targetType: 'PAUSE', stage: 'PRODUCTION_TRAFFIC_SHIFT', hookTargetArn: '', roleArn: '' }] }),
      ctx(state),
    );
    expect(hook['hooks.0']).toBe('PAUSE lifecycle hooks are not supported for the PRODUCTION_TRAFFIC_SHIFT lifecycle stage.');
  });

  it('checks the load balancer entry against the simulated target groups and the task definition', () => {
    const w = lbWorld();
    const wrongContainer = checkServiceForm(form({ loadBalancer: true, targetGroupArn: w.blueTg, containerName: 'api', containerPort: 80 }), ctx(w.sim.state));
    expect(wrongContainer.loadBalancer).toMatch(/api/);
    const ok = checkServiceForm(form({ loadBalancer: true, targetGroupArn: w.blueTg, containerName: 'web', containerPort: 80 }), { ...ctx(w.sim.state), cluster: 'lb' });
    expect(ok).toEqual({});
  });

  it('checks the scalable target range and the policy with the Application Auto Scaling texts', () => {
    const errors = checkServiceForm(form({ autoScaling: true, minCapacity: 5, maxCapacity: 2, targetValue: 0 }), ctx(state));
    expect(errors.maxCapacity).toBe('Minimum capacity (5) cannot be greater than maximum capacity (2).');
    expect(errors.targetValue).toBe('TargetValue must be a number greater than 0.');
    expect(checkServiceForm(form({ autoScaling: true, minCapacity: 6000 }), ctx(state)).minCapacity).toBe('MinCapacity must be an integer between 0 and 5000.');
  });

  it('requires a valid service name and a desired count on create', () => {
    const errors = checkServiceForm(form({ serviceName: 'my service', desiredCount: null }), ctx(state));
    expect(errors.serviceName).toMatch(/^Service name must be 1-255 characters/);
    expect(errors.desiredCount).toBe('desiredCount is required for a service that uses the REPLICA scheduling strategy.');
    expect(checkServiceForm(form({ serviceName: '' }), ctx(state, { mode: 'update' })).serviceName).toBeUndefined();
  });
});
