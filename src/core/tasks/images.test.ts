import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import type { SimState } from '../engine/state';
import { canonicalImage, cannotPullReason, imageSizeMb, isUnpullable, isWellFormedImage, DEFAULT_IMAGE_SIZE_MB } from './images';

describe('images', () => {
  it('canonicalImage fills the registry, library/ and the latest tag', () => {
    expect(canonicalImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(canonicalImage('bitnami/redis:7.2')).toBe('docker.io/bitnami/redis:7.2');
    expect(canonicalImage('public.ecr.aws/nginx/nginx:1.27')).toBe('public.ecr.aws/nginx/nginx:1.27');
    expect(canonicalImage('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1')).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1');
    expect(canonicalImage('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });

  it('tells well-formed references from malformed ones', () => {
    expect(['nginx', 'nginx:1.27-alpine', 'a/b/c:d', `x@sha256:${'a'.repeat(64)}`].every(isWellFormedImage)).toBe(true);
    expect(['', 'NGINX', 'nginx:', 'a b', 'nginx::1'].some(isWellFormedImage)).toBe(false);
  });

  it('sizes come from the table by repository name, with a default', () => {
    expect(imageSizeMb('public.ecr.aws/docker/library/node:20')).toBe(imageSizeMb('node'));
    expect(imageSizeMb('busybox')).toBeLessThan(imageSizeMb('nginx'));
    expect(imageSizeMb('example/unknown')).toBe(DEFAULT_IMAGE_SIZE_MB);
  });

  it('makeImageUnpullable("nginx") covers nginx:latest too, and makeImagePullable lifts it', () => {
    const sim = createSimulation({ seed: 1 });
    sim.faults.makeImageUnpullable('nginx');
    expect(isUnpullable(sim.state as SimState, 'docker.io/library/nginx:latest')).toBe(true);
    expect(isUnpullable(sim.state as SimState, 'nginx:1.27')).toBe(false);
    sim.faults.makeImagePullable('nginx:latest');
    expect(isUnpullable(sim.state as SimState, 'nginx')).toBe(false);
    expect(sim.events.map((e) => [e.type, e.resource])).toEqual([
      ['fault.makeImageUnpullable', 'nginx'],
      ['fault.makeImagePullable', 'nginx:latest'],
    ]);
  });

  it('the EC2 reason names the repository as Docker does', () => {
    expect(cannotPullReason('example/thing', false)).toBe(
      "CannotPullContainerError: Error response from daemon: pull access denied for example/thing, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
  });
});
