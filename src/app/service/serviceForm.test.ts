import { describe, expect, it } from 'vitest';
import { Playground, type CliEcho } from '../playground.svelte';
import { ServiceForm } from './serviceForm.svelte';
import { valuesFromService, currentScaling } from './formOptions';

function setup() {
  const playground = new Playground();
  playground.act((sim) => {
    sim.ecs.createCluster({ clusterName: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    sim.ecs.registerTaskDefinition({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
    });
  });
  const echoes: CliEcho[] = [];
  playground.onAction((e) => echoes.push(e));
  return { playground, echoes };
}

const launch = (sim: Playground['sim']) => ({
  networkConfiguration: { awsvpcConfiguration: { subnets: sim.infra.describeSubnets().subnets.map((s) => s.subnetId) } },
});

describe('ServiceForm', () => {
  it('creates the service with a capacity provider strategy and auto scaling, echoing the same commands it previews', () => {
    const { playground, echoes } = setup();
    const form = new ServiceForm('create', { playground, cluster: () => 'demo', launch: () => ({ taskDefinition: 'web:1', launchType: 'FARGATE', network: launch }) });
    form.values.launchMode = 'capacityProviders';
    form.values.providers.push({ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 2 });
    form.values.autoScaling = true;
    form.values.minCapacity = 2;
    form.values.maxCapacity = 6;
    const preview = form.cli.split('\n');
    expect(form.errors).toEqual({});
    const arn = form.submit();
    expect(arn).toBe('arn:aws:ecs:us-east-1:123456789012:service/demo/web');
    expect(form.done).toBe('web');
    expect(echoes.map((e) => e.command)).toEqual(preview);
    expect(preview[0]).toMatch(/^aws ecs create-service --cluster demo --service-name web .*--capacity-provider-strategy capacityProvider=FARGATE,base=1,weight=1 capacityProvider=FARGATE_SPOT,base=0,weight=2/);
    expect(preview[1]).toBe(
      'aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web --min-capacity 2 --max-capacity 6',
    );
    const targets = playground.sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' }).ScalableTargets;
    expect(targets.map((t) => [t.ResourceId, t.MinCapacity, t.MaxCapacity])).toEqual([['service/demo/web', 2, 6]]);
  });

  it('does not call the API while a field is wrong, and says so', () => {
    const { playground, echoes } = setup();
    const form = new ServiceForm('create', { playground, cluster: () => 'demo', launch: () => ({ taskDefinition: 'web:1', launchType: 'FARGATE', network: launch }) });
    form.values.desiredCount = -1;
    expect(form.submit()).toBeUndefined();
    expect(form.blocked).toBe(true);
    expect(form.errors.desiredCount).toBe('desiredCount must be 0 or greater.');
    expect(echoes).toEqual([]);
  });

  it('updates only what changed and shows nothing to do before a change', () => {
    const { playground, echoes } = setup();
    const create = new ServiceForm('create', { playground, cluster: () => 'demo', launch: () => ({ taskDefinition: 'web:1', launchType: 'FARGATE', network: launch }) });
    create.submit();
    playground.act((sim) => sim.ecs.registerTaskDefinition({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }] }));
    const update = new ServiceForm('update', { playground, cluster: () => 'demo' });
    const service = playground.sim.ecs.describeServices({ cluster: 'demo', services: ['web'] }).services![0];
    update.load(valuesFromService(service, currentScaling(playground.sim.applicationAutoScaling as never, 'demo', 'web')));
    expect(update.changed).toBe(false);
    update.values.taskDefinition = 'web:2';
    expect(update.cli).toBe('aws ecs update-service --cluster demo --service web --task-definition web:2');
    echoes.length = 0;
    update.submit();
    expect(echoes.map((e) => e.command)).toEqual(['aws ecs update-service --cluster demo --service web --task-definition web:2']);
    const after = playground.sim.ecs.describeServices({ cluster: 'demo', services: ['web'] }).services![0];
    expect(after.deployments!.map((d) => [d.status, d.taskDefinition!.split('/')[1]])).toEqual([
      ['PRIMARY', 'web:2'],
      ['ACTIVE', 'web:1'],
    ]);
  });
});
