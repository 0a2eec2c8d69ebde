/**
 * The realistic fixture definitions (fixtures/*.json) and the example snippets through the editor
 * schema and the registry: whatever the validator accepts, the schema accepts (bare, wrapped, and
 * as describe output), and it registers and reads back unchanged apart from ECS's defaults.
 */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { taskDefinitionJsonSchema } from './schema';
import { taskDefinitionSnippets } from './snippets';
import { validateRegisterRequest, validateTaskDefinition } from './validate';

type Json = Record<string, unknown>;

const fixtures = import.meta.glob<string>('./fixtures/*.json', { eager: true, query: '?raw', import: 'default' });
const cases: [string, string][] = [
  ...Object.entries(fixtures)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]): [string, string] => [path.replace('./fixtures/', 'fixture '), text]),
  ...taskDefinitionSnippets.map((s): [string, string] => [`snippet ${s.id}`, JSON.stringify(s.definition, null, 2)]),
];

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, strictTypes: false });
ajv.addVocabulary(['markdownDescription', 'defaultSnippets']);
const schemaAccepts = ajv.compile(taskDefinitionJsonSchema());
const verdict = (doc: unknown) => (schemaAccepts(doc) ? 'ok' : schemaAccepts.errors);

describe('fixtures and snippets: schema and registry agree with the validator', () => {
  it('has the fixtures to check', () => {
    expect(Object.keys(fixtures).length).toBeGreaterThanOrEqual(25);
  });

  for (const [label, text] of cases) {
    it(`${label}: accepted by the validator, so by the schema, and reads back after registering`, () => {
      expect(validateTaskDefinition(text).ok).toBe(true);
      const doc = JSON.parse(text) as Json;
      expect(verdict(doc)).toBe('ok');
      expect(verdict({ taskDefinition: doc })).toBe('ok');

      const sim = createSimulation();
      const registered = sim.ecs.registerTaskDefinition(doc as never);
      const arn = registered.taskDefinition!.taskDefinitionArn!;
      const described = sim.ecs.describeTaskDefinition({ taskDefinition: arn, include: ['TAGS'] });
      const printed = JSON.parse(JSON.stringify(described)) as { taskDefinition: Json };
      expect(verdict(printed)).toBe('ok');
      expect(verdict(printed.taskDefinition)).toBe('ok');
      // Pasting describe output back into the editor validates too (output-only members only warn).
      expect(validateTaskDefinition(JSON.stringify(printed)).ok).toBe(true);

      const { family: _family, tags: _tags, ...sent } = validateRegisterRequest(doc).value as unknown as Json;
      expect(described.taskDefinition).toMatchObject(sent);
      expect(described.taskDefinition!.status).toBe('ACTIVE');
      expect(described.taskDefinition!.compatibilities).toContain('EC2');
      const required = (doc.requiresCompatibilities as string[] | undefined) ?? [];
      for (const c of required) expect(described.taskDefinition!.compatibilities).toContain(c);
    });
  }
});
