import { describe, expect, it } from 'vitest';
import { createState, type SimState } from '../engine/state';
import { EcsError } from '../api/errors';
import type { TaskDefinitionRecord, TaskDefinitionStatus } from './record';
import { findTaskDefinition, parseTaskDefinitionRef, resolveTaskDefinition } from './resolve';

function addRevision(state: SimState, family: string, revision: number, status: TaskDefinitionStatus): void {
  const fam = (state.taskDefinitions[family] ??= { family, lastRevision: 0, revisions: [] });
  const record: TaskDefinitionRecord = {
    taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`,
    family,
    revision,
    status,
    registeredAt: 0,
    registeredBy: 'arn:aws:iam::123456789012:root',
    tags: [],
    body: { containerDefinitions: [] },
  };
  fam.revisions.push(record);
  fam.lastRevision = revision;
}

function thrown(fn: () => unknown): EcsError {
  try {
    fn();
  } catch (e) {
    return e as EcsError;
  }
  throw new Error('did not throw');
}

describe('parseTaskDefinitionRef', () => {
  const scope = { region: 'us-east-1', accountId: '123456789012' };
  it('reads family, family:revision and the full ARN', () => {
    expect(parseTaskDefinitionRef(scope, 'web')).toEqual({ kind: 'ok', family: 'web' });
    expect(parseTaskDefinitionRef(scope, 'web:12')).toEqual({ kind: 'ok', family: 'web', revision: 12 });
    expect(parseTaskDefinitionRef(scope, 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3')).toEqual({
      kind: 'ok',
      family: 'web',
      revision: 3,
    });
  });
  it('flags a revision that is not a positive integer', () => {
    expect(parseTaskDefinitionRef(scope, 'web:latest')).toEqual({ kind: 'badRevision', family: 'web', revisionText: 'latest' });
    expect(parseTaskDefinitionRef(scope, 'web:0').kind).toBe('badRevision');
  });
  it('treats ARNs of another region, account or resource kind as foreign', () => {
    expect(parseTaskDefinitionRef(scope, 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1').kind).toBe('foreign');
    expect(parseTaskDefinitionRef(scope, 'arn:aws:ecs:us-east-1:999999999999:task-definition/web:1').kind).toBe('foreign');
    expect(parseTaskDefinitionRef(scope, 'arn:aws:ecs:us-east-1:123456789012:cluster/web').kind).toBe('foreign');
  });
});

describe('resolveTaskDefinition', () => {
  it('a bare family resolves to the latest ACTIVE revision, skipping newer INACTIVE ones', () => {
    const state = createState();
    addRevision(state, 'web', 1, 'ACTIVE');
    addRevision(state, 'web', 2, 'ACTIVE');
    addRevision(state, 'web', 3, 'INACTIVE');
    expect(resolveTaskDefinition(state, 'web').revision).toBe(2);
    expect(findTaskDefinition(state, 'web')?.revision).toBe(2);
  });

  it('throws ClientException "TaskDefinition not found." for an unknown family or revision', () => {
    const state = createState();
    addRevision(state, 'web', 1, 'ACTIVE');
    for (const ref of ['api', 'web:2', 'web:nope', 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:1']) {
      const e = thrown(() => resolveTaskDefinition(state, ref));
      expect([e.name, e.message]).toEqual(['ClientException', 'TaskDefinition not found.']);
    }
  });

  it('throws "TaskDefinition is inactive" for an INACTIVE or DELETE_IN_PROGRESS revision', () => {
    const state = createState();
    addRevision(state, 'web', 1, 'INACTIVE');
    addRevision(state, 'web', 2, 'DELETE_IN_PROGRESS');
    for (const ref of ['web:1', 'web:2', 'web']) {
      const e = thrown(() => resolveTaskDefinition(state, ref));
      expect([e.name, e.message]).toEqual(['ClientException', 'TaskDefinition is inactive']);
    }
  });

  it('throws the exception type the caller asks for (RunTask uses InvalidParameterException)', () => {
    const state = createState();
    addRevision(state, 'web', 1, 'INACTIVE');
    const e = thrown(() => resolveTaskDefinition(state, 'web:1', { errorCode: 'InvalidParameterException' }));
    expect([e.name, e.message]).toEqual(['InvalidParameterException', 'TaskDefinition is inactive']);
  });

  it('does not mistake Object.prototype members for families', () => {
    const state = createState();
    expect(findTaskDefinition(state, 'constructor')).toBeUndefined();
    expect(thrown(() => resolveTaskDefinition(state, 'toString')).name).toBe('ClientException');
  });
});
