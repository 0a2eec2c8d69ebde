import { describe, expect, it } from 'vitest';
import { compileExpression, type CqlFacts } from './index';

const base: CqlFacts = {
  agentConnected: true,
  agentVersion: '1.101.0',
  ec2InstanceId: 'i-0abc',
  registeredAtMs: Date.UTC(2018, 5, 18, 22, 28, 28),
  runningTasksCount: 2,
  attributes: new Map<string, string | null>([
    ['ecs.instance-type', 'g2.2xlarge'],
    ['ecs.availability-zone', 'us-east-1a'],
    ['ecs.capability.task-eni', null],
    ['slots', '12'],
  ]),
  taskGroups: new Map([
    ['service:production', 2],
    ['family:batch', 1],
  ]),
};

function test(expression: string, facts: Partial<CqlFacts> = {}): boolean {
  const c = compileExpression(expression);
  if (!c.ok) throw new Error(c.error.message);
  return c.compiled.test({ ...base, ...facts });
}

describe('evaluating attribute:<name>', () => {
  it('== / != compare the value as a string', () => {
    expect(test('attribute:ecs.instance-type == g2.2xlarge')).toBe(true);
    expect(test('attribute:ecs.instance-type != g2.2xlarge')).toBe(false);
    expect(test('attribute:ecs.instance-type equals t2.small')).toBe(false);
  });

  it('in / not_in test membership of the list', () => {
    expect(test('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]')).toBe(true);
    expect(test('attribute:ecs.availability-zone !in [us-east-1a, us-east-1b]')).toBe(false);
    expect(test('attribute:ecs.availability-zone not_in [us-east-1c]')).toBe(true);
  });

  it('=~ / !~ match the whole value as a pattern', () => {
    expect(test('attribute:ecs.instance-type =~ g2.*')).toBe(true);
    expect(test('attribute:ecs.instance-type =~ g2')).toBe(false);
    expect(test('attribute:ecs.instance-type !~ t.*')).toBe(true);
    expect(test('attribute:ecs.instance-type matches (?i)G2\\..*')).toBe(true);
  });

  it('ordering is numeric for numbers, else by characters', () => {
    expect(test('attribute:slots > 9')).toBe(true);
    expect(test('attribute:slots >= 12')).toBe(true);
    expect(test('attribute:slots < 100')).toBe(true);
    expect(test('attribute:slots <= 11')).toBe(false);
    expect(test('attribute:ecs.availability-zone greater_than us-east-1')).toBe(true);
    expect(test('attribute:ecs.availability-zone less_than_equal us-east-1a')).toBe(true);
  });

  it('exists / !exists, including attributes without a value', () => {
    expect(test('attribute:ecs.capability.task-eni exists')).toBe(true);
    expect(test('attribute:ecs.capability.task-eni !exists')).toBe(false);
    expect(test('attribute:stack exists')).toBe(false);
    expect(test('attribute:stack not_exists')).toBe(true);
  });

  it('a missing attribute fails every positive test and passes every negated one', () => {
    expect(test('attribute:stack == prod')).toBe(false);
    expect(test('attribute:stack != prod')).toBe(true);
    expect(test('attribute:stack in [prod]')).toBe(false);
    expect(test('attribute:stack !in [prod]')).toBe(true);
    expect(test('attribute:stack > 1')).toBe(false);
    expect(test('attribute:stack !~ p.*')).toBe(true);
  });

  it('an attribute without a value equals nothing', () => {
    expect(test('attribute:ecs.capability.task-eni == true')).toBe(false);
  });
});

describe('evaluating the other subjects', () => {
  it('agentConnected compares true/false', () => {
    expect(test('agentConnected == true')).toBe(true);
    expect(test('agentConnected == false', { agentConnected: false })).toBe(true);
    expect(test('agentConnected != true', { agentConnected: false })).toBe(true);
    expect(test('agentConnected in [false]')).toBe(false);
    expect(test('agentConnected =~ t.*')).toBe(true);
  });

  it('agentVersion compares dotted numbers', () => {
    expect(test('agentVersion < 1.14.5')).toBe(false);
    expect(test('agentVersion > 1.14.5')).toBe(true);
    expect(test('agentVersion < 1.14.5', { agentVersion: '1.9.0' })).toBe(true);
    expect(test('agentVersion == 1.101')).toBe(true);
    expect(test('agentVersion >= 1.101.0')).toBe(true);
    expect(test('agentVersion <= 1.100.9')).toBe(false);
    expect(test('agentVersion != 1.101.0')).toBe(false);
  });

  it('ec2InstanceId by equality, list and pattern', () => {
    expect(test("ec2InstanceId in ['i-abcd1234', 'i-0abc']")).toBe(true);
    expect(test('ec2InstanceId == i-0abc')).toBe(true);
    expect(test('ec2InstanceId =~ i-0.*')).toBe(true);
    expect(test('ec2InstanceId not_equals i-0abc')).toBe(false);
  });

  it('registeredAt compares by second, or by day for a date-only argument', () => {
    expect(test('registeredAt == 2018-06-18T22:28:28Z')).toBe(true);
    expect(test('registeredAt == 2018-06-18T22:28:28')).toBe(true);
    expect(test('registeredAt == 2018-06-19T00:28:28+02:00')).toBe(true);
    expect(test('registeredAt == 2018-06-18')).toBe(true);
    expect(test('registeredAt < 2018-06-18')).toBe(false);
    expect(test('registeredAt > 2018-06-17')).toBe(true);
    expect(test('registeredAt < 2018-06-18T22:28:29Z')).toBe(true);
    expect(test('registeredAt <= 2018-02-13')).toBe(false);
    expect(test('registeredAt != 2018-06-18')).toBe(false);
    expect(test('registeredAt >= 2018-06-19')).toBe(false);
  });

  it('runningTasksCount compares numbers', () => {
    expect(test('runningTasksCount == 2')).toBe(true);
    expect(test('runningTasksCount > 1')).toBe(true);
    expect(test('runningTasksCount < 2')).toBe(false);
    expect(test('runningTasksCount >= 3')).toBe(false);
    expect(test('runningTasksCount <= 2')).toBe(true);
    expect(test('runningTasksCount != 0')).toBe(true);
  });

  it('task:group is true when any task on the instance is in a matching group (affinity / anti-affinity)', () => {
    expect(test('task:group == service:production')).toBe(true);
    expect(test('not(task:group == database)')).toBe(true);
    expect(test('task:group != service:production')).toBe(false);
    expect(test('task:group in [database, family:batch]')).toBe(true);
    expect(test('task:group =~ service:.*')).toBe(true);
    expect(test('task:group exists', { taskGroups: new Map() })).toBe(false);
    expect(test('task:group !exists', { taskGroups: new Map() })).toBe(true);
  });

  it('reports which costly facts an expression reads', () => {
    const c = compileExpression('runningTasksCount == 0 or task:group == x');
    expect(c.ok && c.compiled.uses).toEqual({ runningTasksCount: true, taskGroups: true });
    const d = compileExpression('attribute:a == b');
    expect(d.ok && d.compiled.uses).toEqual({ runningTasksCount: false, taskGroups: false });
  });
});

describe('compound evaluation', () => {
  it('the documented compound example: G2 instances not in us-east-1d', () => {
    expect(test('attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d')).toBe(true);
    expect(test('attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1a')).toBe(false);
  });

  it('or, not and parentheses', () => {
    expect(test('attribute:a == 1 or attribute:slots == 12')).toBe(true);
    expect(test('!(attribute:slots == 12) || runningTasksCount == 2')).toBe(true);
    expect(test('(attribute:slots == 1 or attribute:slots == 12) && not agentConnected == false')).toBe(true);
  });
});
