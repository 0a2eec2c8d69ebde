import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { taskDefinitionJsonSchema, type JsonSchema } from './schema';
import { taskDefinitionSnippets } from './snippets';

function compile() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, strictTypes: false });
  ajv.addVocabulary(['markdownDescription', 'defaultSnippets']);
  return ajv.compile(taskDefinitionJsonSchema());
}

const validate = compile();
const accepts = (doc: unknown) => {
  const ok = validate(doc);
  return ok ? 'ok' : validate.errors;
};

const fargate = taskDefinitionSnippets.find((s) => s.id === 'fargate-web')!.definition;

describe('taskDefinitionJsonSchema', () => {
  it('is a draft-07 schema that Ajv compiles in strict mode (Monaco keywords declared)', () => {
    expect(taskDefinitionJsonSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('is plain JSON (survives a JSON round trip unchanged)', () => {
    const s = taskDefinitionJsonSchema();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('accepts every snippet', () => {
    for (const s of taskDefinitionSnippets) expect([s.id, accepts(s.definition)]).toEqual([s.id, 'ok']);
  });

  it('accepts pasted describe output, wrapped or bare, with dates as strings or epoch numbers', () => {
    const sim = createSimulation();
    for (const s of taskDefinitionSnippets) {
      const out = sim.ecs.describeTaskDefinition({
        taskDefinition: sim.ecs.registerTaskDefinition({ ...s.definition, tags: [{ key: 'team', value: 'web' }] }).taskDefinition!
          .taskDefinitionArn!,
        include: ['TAGS'],
      });
      const asCliPrintsIt = JSON.parse(JSON.stringify(out)) as { taskDefinition: Record<string, unknown> };
      expect([s.id, accepts(asCliPrintsIt)]).toEqual([s.id, 'ok']);
      expect([s.id, accepts(asCliPrintsIt.taskDefinition)]).toEqual([s.id, 'ok']);
      const epoch = { ...asCliPrintsIt.taskDefinition, registeredAt: 1767603600.123 };
      expect([s.id, accepts({ taskDefinition: epoch })]).toEqual([s.id, 'ok']);
    }
  });

  it('rejects an unknown network mode, an out-of-range port and an unknown member', () => {
    expect(accepts({ ...fargate, networkMode: 'nat' })).not.toBe('ok');
    const badPort = structuredClone(fargate);
    badPort.containerDefinitions![0].portMappings = [{ containerPort: 70000 }];
    expect(accepts(badPort)).not.toBe('ok');
    expect(accepts({ ...fargate, famly: 'x' })).not.toBe('ok');
  });

  it('checks the task definition inside the describe wrapper too', () => {
    expect(accepts({ taskDefinition: { ...fargate, networkMode: 'nat' } })).not.toBe('ok');
  });

  it('gives every member a description and a markdownDescription', () => {
    const missing: string[] = [];
    const walk = (node: JsonSchema, path: string) => {
      const props = node.properties as Record<string, JsonSchema> | undefined;
      for (const [k, child] of Object.entries(props ?? {})) {
        if (!child.description || !child.markdownDescription) missing.push(`${path}/${k}`);
        walk(child, `${path}/${k}`);
      }
      if (node.items) walk(node.items as JsonSchema, `${path}[]`);
    };
    walk((taskDefinitionJsonSchema().definitions as Record<string, JsonSchema>).taskDefinition, '');
    expect(missing).toEqual([]);
  });

  it('spells out enums, ranges and defaults in the hover text', () => {
    const def = (taskDefinitionJsonSchema().definitions as Record<string, JsonSchema>).taskDefinition;
    const props = def.properties as Record<string, JsonSchema>;
    expect(props.networkMode.markdownDescription).toContain('`"awsvpc"`');
    const container = ((props.containerDefinitions.items as JsonSchema).properties as Record<string, JsonSchema>);
    expect(container.essential.markdownDescription).toMatch(/true/);
    const port = (((container.portMappings.items as JsonSchema).properties as Record<string, JsonSchema>).containerPort);
    expect([port.minimum, port.maximum]).toEqual([0, 65535]);
  });

  it('offers each snippet as a defaultSnippet, bodies being complete definitions', () => {
    const def = (taskDefinitionJsonSchema().definitions as Record<string, JsonSchema>).taskDefinition;
    const snippets = def.defaultSnippets as { label: string; body: unknown }[];
    expect(snippets.map((s) => s.label)).toEqual(taskDefinitionSnippets.map((s) => s.label));
    for (const s of snippets) expect(accepts(s.body)).toBe('ok');
  });
});

describe('part snippets', () => {
  it('every defaultSnippet body anywhere in the schema is valid where it is offered', () => {
    const ajvParts = new Ajv({ strict: false, allowUnionTypes: true });
    const found: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as JsonSchema;
      if (Array.isArray(n.defaultSnippets)) {
        const { defaultSnippets: _s, ...rest } = n;
        const check = ajvParts.compile(rest);
        for (const snip of n.defaultSnippets as { label: string; body: unknown }[]) {
          found.push(snip.label);
          expect([path, snip.label, check(snip.body) ? 'ok' : check.errors]).toEqual([path, snip.label, 'ok']);
        }
      }
      for (const [k, v] of Object.entries(n)) if (k !== 'defaultSnippets') walk(v, `${path}/${k}`);
    };
    walk((taskDefinitionJsonSchema().definitions as Record<string, JsonSchema>).taskDefinition, '');
    expect(found.length).toBeGreaterThanOrEqual(taskDefinitionSnippets.length + 8);
  });
});

describe('snippets', () => {
  it('have unique ids and families', () => {
    expect(new Set(taskDefinitionSnippets.map((s) => s.id)).size).toBe(taskDefinitionSnippets.length);
    expect(new Set(taskDefinitionSnippets.map((s) => s.definition.family)).size).toBe(taskDefinitionSnippets.length);
  });

  it('each registers as it is in a fresh simulation', () => {
    for (const s of taskDefinitionSnippets) {
      const sim = createSimulation();
      const td = sim.ecs.registerTaskDefinition(s.definition).taskDefinition!;
      expect([s.id, td.status, td.revision]).toEqual([s.id, 'ACTIVE', 1]);
    }
  });

  it('the Fargate ones are Fargate-compatible and the bridge one uses dynamic host ports', () => {
    const sim = createSimulation();
    for (const s of taskDefinitionSnippets.filter((x) => x.definition.requiresCompatibilities?.includes('FARGATE'))) {
      expect(sim.ecs.registerTaskDefinition(s.definition).taskDefinition!.compatibilities).toContain('FARGATE');
    }
    const bridge = taskDefinitionSnippets.find((s) => s.id === 'ec2-bridge-dynamic-ports')!;
    const td = sim.ecs.registerTaskDefinition(bridge.definition).taskDefinition!;
    expect(td.containerDefinitions![0].portMappings).toEqual([{ containerPort: 80, hostPort: 0, protocol: 'tcp' }]);
  });
});
