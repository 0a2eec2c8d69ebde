/**
 * Prints which ECS operations the playground implements and which it does not; with `--write`,
 * updates that list in README.md.
 *   node --import tsx src/server/operations.ts [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageMarkdown, withCoverage } from './operationCoverage';

const block = coverageMarkdown();
if (process.argv.includes('--write')) {
  const path = join(import.meta.dirname, '..', '..', 'README.md');
  const updated = withCoverage(readFileSync(path, 'utf8'), block);
  if (updated === undefined) {
    console.error('README.md has no ecs-operations markers to write between.');
    process.exit(1);
  }
  writeFileSync(path, updated);
  console.log('README.md: operation list updated.');
} else {
  console.log(block);
}
