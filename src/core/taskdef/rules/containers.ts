/** Container rules: names, images, memory settings, task-size sums and essential containers. */
import { ContainerMessages, WarningMessages } from '../messages';
import { looksLikePlaceholder } from './placeholders';
import type { RuleInput } from './context';

const IMAGE_CHARS = /^[A-Za-z0-9\-_:./#@]+$/;
const DIGEST = /^sha256:[A-Fa-f0-9]{64}$/;

export function checkNamesAndImages(r: RuleInput): void {
  const seen = new Set<string>();
  for (const { c, i } of r.containers) {
    if (c.name === undefined && !r.isBad(['containerDefinitions', i, 'name'])) r.error(['containerDefinitions', i], ContainerMessages.nameEmpty);
    if (c.name !== undefined) {
      if (seen.has(c.name)) r.error(['containerDefinitions', i, 'name'], ContainerMessages.namesUnique);
      seen.add(c.name);
    }
    if (c.image === undefined) {
      if (!r.isBad(['containerDefinitions', i, 'image'])) r.error(['containerDefinitions', i], ContainerMessages.imageEmpty);
      continue;
    }
    checkImage(r, c.image, i, c.name ?? `#${i}`);
  }
}

function checkImage(r: RuleInput, image: string, i: number, name: string): void {
  const segs = ['containerDefinitions', i, 'image'];
  if (looksLikePlaceholder(image)) return; // the placeholder warning says it all
  const at = image.indexOf('@');
  const repoAndTag = at >= 0 ? image.slice(0, at) : image;
  if (repoAndTag.length > 255) {
    r.error(segs, ContainerMessages.imageTooLong(name));
    return;
  }
  if (at >= 0 && !DIGEST.test(image.slice(at + 1))) {
    r.error(segs, ContainerMessages.imageBadDigest(name));
    return;
  }
  if (!IMAGE_CHARS.test(image)) {
    r.warn(segs, WarningMessages.imageMalformed(image));
    return;
  }
  if (at < 0) {
    const lastSlash = repoAndTag.lastIndexOf('/');
    const colon = repoAndTag.indexOf(':', lastSlash + 1);
    const tag = colon >= 0 ? repoAndTag.slice(colon + 1) : 'latest';
    if (tag === 'latest') r.warn(segs, WarningMessages.latestTag(image));
  }
}

export function checkMemory(r: RuleInput): void {
  const taskMemory = r.req.memory !== undefined ? Number(r.req.memory) : undefined;
  const taskMemoryUnknown = taskMemory === undefined && r.isBad(['memory']);
  for (const { c, i, label } of r.containers) {
    const base = ['containerDefinitions', i];
    const badMem = r.isBad([...base, 'memory']) || r.isBad([...base, 'memoryReservation']);
    if (taskMemory === undefined && !taskMemoryUnknown && !badMem && !(c.memory ?? 0) && !(c.memoryReservation ?? 0)) {
      r.error(base, ContainerMessages.memoryRequired(label));
    }
    if (c.memory !== undefined && c.memoryReservation !== undefined && c.memoryReservation > c.memory) {
      r.error([...base, 'memoryReservation'], ContainerMessages.reservationAboveMemory(label));
    }
    if (taskMemory !== undefined && c.memory !== undefined && c.memory > taskMemory && !r.windows) {
      r.error([...base, 'memory'], ContainerMessages.memoryAboveTask);
    }
  }
}

/** Container reservations must fit in the task size (task-level values are ignored for Windows). */
export function checkSums(r: RuleInput): void {
  if (r.windows) return;
  const { req } = r;
  if (req.memory !== undefined) {
    let sum = 0;
    let anyReservation = false;
    for (const { c } of r.containers) {
      if (c.memoryReservation !== undefined) anyReservation = true;
      sum += c.memoryReservation ?? c.memory ?? 0;
    }
    if (sum > Number(req.memory)) r.error(['memory'], anyReservation ? ContainerMessages.reservationSum : ContainerMessages.memorySum);
  }
  if (req.cpu !== undefined) {
    const sum = r.containers.reduce((s, { c }) => s + (c.cpu ?? 0), 0);
    if (sum > Number(req.cpu)) r.error(['cpu'], ContainerMessages.cpuSum);
  }
}

export function checkEssential(r: RuleInput): void {
  if (r.containers.length === 0) return;
  const any = r.containers.some(({ c }) => c.essential !== false);
  const unknown = r.containers.some(({ i }) => r.isBad(['containerDefinitions', i, 'essential']));
  if (!any && !unknown) r.error(['containerDefinitions'], ContainerMessages.noEssential);
}

export function checkContainerNetworkingFields(r: RuleInput): void {
  for (const { c, i } of r.containers) {
    const base = ['containerDefinitions', i];
    if (r.networkMode === 'awsvpc' && c.hostname !== undefined) r.error([...base, 'hostname'], ContainerMessages.hostnameAwsvpc);
    if (r.networkMode === 'awsvpc' && (c.extraHosts?.length ?? 0) > 0) r.error([...base, 'extraHosts'], ContainerMessages.extraHostsAwsvpc);
    if ((c.links?.length ?? 0) > 0 && r.networkMode !== 'bridge' && r.networkMode !== 'default') {
      r.error([...base, 'links'], ContainerMessages.linksNotBridge(r.networkMode));
    }
  }
}
