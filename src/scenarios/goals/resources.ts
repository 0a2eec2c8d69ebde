/** Goals about task definitions and container instances. */
import type { Simulation } from '../../core/index';
import type { InstanceRefs } from '../refs';
import { instanceId } from '../refs';
import type { Goal } from '../types';
import { pick } from './read';
import type { Verdict } from './verdict';

type G<T extends Goal['type']> = Extract<Goal, { type: T }>;

export function taskDefinitionField(sim: Simulation, g: G<'taskDefinitionField'>): Verdict {
  let td: unknown;
  try {
    td = sim.ecs.describeTaskDefinition({ taskDefinition: g.family }).taskDefinition;
  } catch {
    return { pass: false, evidence: `No ACTIVE revision of ${g.family} is registered.`, evidenceKo: `${g.family}의 ACTIVE revision이 등록되어 있지 않습니다.` };
  }
  const rev = (td as { revision?: number }).revision;
  const v = pick(td, g.pointer);
  const shown = v === undefined ? 'not set' : JSON.stringify(v);
  const shownKo = v === undefined ? '설정되지 않음' : JSON.stringify(v);
  let pass: boolean;
  let want: string;
  let wantKo: string;
  if (g.exists !== undefined) {
    pass = (v !== undefined) === g.exists;
    want = g.exists ? 'set' : 'not set';
    wantKo = g.exists ? '설정됨' : '설정되지 않음';
  } else {
    pass = v === g.is;
    want = wantKo = JSON.stringify(g.is);
  }
  return {
    pass,
    evidence: `${g.family}:${rev} ${g.pointer} is ${shown}; wanted ${want}.`,
    evidenceKo: `${g.family}:${rev}의 ${g.pointer} 값은 ${shownKo}입니다. 목표: ${wantKo}.`,
  };
}

export function containerInstance(sim: Simulation, g: G<'containerInstance'>, refs: InstanceRefs): Verdict {
  const id = instanceId(refs, g.instance);
  const ec2 = id ? sim.infra.describeInstances({ instanceIds: [id] }).instances[0] : undefined;
  if (!ec2) return { pass: false, evidence: `Instance ${g.instance} does not exist.`, evidenceKo: `instance ${g.instance}: 존재하지 않습니다.` };
  const ci = ec2.containerInstanceArn
    ? sim.ecs.describeContainerInstances({ cluster: ec2.clusterName, containerInstances: [ec2.containerInstanceArn] }).containerInstances?.[0]
    : undefined;
  const status = ci?.status ?? 'not registered';
  const connected = ci?.agentConnected ?? false;
  const tasks = ci?.runningTasksCount ?? 0;
  const pass =
    !!ci &&
    (g.status === undefined || ci.status === g.status) &&
    (g.agentConnected === undefined || connected === g.agentConnected) &&
    (g.runningTasksCount === undefined || tasks === g.runningTasksCount);
  const want = [
    g.status !== undefined ? `status ${g.status}` : '',
    g.agentConnected !== undefined ? `agentConnected ${g.agentConnected}` : '',
    g.runningTasksCount !== undefined ? `runningTasksCount ${g.runningTasksCount}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    pass,
    evidence: `Instance ${g.instance} (${id}, EC2 ${ec2.state.name}): status ${status}, agentConnected ${connected}, runningTasksCount ${tasks}; wanted ${want}.`,
    evidenceKo: `instance ${g.instance} (${id}, EC2 ${ec2.state.name}): status ${status}, agentConnected ${connected}, runningTasksCount ${tasks}. 목표: ${want}.`,
  };
}
