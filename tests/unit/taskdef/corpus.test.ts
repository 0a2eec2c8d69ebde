/**
 * The real-world corpus (54 files others collected, verdicts in SOURCES.md) run through
 * validateTaskDefinition. It lives beside the repository at ../shared/corpus/taskdefs and is never
 * copied in. Where our verdict differs from SOURCES.md, docs/taskdef-validation.md says why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTaskDefinition } from '../../../src/core/taskdef/validate';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const corpusDir = join(repoRoot, '..', 'shared', 'corpus', 'taskdefs');
const realDir = join(corpusDir, 'real');
const present = existsSync(realDir);

if (!present) {
  if (process.env.CI) throw new Error(`task-definition corpus not found at ${corpusDir} (CI needs shared/ beside the repository)`);
  console.warn(`[taskdef corpus] skipped: no corpus at ${corpusDir} (expected ../shared/corpus/taskdefs beside the repository)`);
}

type Verdict =
  | 'valid'
  | 'template' // passes, with a placeholder warning at each listed path
  | 'describe' // passes after unwrapping/stripping describe output
  | 'syntax' // not JSON: one error at line:column
  | 'invalid'; // parses, fails with errors exactly at the listed paths

interface Expectation {
  verdict: Verdict;
  /** error paths ('invalid') or "line:column" ('syntax') */
  errors?: string[];
  /** paths of placeholder warnings */
  placeholders?: string[];
}

const c0 = '/containerDefinitions/0';
const c1 = '/containerDefinitions/1';

const EXPECTED: Record<string, Expectation> = {
  '001': { verdict: 'valid' },
  '002': { verdict: 'valid' },
  '003': { verdict: 'invalid', errors: [c0 + '/logConfiguration/logDriver'], placeholders: [c0 + '/environment/0/value'] },
  '004': { verdict: 'valid' },
  '005': { verdict: 'template', placeholders: ['/taskRoleArn', '/executionRoleArn', c0 + '/logConfiguration/options/awslogs-region', c1 + '/logConfiguration/options/region', c1 + '/logConfiguration/secretOptions/0/name', c1 + '/logConfiguration/secretOptions/0/valueFrom'] },
  '006': { verdict: 'syntax', errors: ['14:13'] },
  '007': { verdict: 'template', placeholders: [c0 + '/dockerSecurityOptions/0', '/executionRoleArn'] },
  '008': { verdict: 'valid' },
  '009': { verdict: 'template', placeholders: ['/volumes/0/efsVolumeConfiguration/fileSystemId'] },
  '010': { verdict: 'template', placeholders: [c0 + '/logConfiguration/options/awslogs-region'] },
  // LEGACY in SOURCES.md: inferenceDevices is not a ContainerDefinition member of the current API
  '011': { verdict: 'invalid', errors: [c0 + '/inferenceDevices'], placeholders: [c0 + '/logConfiguration/options/awslogs-region', c0 + '/logConfiguration/options/awslogs-stream-prefix'] },
  '012': { verdict: 'valid' },
  '013': { verdict: 'valid' },
  '014': { verdict: 'valid' },
  '015': { verdict: 'valid' },
  '016': { verdict: 'syntax', errors: ['34:20'] },
  '017': { verdict: 'valid' },
  '018': { verdict: 'describe' },
  '019': { verdict: 'valid' },
  '020': { verdict: 'valid' },
  '021': { verdict: 'template', placeholders: ['/taskRoleArn', '/executionRoleArn', c0 + '/logConfiguration/options/awslogs-region'] },
  '022': { verdict: 'invalid', errors: ['/family', '/networkMode', '/requiresCompatibilities/0'], placeholders: ['/taskRoleArn', '/executionRoleArn', c0 + '/secrets/0/valueFrom', c0 + '/secrets/1/valueFrom', c0 + '/logConfiguration/options/awslogs-region', c0 + '/logConfiguration/options/awslogs-stream-prefix'] },
  '023': { verdict: 'template', placeholders: ['/taskRoleArn', '/executionRoleArn', c0 + '/logConfiguration/options/awslogs-region', c1 + '/logConfiguration/options/awslogs-region'] },
  '024': { verdict: 'template', placeholders: [c0 + '/image'] },
  '025': { verdict: 'describe' },
  '026': { verdict: 'valid' },
  '027': { verdict: 'describe' },
  '028': { verdict: 'template', placeholders: ['/executionRoleArn', c0 + '/logConfiguration/options/awslogs-group', c0 + '/logConfiguration/options/awslogs-region', c0 + '/environment/0/value', c0 + '/environment/3/value', c0 + '/image', '/taskRoleArn'] },
  // SOURCES.md (d) memory == memoryReservation is accepted here (see docs); the link to a missing container fails
  '029': { verdict: 'invalid', errors: [c1 + '/links/0'], placeholders: [c0 + '/image', c1 + '/image', '/taskRoleArn', '/executionRoleArn'] },
  '030': { verdict: 'invalid', errors: [c0 + '/portMappings/0/containerPort', c0 + '/repositoryCredentials/credentialsParameter'] },
  // SUSPECT in SOURCES.md: startTimeout 600 is outside Fargate's documented 2-120 s
  '031': { verdict: 'invalid', errors: [c0 + '/startTimeout'] },
  '032': { verdict: 'valid' },
  '033': { verdict: 'invalid', errors: [c0 + '/image'] },
  '034': { verdict: 'syntax', errors: ['11:20'] },
  '035': { verdict: 'syntax', errors: ['1:1'] },
  '036': { verdict: 'syntax', errors: ['1:1'] },
  '037': { verdict: 'invalid', errors: ['/taskDefinition/proxyConfiguration/containerName'], placeholders: ['/taskDefinition/containerDefinitions/0/image'] },
  '038': { verdict: 'template', placeholders: [c0 + '/secrets/1/valueFrom', c0 + '/secrets/2/valueFrom', '/executionRoleArn', '/taskRoleArn'] },
  '039': { verdict: 'template', placeholders: [c0 + '/image', c0 + '/environment/0/value'] },
  // TEMPLATE in SOURCES.md: secrets without executionRoleArn are refused by ECS
  '040': { verdict: 'invalid', errors: [c0 + '/secrets'], placeholders: [c0 + '/environment/1/value', c0 + '/dockerSecurityOptions/0', c0 + '/secrets/0/valueFrom'] },
  '041': { verdict: 'valid' },
  '042': { verdict: 'valid' },
  '043': { verdict: 'template', placeholders: [c0 + '/image'] },
  '044': { verdict: 'syntax', errors: ['7:38'] },
  '045': { verdict: 'invalid', errors: ['/cpu', '/memory'], placeholders: ['/family', '/executionRoleArn', '/taskRoleArn', c0 + '/name', c0 + '/image', c0 + '/repositoryCredentials/credentialsParameter', c0 + '/environment/2/value', c0 + '/environment/3/value', c0 + '/environment/4/value', c0 + '/secrets/0/valueFrom', c0 + '/secrets/1/valueFrom', c0 + '/secrets/2/valueFrom', c0 + '/secrets/3/valueFrom', c0 + '/secrets/4/valueFrom', c0 + '/secrets/5/valueFrom', c0 + '/secrets/6/valueFrom', c0 + '/secrets/7/valueFrom', c0 + '/secrets/8/valueFrom', c0 + '/secrets/9/valueFrom', c0 + '/logConfiguration/options/awslogs-group', c0 + '/logConfiguration/options/awslogs-region'] },
  '046': { verdict: 'invalid', errors: [c1 + '/image', '/containerDefinitions/2/image', '/containerDefinitions/3/image', '/containerDefinitions/4/image', '/containerDefinitions/5/image', '/containerDefinitions/6/image', '/containerDefinitions/7/image', '/containerDefinitions/8/image', '/containerDefinitions/9/image'] },
  '047': { verdict: 'valid' },
  '048': { verdict: 'syntax', errors: ['2:13'] },
  '049': { verdict: 'valid' },
  '050': { verdict: 'invalid', errors: [c0 + '/memory', c0 + '/cpu', c0 + '/portMappings/0/containerPort', c1 + '/memory', c1 + '/cpu'], placeholders: [c0 + '/image', c1 + '/image'] },
  '051': { verdict: 'template', placeholders: ['/executionRoleArn', '/taskRoleArn', c0 + '/environment/1/value', c0 + '/image', c1 + '/image'] },
  '052': { verdict: 'template', placeholders: [c0 + '/image', c0 + '/logConfiguration/options/awslogs-region', c1 + '/image', c1 + '/logConfiguration/options/awslogs-region', '/executionRoleArn', '/taskRoleArn'] },
  '053': { verdict: 'template', placeholders: ['/family', c0 + '/image', '/taskRoleArn', '/executionRoleArn'] },
  '054': { verdict: 'invalid', errors: [c0 + '/image', c0 + '/logConfiguration/logDriver', c0 + '/logConfiguration/options'] },
};

const SYNTAX_MESSAGES: Record<string, RegExp> = {
  '006': /^Unexpected character/,
  '016': /^Missing comma/,
  '034': /^Unexpected character/,
  '035': /found an array/,
  '036': /found an array/,
  '044': /^Comments are not allowed/,
  '048': /^Unexpected character/,
};

const files = present ? readdirSync(realDir).filter((f) => f.endsWith('.json')).sort() : [];
const isPlaceholder = (m: string) => m.includes('template placeholder') || m.includes('EFS file system ID');

describe.skipIf(!present)('real-world corpus (../shared/corpus/taskdefs)', () => {
  it('has an expectation for every file, and a file for every expectation', () => {
    expect(files.map((f) => f.slice(0, 3))).toEqual(Object.keys(EXPECTED).sort());
    expect(readFileSync(join(corpusDir, 'SOURCES.md'), 'utf8')).toContain('Verdict legend');
  });

  for (const file of files) {
    const id = file.slice(0, 3);
    const exp = EXPECTED[id];
    it(`${file}: ${exp?.verdict}`, () => {
      const r = validateTaskDefinition(readFileSync(join(realDir, file), 'utf8'));
      const placeholders = r.warnings.filter((w) => isPlaceholder(w.message)).map((w) => w.path);
      expect(placeholders.sort()).toEqual([...(exp.placeholders ?? [])].sort());
      switch (exp.verdict) {
        case 'valid':
        case 'template':
          expect(r.errors).toEqual([]);
          expect(r.ok).toBe(true);
          break;
        case 'describe':
          expect(r.errors).toEqual([]);
          expect(r.ok).toBe(true);
          expect(r.warnings.some((w) => /read-only field|Unwrapped/.test(w.message))).toBe(true);
          break;
        case 'syntax':
          expect(r.ok).toBe(false);
          expect(r.errors.map((e) => `${e.line}:${e.column}`)).toEqual(exp.errors);
          expect(r.errors[0].message).toMatch(SYNTAX_MESSAGES[id]);
          break;
        case 'invalid':
          expect(r.ok).toBe(false);
          expect(r.errors.map((e) => e.path)).toEqual(exp.errors);
          for (const e of r.errors) expect(e.line).toBeGreaterThan(0);
          break;
      }
    });
  }
});
