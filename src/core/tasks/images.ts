/**
 * Container images: how big common images are (so pulls take a plausible time), whether a reference
 * is well formed, and the CannotPullContainerError texts. Every well-formed image pulls unless
 * `sim.faults.makeImageUnpullable(image)` marked it (state.unpullableImages).
 *
 * Sizes are compressed download sizes in MB of the linux/amd64 `latest` (or current LTS) tag as the
 * registries list them, rounded; they move between releases, so treat them as teaching figures.
 */
import type { SimState } from '../engine/state';
import { drawDuration } from '../timings';

/** Compressed size in MB by repository name (the last path segment, without tag or digest). */
export const IMAGE_SIZES_MB: Readonly<Record<string, number>> = {
  busybox: 2,
  alpine: 4,
  'amazon-ecs-sample': 110,
  amazonlinux: 62,
  ubuntu: 30,
  debian: 49,
  nginx: 72,
  'nginx-unprivileged': 75,
  httpd: 58,
  traefik: 48,
  envoy: 65,
  haproxy: 40,
  caddy: 20,
  redis: 45,
  memcached: 32,
  postgres: 155,
  mysql: 170,
  mariadb: 120,
  mongo: 250,
  rabbitmq: 95,
  node: 390,
  python: 370,
  golang: 290,
  openjdk: 330,
  'eclipse-temurin': 190,
  tomcat: 160,
  php: 165,
  ruby: 350,
  wordpress: 250,
  grafana: 125,
  prometheus: 105,
  'aws-for-fluent-bit': 120,
  'fluent-bit': 40,
  'aws-otel-collector': 85,
  agent: 340,
  'aws-xray-daemon': 40,
  'aws-appmesh-envoy': 110,
  hello: 1,
  'hello-world': 1,
};

/** Size used for images not in the table. */
export const DEFAULT_IMAGE_SIZE_MB = 100;

/**
 * Roughly the grammar Docker accepts: optional registry host (with port), path segments of lowercase
 * alphanumerics and separators, optional `:tag`, optional `@sha256:<64 hex>`.
 */
const IMAGE_REF =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export function isWellFormedImage(image: string): boolean {
  return image.length > 0 && image.length <= 255 && IMAGE_REF.test(image);
}

interface ParsedImage {
  /** registry host, `docker.io` when none is given */
  registry: string;
  /** repository path, with `library/` added for Docker Hub official images */
  repository: string;
  tag: string;
}

export function parseImage(image: string): ParsedImage {
  const at = image.indexOf('@');
  const noDigest = at >= 0 ? image.slice(0, at) : image;
  const slash = noDigest.indexOf('/');
  const first = slash >= 0 ? noDigest.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let rest = hasRegistry ? noDigest.slice(slash + 1) : noDigest;
  const colon = rest.lastIndexOf(':');
  let tag = 'latest';
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const repository = registry === 'docker.io' && !rest.includes('/') ? `library/${rest}` : rest;
  return { registry, repository, tag };
}

export function imageSizeMb(image: string): number {
  const { repository } = parseImage(image);
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return IMAGE_SIZES_MB[name] ?? DEFAULT_IMAGE_SIZE_MB;
}

/** Seeded pull time: registry round trips plus the download at a drawn per-MB rate. */
export function drawPullMs(state: SimState, image: string): number {
  const latency = drawDuration(state, 'imagePullLatency');
  const perMb = drawDuration(state, 'imagePullPerMb');
  return latency + Math.round((imageSizeMb(image) * perMb));
}

/** The canonical reference (`docker.io/library/nginx:latest`), so `nginx` and `nginx:latest` name one image. */
export function canonicalImage(image: string): string {
  const at = image.indexOf('@');
  const p = parseImage(image);
  return `${p.registry}/${p.repository}:${p.tag}${at >= 0 ? image.slice(at) : ''}`;
}

export function isUnpullable(state: SimState, image: string): boolean {
  if (state.unpullableImages.length === 0) return false;
  const key = canonicalImage(image);
  return state.unpullableImages.some((marked) => canonicalImage(marked) === key);
}

/**
 * The reason ECS writes when a pull fails. Fargate platform 1.4.0 pulls with containerd and reports
 * the retried manifest resolution; the EC2 agent relays the Docker daemon's answer.
 */
export function cannotPullReason(image: string, fargate: boolean): string {
  const p = parseImage(image);
  if (fargate) {
    const ref = `${p.registry}/${p.repository}:${p.tag}`;
    return `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: ${ref}: not found`;
  }
  const repo = p.registry === 'docker.io' ? p.repository.replace(/^library\//, '') : `${p.registry}/${p.repository}`;
  return `CannotPullContainerError: Error response from daemon: pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
}

/** Whether the container instance already has the image's layers (it pulled it before). */
export function isCachedOn(state: SimState, containerInstanceArn: string | undefined, image: string): boolean {
  if (!containerInstanceArn) return false;
  return state.pulledImages[containerInstanceArn]?.includes(canonicalImage(image)) ?? false;
}

export function rememberPull(state: SimState, containerInstanceArn: string, image: string): void {
  const key = canonicalImage(image);
  const list = (state.pulledImages[containerInstanceArn] ??= []);
  if (!list.includes(key)) list.push(key);
}
