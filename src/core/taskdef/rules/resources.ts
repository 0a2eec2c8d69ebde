/** resourceRequirements: GPU counts and Elastic Inference device names. */
import { ContainerMessages } from '../messages';
import type { RuleInput } from './context';

export function checkResourceRequirements(r: RuleInput): void {
  const devices = new Set((r.req.inferenceAccelerators ?? []).map((a) => a?.deviceName));
  for (const { c, i } of r.containers) {
    (c.resourceRequirements ?? []).forEach((rr, j) => {
      if (!rr) return;
      const segs = ['containerDefinitions', i, 'resourceRequirements', j, 'value'];
      if (rr.type === 'GPU' && rr.value !== undefined && rr.sharingStrategy !== undefined) {
        r.error(['containerDefinitions', i, 'resourceRequirements', j, 'sharingStrategy'], ContainerMessages.gpuValueAndSharing);
      }
      if (rr.type === 'GPU' && rr.value !== undefined && !/^[1-9]\d*$/.test(rr.value) && rr.value !== 'ALL') {
        r.error(segs, ContainerMessages.gpuValue(rr.value));
      }
      if (rr.type === 'InferenceAccelerator' && rr.value !== undefined && !devices.has(rr.value)) {
        r.error(segs, ContainerMessages.inferenceMissing(rr.value));
      }
    });
  }
}
