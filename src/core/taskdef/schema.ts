/**
 * The JSON Schema the editor uses, generated from the one field catalogue (fields.ts). Draft-07, in
 * the dialect Monaco's JSON language service reads: `description` and `markdownDescription` for
 * hovers, `enum`, `minimum`/`maximum`, `default`, and `defaultSnippets` for completions.
 *
 * It accepts a RegisterTaskDefinition body, and also DescribeTaskDefinition output pasted as it is,
 * either bare or wrapped (`{"taskDefinition": {...}, "tags": [...]}`): the output-only members are
 * known to the schema so they draw no false errors (the validator warns about them instead).
 */
import type { FieldSpec } from './fieldSpec';
import { COMPATIBILITIES, taskDefinitionFields } from './fields';
import { taskDefinitionSnippets } from './snippets';

/** A JSON Schema node; loose on purpose (Monaco's extensions are not in any standard type). */
export type JsonSchema = { [key: string]: unknown };

const CPU_EXAMPLES = ['256', '512', '1024', '1 vCPU', '2 vCPU'];
const MEMORY_EXAMPLES = ['512', '1024', '2048', '2 GB', '4 GB'];

function quote(v: unknown): string {
  return '`' + JSON.stringify(v) + '`';
}

/** Facts the catalogue states as data, spelled out for the hover. */
function facts(spec: FieldSpec): string[] {
  const out: string[] = [];
  switch (spec.kind) {
    case 'string':
      if (spec.enum) out.push(`Allowed: ${spec.enum.map(quote).join(', ')}.`);
      if (spec.default !== undefined) out.push(`Default: ${quote(spec.default)}.`);
      if (spec.minLength !== undefined && spec.maxLength !== undefined) out.push(`Length: ${spec.minLength}-${spec.maxLength} characters.`);
      else if (spec.maxLength !== undefined) out.push(`At most ${spec.maxLength} characters.`);
      break;
    case 'integer':
      if (spec.minimum !== undefined && spec.maximum !== undefined) out.push(`Range: ${spec.minimum}-${spec.maximum}.`);
      else if (spec.minimum !== undefined) out.push(`Minimum: ${spec.minimum}.`);
      else if (spec.maximum !== undefined) out.push(`Maximum: ${spec.maximum}.`);
      if (spec.default !== undefined) out.push(`Default: ${quote(spec.default)}.`);
      break;
    case 'boolean':
      if (spec.default !== undefined) out.push(`Default: ${quote(spec.default)}.`);
      break;
    case 'array':
      if (spec.maxItems !== undefined) out.push(`At most ${spec.maxItems} items.`);
      break;
    case 'object':
      if (spec.required && spec.required.length > 0) out.push(`Required: ${spec.required.map((r) => '`' + r + '`').join(', ')}.`);
      break;
    case 'cpuOrMemory':
      break;
  }
  return out;
}

function describe(spec: FieldSpec): JsonSchema {
  const extra = facts(spec).filter((f) => !spec.description.includes(f));
  return extra.length === 0
    ? { description: spec.description, markdownDescription: spec.description }
    : { description: spec.description, markdownDescription: `${spec.description}\n\n${extra.join(' ')}` };
}

/**
 * A member set to null is treated as absent (the validator drops it with a warning, as the AWS CLI
 * does), so the schema lets every object member be null.
 */
function nullable(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  const t = schema.type;
  out.type = Array.isArray(t) ? [...t, 'null'] : [t, 'null'];
  if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
  return out;
}

/** The schema node for one catalogue entry. `key` is the member name (picks cpu vs memory examples). */
export function fieldSchema(spec: FieldSpec, key = ''): JsonSchema {
  const base = describe(spec);
  switch (spec.kind) {
    case 'string': {
      const s: JsonSchema = { type: 'string', ...base };
      if (spec.enum) s.enum = [...spec.enum];
      if (spec.pattern !== undefined) s.pattern = spec.pattern;
      if (spec.minLength !== undefined) s.minLength = spec.minLength;
      if (spec.maxLength !== undefined) s.maxLength = spec.maxLength;
      if (spec.default !== undefined) s.default = spec.default;
      if (spec.examples) s.examples = [...spec.examples];
      return s;
    }
    case 'integer': {
      const s: JsonSchema = { type: 'integer', ...base };
      if (spec.minimum !== undefined) s.minimum = spec.minimum;
      if (spec.maximum !== undefined) s.maximum = spec.maximum;
      if (spec.default !== undefined) s.default = spec.default;
      return s;
    }
    case 'boolean': {
      const s: JsonSchema = { type: 'boolean', ...base };
      if (spec.default !== undefined) s.default = spec.default;
      return s;
    }
    case 'cpuOrMemory':
      // ECS documents strings; the validator also takes a plain integer and converts it.
      return { type: ['string', 'integer'], minimum: 0, ...base, examples: key === 'memory' ? MEMORY_EXAMPLES : CPU_EXAMPLES };
    case 'array': {
      const s: JsonSchema = { type: 'array', ...base, items: fieldSchema(spec.items, key) };
      if (spec.minItems !== undefined) s.minItems = spec.minItems;
      if (spec.maxItems !== undefined) s.maxItems = spec.maxItems;
      return s;
    }
    case 'object': {
      const properties: Record<string, JsonSchema> = {};
      for (const [name, child] of Object.entries(spec.properties)) properties[name] = nullable(fieldSchema(child, name));
      const s: JsonSchema = { type: 'object', ...base, properties };
      if (spec.required && spec.required.length > 0) s.required = [...spec.required];
      if (spec.additionalProperties !== undefined) {
        s.additionalProperties =
          typeof spec.additionalProperties === 'boolean' ? spec.additionalProperties : fieldSchema(spec.additionalProperties);
      }
      return s;
    }
  }
}

const OUTPUT_ONLY_NOTE =
  'Output only: DescribeTaskDefinition shows it, RegisterTaskDefinition does not take it. It is dropped (with a warning) when you apply this definition.';

/**
 * An output-only member: any value passes (the validator drops it before checking), the hover explains.
 * `shape` only documents what ECS puts there.
 */
const outputOnly = (what: string, shape: string): JsonSchema => ({
  description: `${what} ${OUTPUT_ONLY_NOTE}`,
  markdownDescription: `${what} (${shape})\n\n*${OUTPUT_ONLY_NOTE}*`,
});

/** Members DescribeTaskDefinition adds (reference §4.2). */
export function outputOnlyProperties(): Record<string, JsonSchema> {
  return {
    taskDefinitionArn: outputOnly('The ARN of this revision: arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>.', 'string'),
    revision: outputOnly('The revision number within the family, from 1; every registration adds one.', 'integer'),
    status: outputOnly('ACTIVE after registration, INACTIVE after deregistration, DELETE_IN_PROGRESS after DeleteTaskDefinitions.', 'string'),
    requiresAttributes: outputOnly(
      'Container-instance attributes ECS derived from the definition, such as ecs.capability.task-eni; EC2 placement only uses instances that have them.',
      'list of {name}',
    ),
    compatibilities: outputOnly(
      `The launch types the definition validated against: ${COMPATIBILITIES.join(', ')}.`,
      'list of strings',
    ),
    registeredAt: outputOnly('When this revision was registered.', 'timestamp'),
    registeredBy: outputOnly('The IAM principal that registered this revision.', 'ARN'),
    deregisteredAt: outputOnly('When this revision was deregistered.', 'timestamp'),
    deleteRequestedAt: outputOnly('When deletion of this revision was requested.', 'timestamp'),
  };
}

/** The RegisterTaskDefinition body, plus output-only members so pasted describe output is clean. */
function definitionSchema(): JsonSchema {
  const s = fieldSchema(taskDefinitionFields);
  s.properties = { ...(s.properties as Record<string, JsonSchema>), ...outputOnlyProperties() };
  s.defaultSnippets = taskDefinitionSnippets.map((snippet) => ({
    label: snippet.label,
    description: snippet.description,
    body: snippet.definition,
  }));
  addPartSnippets(s);
  return s;
}

/** Snippets for the parts learners add most often: a container, a port mapping, a health check. */
function addPartSnippets(definition: JsonSchema): void {
  const props = definition.properties as Record<string, JsonSchema>;
  const container = props.containerDefinitions.items as JsonSchema;
  container.defaultSnippets = [
    {
      label: 'Web container',
      description: 'An essential container publishing port 80.',
      body: { name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true, portMappings: [{ containerPort: 80, protocol: 'tcp' }] },
    },
    {
      label: 'Init container (runs to completion first)',
      description: 'Not essential; other containers can wait for it with dependsOn condition SUCCESS.',
      body: { name: 'init', image: 'public.ecr.aws/docker/library/busybox:1.36', essential: false, command: ['sh', '-c', 'echo ready'] },
    },
  ];
  const containerProps = container.properties as Record<string, JsonSchema>;
  (containerProps.portMappings.items as JsonSchema).defaultSnippets = [
    { label: 'Port 80/tcp', body: { containerPort: 80, protocol: 'tcp' } },
    { label: 'Dynamic host port (bridge)', description: 'hostPort 0: Docker picks a free port on the instance.', body: { containerPort: 8080, hostPort: 0, protocol: 'tcp' } },
  ];
  containerProps.healthCheck.defaultSnippets = [
    {
      label: 'HTTP health check',
      body: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
    },
  ];
  (containerProps.dependsOn.items as JsonSchema).defaultSnippets = [
    { label: 'Wait for a container to be HEALTHY', body: { containerName: 'proxy', condition: 'HEALTHY' } },
    { label: 'Wait for a container to exit 0', body: { containerName: 'init', condition: 'SUCCESS' } },
  ];
  containerProps.logConfiguration.defaultSnippets = [
    {
      label: 'awslogs (CloudWatch Logs)',
      description: 'Needs an executionRoleArn on Fargate.',
      body: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } },
    },
  ];
}

/**
 * The editor's schema. A document is DescribeTaskDefinition output when it has an object member
 * `taskDefinition` and neither `family` nor `containerDefinitions` beside it (the validator's rule);
 * then the member is checked as a task definition. Otherwise the document itself is one.
 */
export function taskDefinitionJsonSchema(): JsonSchema {
  const tags = fieldSchema(taskDefinitionFields.properties.tags, 'tags');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Amazon ECS task definition',
    definitions: { taskDefinition: definitionSchema() },
    if: {
      type: 'object',
      required: ['taskDefinition'],
      properties: { taskDefinition: { type: 'object' } },
      not: { anyOf: [{ required: ['family'] }, { required: ['containerDefinitions'] }] },
    },
    then: {
      type: 'object',
      description: 'DescribeTaskDefinition output. The task definition inside is what gets registered.',
      properties: {
        taskDefinition: { $ref: '#/definitions/taskDefinition' },
      },
      // `tags` beside the definition (describe --include TAGS) become its tags unless it has its own.
      if: { properties: { taskDefinition: { required: ['tags'] } } },
      then: { properties: { tags: { description: tags.description, markdownDescription: tags.markdownDescription } } },
      else: { properties: { tags } },
    },
    else: { $ref: '#/definitions/taskDefinition' },
  };
}
