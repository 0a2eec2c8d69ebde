import { describe, expect, it } from 'vitest';
import { createSimulation, recipeOf, validateRegisterRequest } from '../index';
import { learnerSession } from '../session/learnerSession.fixture';
import { cfnProperties, cliInputJsonCommand, cliScriptOf, cloudFormationJson, cloudFormationTemplateOf, exportTaskDefinitions, logicalId, taskDefinitionsJson } from './index';

describe('exportTaskDefinitions', () => {
  it('gives the latest ACTIVE revision of each family as a request ECS accepts as it is', () => {
    const sim = learnerSession({ minutes: 6 });
    const out = exportTaskDefinitions(sim);
    expect(out.map((t) => `${t.family}:${t.revision}`)).toEqual(['api:1', 'web:2']);
    for (const t of out) {
      expect(t.request).not.toHaveProperty('revision');
      expect(t.request).not.toHaveProperty('taskDefinitionArn');
      expect(t.request).not.toHaveProperty('status');
      expect(validateRegisterRequest(t.request).errors).toEqual([]);
      // and registering it again in a fresh account works
      const fresh = createSimulation();
      expect(fresh.ecs.registerTaskDefinition(t.request).taskDefinition?.revision).toBe(1);
    }
    expect(JSON.parse(taskDefinitionsJson(sim))).toHaveLength(2);
  });
});

describe('cliScriptOf', () => {
  it('writes every ECS call in order, failed ones as comments, EC2-side ones as notes', () => {
    const sim = learnerSession({ minutes: 6 });
    const script = cliScriptOf(recipeOf(sim));
    const lines = script.split('\n');
    expect(lines[0]).toBe('#!/usr/bin/env bash');
    expect(script).toContain('set -euo pipefail');
    const commands = lines.filter((l) => l.startsWith('aws ecs '));
    expect(commands[0]).toBe(`aws ecs create-cluster --cli-input-json '{"clusterName":"demo"}'`);
    expect(commands.some((c) => c.startsWith('aws ecs register-task-definition --cli-input-json'))).toBe(true);
    expect(commands.some((c) => c.startsWith('aws ecs create-service --cli-input-json'))).toBe(true);
    expect(commands.filter((c) => c.startsWith('aws ecs update-service'))).toHaveLength(5);
    expect(script).toMatch(/# failed in the playground with InvalidParameterException:\n# aws ecs create-cluster --cli-input-json '\{"clusterName":"bad name!"\}'/);
    expect(script).toMatch(/# playground infra\.launchInstances\(\{"cluster":"demo","instanceType":"m5\.large","count":2\}\) — not an ECS API call/);
  });

  it('quotes so the shell expands nothing, and takes another formatter (src/core/cli toCliCommand)', () => {
    expect(cliInputJsonCommand('CreateCluster', { clusterName: "it's $(x)" })).toBe(`aws ecs create-cluster --cli-input-json '{"clusterName":"it'\\''s $(x)"}'`);
    const sim = createSimulation();
    sim.ecs.createCluster({ clusterName: 'demo' });
    const script = cliScriptOf(recipeOf(sim), (op, req) => `aws ecs ${op} --cluster-name ${String(req.clusterName)}`);
    expect(script).toContain('aws ecs CreateCluster --cluster-name demo');
  });
});

describe('cloudFormationTemplateOf', () => {
  const sim = learnerSession({ minutes: 6 });
  const template = JSON.parse(cloudFormationJson(sim));

  it('is valid JSON with the ECS resource types', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    const types = Object.fromEntries(Object.entries(template.Resources).map(([id, r]) => [id, (r as { Type: string }).Type]));
    expect(types).toEqual({
      ClusterDemo: 'AWS::ECS::Cluster',
      TaskDefinitionApi: 'AWS::ECS::TaskDefinition',
      TaskDefinitionWeb: 'AWS::ECS::TaskDefinition',
      ServiceWeb: 'AWS::ECS::Service',
    });
  });

  it('names properties as CloudFormation does', () => {
    const td = template.Resources.TaskDefinitionWeb.Properties;
    expect(td.Family).toBe('web');
    expect(td.NetworkMode).toBe('awsvpc');
    expect(td.RequiresCompatibilities).toEqual(['FARGATE']);
    expect(td.Cpu).toBe('256');
    expect(td.ContainerDefinitions[0]).toMatchObject({ Name: 'web', Image: 'nginx:1.28', PortMappings: [{ ContainerPort: 80 }] });
    const svc = template.Resources.ServiceWeb.Properties;
    expect(svc).toMatchObject({ ServiceName: 'web', LaunchType: 'FARGATE', SchedulingStrategy: 'REPLICA', DesiredCount: 2 });
    expect(svc.DeploymentConfiguration).toMatchObject({ MinimumHealthyPercent: 100, MaximumPercent: 200 });
    expect(svc.NetworkConfiguration).toEqual({ AwsvpcConfiguration: { Subnets: { Ref: 'Subnets' }, AssignPublicIp: 'ENABLED' } });
    expect(template.Parameters.Subnets.Type).toBe('List<AWS::EC2::Subnet::Id>');
    expect(template.Resources.ClusterDemo.Properties).toEqual({ ClusterName: 'demo' });
  });

  it('ties resources together with Refs that all resolve', () => {
    const svc = template.Resources.ServiceWeb.Properties;
    expect(svc.Cluster).toEqual({ Ref: 'ClusterDemo' });
    expect(svc.TaskDefinition).toEqual({ Ref: 'TaskDefinitionWeb' });
    const refs: string[] = [];
    JSON.stringify(template, (k, v) => {
      if (k === 'Ref') refs.push(v);
      return v;
    });
    for (const r of refs) expect(r in template.Resources || r in template.Parameters, r).toBe(true);
  });

  it('keeps the keys of map-valued members, renames the members CloudFormation names differently', () => {
    expect(cfnProperties({ logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } }, dockerLabels: { 'com.x': 'y' } })).toEqual({
      LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': '/ecs/web' } },
      DockerLabels: { 'com.x': 'y' },
    });
    expect(cfnProperties({ placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] })).toEqual({
      PlacementStrategies: [{ Type: 'spread', Field: 'attribute:ecs.availability-zone' }],
    });
    expect(logicalId('Cluster', 'my-demo_cluster 2')).toBe('ClusterMyDemoCluster2');
  });

  it('a service on an older revision gets that revision as its own resource', () => {
    const s = learnerSession({ minutes: 4 });
    s.ecs.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:1' });
    const t = cloudFormationTemplateOf(s);
    expect(t.Resources.ServiceWeb.Properties.TaskDefinition).toEqual({ Ref: 'TaskDefinitionWebRevision1' });
    expect((t.Resources.TaskDefinitionWebRevision1.Properties.ContainerDefinitions as { Image: string }[])[0].Image).toBe('nginx:1.27');
  });

  it('an empty account gives a template with no resources', () => {
    expect(cloudFormationTemplateOf(createSimulation()).Resources).toEqual({});
  });
});
