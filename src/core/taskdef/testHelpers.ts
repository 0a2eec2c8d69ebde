/**
 * Helpers for the task-definition tests: base definitions, pretty-printed text, and positions found by
 * plain text search (independent of the validator's own position mapping).
 */
import { expect } from 'vitest';
import type { Issue } from './issues';
import { validateTaskDefinition, type ValidationResult } from './validate';

export type Json = Record<string, unknown>;

export const EXEC_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

export const awslogs = (prefix = 'web') => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': prefix },
});

/** A valid Fargate definition with one container. */
export function fargate(extra: Json = {}, container: Json = {}): Json {
  return {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: EXEC_ROLE,
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true, portMappings: [{ containerPort: 80 }], logConfiguration: awslogs(), ...container }],
    ...extra,
  };
}

/** A valid EC2 (bridge) definition with one container. */
export function ec2(extra: Json = {}, container: Json = {}): Json {
  return {
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }], logConfiguration: awslogs(), ...container }],
    ...extra,
  };
}

/** A container for multi-container definitions. */
export function box(name: string, extra: Json = {}): Json {
  return { name, image: 'busybox:1.36', memory: 128, logConfiguration: awslogs(name), ...extra };
}

export function pretty(obj: unknown): string {
  return JSON.stringify(obj, null, 2);
}

export function run(obj: unknown): { text: string; r: ValidationResult } {
  const text = pretty(obj);
  return { text, r: validateTaskDefinition(text) };
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function nthIndex(text: string, needle: string, nth: number): number {
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth} times`);
  }
  return at;
}

/** Position of the first non-space character after the nth occurrence of `needle` (a value after its key). */
export function after(text: string, needle: string, nth = 1): { line: number; column: number } {
  let i = nthIndex(text, needle, nth) + needle.length;
  while (/\s/.test(text[i] ?? '')) i++;
  return lineCol(text, i);
}

/** Position of the nth occurrence of `needle` itself (a key). */
export function at(text: string, needle: string, nth = 1): { line: number; column: number } {
  return lineCol(text, nthIndex(text, needle, nth));
}

export function expectError(r: ValidationResult, path: string, message: string | RegExp, pos: { line: number; column: number }): void {
  const hit = r.errors.find((e) => e.path === path && (typeof message === 'string' ? e.message === message : message.test(e.message)));
  expect(hit, `no error at ${path} matching ${String(message)}; got ${JSON.stringify(r.errors, null, 1)}`).toBeDefined();
  expect({ line: hit!.line, column: hit!.column }).toEqual(pos);
}

export function expectWarning(r: ValidationResult, path: string, message: string | RegExp, pos?: { line: number; column: number }): void {
  const hit = r.warnings.find((e) => e.path === path && (typeof message === 'string' ? e.message === message : message.test(e.message)));
  expect(hit, `no warning at ${path} matching ${String(message)}; got ${JSON.stringify(r.warnings, null, 1)}`).toBeDefined();
  if (pos) expect({ line: hit!.line, column: hit!.column }).toEqual(pos);
}

export function expectValid(r: ValidationResult): void {
  expect(r.errors, JSON.stringify(r.errors, null, 1)).toEqual([]);
  expect(r.ok).toBe(true);
}

export function messagesOf(issues: Issue[]): string[] {
  return issues.map((i) => i.message);
}
