import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../core';
import { pathFromEvents, taskStatusPath } from './taskPath';

const A = 'arn:aws:ecs:us-east-1:123456789012:task/demo/a';
const B = 'arn:aws:ecs:us-east-1:123456789012:task/demo/b';
let seq = 0;
const change = (time: number, resource: string, lastStatus: string): SimEvent => ({
  seq: ++seq,
  time,
  type: 'task.stateChange',
  resource,
  message: '',
  data: { lastStatus },
});

const events: SimEvent[] = [
  change(0, B, 'PROVISIONING'),
  change(100, A, 'PROVISIONING'),
  { seq: ++seq, time: 150, type: 'task.containerStateChange', resource: A, message: '', data: { lastStatus: 'RUNNING' } },
  change(200, A, 'PENDING'),
  change(200, B, 'STOPPED'),
  change(300, A, 'ACTIVATING'),
  change(400, A, 'RUNNING'),
  change(500, A, 'STOPPED'),
  change(600, A, 'PROVISIONING'),
];

describe('pathFromEvents', () => {
  it('collects the task’s lastStatus changes from createdAt up to STOPPED', () => {
    expect(pathFromEvents(events, A, 100)).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'STOPPED']);
    expect(pathFromEvents(events, B, 0)).toEqual(['PROVISIONING', 'STOPPED']);
    expect(pathFromEvents(events, 'nope', 0)).toEqual([]);
  });
});

describe('taskStatusPath', () => {
  it('prefers the live actor’s history', () => {
    expect(taskStatusPath({ taskArn: A, createdAt: 100, lastStatus: 'PENDING' }, { history: ['PROVISIONING', 'PENDING'] }, events)).toEqual([
      'PROVISIONING',
      'PENDING',
    ]);
  });

  it('falls back to the events once the actor is gone, ending at lastStatus', () => {
    expect(taskStatusPath({ taskArn: A, createdAt: 100, lastStatus: 'STOPPED' }, undefined, events)).toEqual([
      'PROVISIONING',
      'PENDING',
      'ACTIVATING',
      'RUNNING',
      'STOPPED',
    ]);
    expect(taskStatusPath({ taskArn: 'x', createdAt: 0, lastStatus: 'STOPPED' }, undefined, [])).toEqual(['STOPPED']);
  });
});
