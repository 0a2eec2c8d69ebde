/**
 * Regenerates ecsInputModel.json from @aws-sdk/client-ecs for the operations of the facade table:
 *   node --import tsx src/core/cli/model/write.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ecsOperations } from '../../api/ecs';
import { wireName } from '../../api/wire/operationNames';
import { deriveInputModel } from './derive';

/** The model as JSON text, one operation or shape per line (readable diffs). */
export function inputModelSource(): string {
  const model = deriveInputModel(Object.keys(ecsOperations).map(wireName));
  const block = (entries: [string, unknown][]) => entries.map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  return [
    '{',
    '  "operations": {',
    block(Object.entries(model.operations)),
    '  },',
    '  "outputs": {',
    block(Object.entries(model.outputs)),
    '  },',
    '  "shapes": {',
    block(Object.entries(model.shapes)),
    '  },',
    `  "unsimulated": ${JSON.stringify(model.unsimulated)}`,
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] && process.argv[1].endsWith('write.ts')) {
  writeFileSync(join(import.meta.dirname, 'ecsInputModel.json'), inputModelSource());
}
