/**
 * The JSON Schema (draft-07) of a scenario file, for the editor (hovers, completion, squiggles) and
 * for the loader, which checks the same schema (schemaCheck.ts) before the checks a schema cannot
 * express (validate.ts). Request objects (clusters, task definitions, services, ECS inputs) are left
 * open here: ECS itself judges them when the scenario starts.
 */
export type JsonSchema = { [key: string]: unknown };

const text: JsonSchema = {
  type: 'object',
  description: 'Text in English (`en`) and Korean (`ko`). Keep ECS terms (task, service, capacity provider, statuses) in English in both.',
  required: ['en'],
  additionalProperties: false,
  properties: {
    en: { type: 'string', minLength: 1, maxLength: 4000 },
    ko: { type: 'string', minLength: 1, maxLength: 4000 },
  },
};

const request: JsonSchema = { type: 'object', description: 'An AWS request object, as the ECS API takes it.' };

const selector: JsonSchema = {
  type: 'object',
  description: 'Picks one task when the action fires: the oldest match first, `index` for another.',
  additionalProperties: false,
  properties: {
    cluster: { type: 'string' },
    service: { type: 'string', description: 'tasks of this service (group `service:<name>`)' },
    group: { type: 'string' },
    family: { type: 'string' },
    capacityProvider: { type: 'string' },
    launchType: { type: 'string', enum: ['EC2', 'FARGATE', 'EXTERNAL'] },
    instance: { type: 'string', description: 'a setup instance ref' },
    lastStatus: { type: 'string', description: 'default RUNNING' },
    index: { type: 'integer', minimum: 0, maximum: 10000 },
  },
};

const FAULTS = ['disconnectAgent', 'reconnectAgent', 'crashContainer', 'failHealthCheck', 'interruptSpot', 'makeImageUnpullable', 'makeImagePullable', 'setLoad', 'setHookAnswer'];

const actionProperties: JsonSchema = {
  ecs: { type: 'string', description: 'An ECS write operation in lowerCamelCase, e.g. `updateService`; its request goes in `input`.', pattern: '^[a-z][A-Za-z]*$' },
  applicationAutoScaling: {
    type: 'string',
    description: 'An Application Auto Scaling write operation, e.g. `registerScalableTarget`, `putScalingPolicy`; its request (PascalCase members) goes in `input`.',
    pattern: '^[a-z][A-Za-z]*$',
  },
  codedeploy: {
    type: 'string',
    description: 'A CodeDeploy write operation, e.g. `createDeployment`, `stopDeployment`, `continueDeployment`; its request goes in `input`.',
    pattern: '^[a-z][A-Za-z]*$',
  },
  infra: { type: 'string', enum: ['launchInstances', 'terminateInstance', 'setDesiredCapacity', 'updateAutoScalingGroup'] },
  fault: { type: 'string', enum: FAULTS },
  input: { type: 'object', description: 'The request. Placeholders: `{"$subnets": true}`, `{"$instance": "ref"}`, `{"$containerInstance": "ref"}`, `{"$task": {selector}}`.' },
  instance: { type: 'string', description: 'A setup instance ref (`web`, `web[1]`).' },
  task: selector,
  container: { type: 'string' },
  exitCode: { type: 'integer', minimum: 0, maximum: 255 },
  image: { type: 'string' },
  forSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 86400 },
  note: { type: 'string', maxLength: 200 },
};

const comparison: JsonSchema = {
  equals: { type: 'integer', minimum: 0 },
  atLeast: { type: 'integer', minimum: 0 },
  atMost: { type: 'integer', minimum: 0 },
};

const scalar = { type: ['string', 'number', 'boolean'] };

/** Members each goal type takes (besides `type`), and which are required. */
export const GOAL_TYPES: Record<string, { properties: JsonSchema; required: string[]; description: string }> = {
  serviceTasks: {
    description: 'How many tasks of a service are in a status now (default RUNNING), optionally on one revision / launch type / capacity provider.',
    properties: { cluster: { type: 'string' }, service: { type: 'string' }, lastStatus: { type: 'string' }, revision: { type: 'integer', minimum: 1 }, launchType: { type: 'string' }, capacityProvider: { type: 'string' }, ...comparison },
    required: ['cluster', 'service'],
  },
  serviceField: {
    description: 'A member of DescribeServices output by JSON pointer (`/deploymentConfiguration/maximumPercent`), equal to `is` or compared.',
    properties: { cluster: { type: 'string' }, service: { type: 'string' }, pointer: { type: 'string', pattern: '^(/.*)?$' }, is: scalar, ...comparison },
    required: ['cluster', 'service', 'pointer'],
  },
  deploymentCompleted: {
    description: 'The service has exactly one deployment, PRIMARY and COMPLETED (optionally on a revision).',
    properties: { cluster: { type: 'string' }, service: { type: 'string' }, revision: { type: 'integer', minimum: 1 } },
    required: ['cluster', 'service'],
  },
  distinctInstances: {
    description: 'No two RUNNING tasks of the group share a container instance.',
    properties: { cluster: { type: 'string' }, group: { type: 'string' } },
    required: ['cluster', 'group'],
  },
  tasksOnAttribute: {
    description: "Every RUNNING task of the group runs on an instance whose attribute's value is in the list.",
    properties: { cluster: { type: 'string' }, group: { type: 'string' }, attribute: { type: 'string' }, in: { type: 'array', items: { type: 'string' }, minItems: 1 } },
    required: ['cluster', 'group', 'attribute', 'in'],
  },
  spread: {
    description: 'RUNNING tasks of the group are spread over the values of an attribute (or `instanceId`) with at most `maxDifference` between the fullest and the emptiest value.',
    properties: { cluster: { type: 'string' }, group: { type: 'string' }, attribute: { type: 'string' }, maxDifference: { type: 'integer', minimum: 0 } },
    required: ['cluster', 'group', 'attribute', 'maxDifference'],
  },
  instancesUsed: {
    description: 'How many container instances the RUNNING tasks (of a group) occupy.',
    properties: { cluster: { type: 'string' }, group: { type: 'string' }, ...comparison },
    required: ['cluster'],
  },
  daemonOnEveryInstance: {
    description: 'A DAEMON service runs a task on every ACTIVE container instance.',
    properties: { cluster: { type: 'string' }, service: { type: 'string' } },
    required: ['cluster', 'service'],
  },
  taskDefinitionField: {
    description: 'A member of the latest ACTIVE revision (DescribeTaskDefinition) by JSON pointer; `[name=app]` picks a container.',
    properties: { family: { type: 'string' }, pointer: { type: 'string', pattern: '^(/.*)?$' }, is: scalar, exists: { type: 'boolean' } },
    required: ['family', 'pointer'],
  },
  containerInstance: {
    description: 'The container instance a setup instance registered as has this status / agentConnected / runningTasksCount.',
    properties: { instance: { type: 'string' }, status: { type: 'string' }, agentConnected: { type: 'boolean' }, runningTasksCount: { type: 'integer', minimum: 0 } },
    required: ['instance'],
  },
  runningNeverBelow: {
    description: 'From the event log: once the service had `min` RUNNING tasks (or from `afterSeconds`), it never had fewer.',
    properties: { cluster: { type: 'string' }, service: { type: 'string' }, min: { type: 'integer', minimum: 0 }, afterSeconds: { type: 'number', minimum: 0 } },
    required: ['cluster', 'service', 'min'],
  },
  rollbackHappened: {
    description: 'From the service events: the service rolled back to an earlier deployment.',
    properties: { cluster: { type: 'string' }, service: { type: 'string' } },
    required: ['cluster', 'service'],
  },
  serviceEventSeen: {
    description: 'From the service events: some event message contains this text.',
    properties: { cluster: { type: 'string' }, service: { type: 'string' }, contains: { type: 'string', minLength: 1 } },
    required: ['cluster', 'service', 'contains'],
  },
  tasksStopped: {
    description: 'From the event log: how many tasks reached STOPPED (by group, stopCode, reason text).',
    properties: { cluster: { type: 'string' }, group: { type: 'string' }, stopCode: { type: 'string' }, reasonContains: { type: 'string' }, ...comparison },
    required: ['cluster'],
  },
  costPerHour: {
    description: "The playground's cost meter: what runs now costs per hour (USD), for everything or one cluster, service or capacity provider, is below a figure.",
    properties: { cluster: { type: 'string' }, service: { type: 'string' }, capacityProvider: { type: 'string' }, below: { type: 'number', exclusiveMinimum: 0 } },
    required: ['below'],
  },
  not: { description: 'Passes when the inner goal fails.', properties: { goal: { $ref: '#/definitions/goal' } }, required: ['goal'] },
  allOf: { description: 'Passes when every inner goal passes.', properties: { goals: { type: 'array', items: { $ref: '#/definitions/goal' }, minItems: 1 } }, required: ['goals'] },
  anyOf: { description: 'Passes when one inner goal passes.', properties: { goals: { type: 'array', items: { $ref: '#/definitions/goal' }, minItems: 1 } }, required: ['goals'] },
};

const goal: JsonSchema = {
  type: 'object',
  description: 'A check over the simulation. `type` picks one of the vocabulary (docs/scenarios.md).',
  required: ['type'],
  properties: { type: { type: 'string', enum: Object.keys(GOAL_TYPES) } },
  allOf: Object.entries(GOAL_TYPES).map(([name, spec]) => ({
    if: { properties: { type: { const: name } }, required: ['type'] },
    then: {
      description: spec.description,
      properties: { type: { const: name }, ...spec.properties },
      required: spec.required,
      additionalProperties: false,
    },
  })),
};

export const scenarioJsonSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ecs-playground.invalid/schemas/scenario.json',
  title: 'ECS Playground scenario',
  type: 'object',
  required: ['id', 'kind', 'title', 'description', 'seed', 'durationSeconds', 'setup'],
  additionalProperties: false,
  definitions: { text, goal },
  properties: {
    $schema: { type: 'string' },
    format: { const: 'ecs-playground/scenario' },
    version: { const: 1 },
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'Lowercase letters, digits and dashes.' },
    kind: { type: 'string', enum: ['demo', 'exercise'], description: '`exercise` scenarios have goals, hints and a solution.' },
    title: { $ref: '#/definitions/text' },
    description: { $ref: '#/definitions/text' },
    seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
    timingProfile: { type: 'string', enum: ['realistic', 'fast'], default: 'realistic' },
    durationSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 604800, description: 'How long the scenario runs to its end, after the warm-up.' },
    tags: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 10 },
    setup: {
      type: 'object',
      required: ['clusters'],
      additionalProperties: false,
      properties: {
        clusters: { type: 'array', items: request, minItems: 1, maxItems: 5, description: 'CreateCluster requests.' },
        autoScalingGroups: { type: 'array', items: request, maxItems: 5, description: 'sim.infra.createAutoScalingGroup requests.' },
        capacityProviders: { type: 'array', items: request, maxItems: 5, description: 'CreateCapacityProvider requests; `{"$autoScalingGroupArn": "<group name>"}` names a setup group.' },
        clusterCapacityProviders: { type: 'array', items: request, maxItems: 5, description: 'PutClusterCapacityProviders requests.' },
        instances: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            required: ['cluster', 'instanceType'],
            additionalProperties: false,
            properties: {
              ref: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'Name for the script, solution and goals: `ref` is the first instance, `ref[1]` the second.' },
              cluster: { type: 'string' },
              instanceType: { type: 'string' },
              count: { type: 'integer', minimum: 1, maximum: 50 },
              availabilityZone: { type: 'string' },
            },
          },
        },
        taskDefinitions: { type: 'array', items: request, maxItems: 20, description: 'RegisterTaskDefinition requests.' },
        targetGroups: { type: 'array', items: request, maxItems: 10, description: 'sim.elbv2 CreateTargetGroup requests (PascalCase members).' },
        loadBalancers: { type: 'array', items: request, maxItems: 5, description: 'sim.elbv2 CreateLoadBalancer requests.' },
        listeners: {
          type: 'array',
          items: request,
          maxItems: 10,
          description: 'sim.elbv2 CreateListener requests; `{"$loadBalancer": "<name>"}` and `{"$targetGroup": "<name>"}` name setup ones.',
        },
        services: {
          type: 'array',
          items: request,
          maxItems: 20,
          description: 'CreateService requests (placeholders allowed, also `{"$targetGroup": "<name>"}` and `{"$listenerRule": {"loadBalancer": "<name>", "port": 80}}`).',
        },
        tasks: { type: 'array', items: request, maxItems: 20, description: 'RunTask requests (placeholders allowed).' },
        codeDeployApplications: { type: 'array', items: request, maxItems: 5, description: 'sim.codedeploy CreateApplication requests, made after the services.' },
        deploymentGroups: {
          type: 'array',
          items: request,
          maxItems: 5,
          description: 'sim.codedeploy CreateDeploymentGroup requests, made after the applications; `{"$listener": {"loadBalancer": "<name>", "port": 80}}` names a setup listener.',
        },
        servicesAtSeconds: { type: 'number', minimum: 0, maximum: 3600, description: 'When services and tasks are created (default 90 when the setup launches instances, so their agents have registered; else 0).' },
        warmUpSeconds: { type: 'number', minimum: 0, maximum: 86400, description: 'Run the clock this long after the services exist, before the learner takes over.' },
      },
    },
    script: {
      type: 'array',
      maxItems: 200,
      description: 'Actions at virtual times (seconds after the warm-up).',
      items: { type: 'object', required: ['at'], additionalProperties: false, properties: { at: { type: 'number', minimum: 0, maximum: 604800 }, ...actionProperties } },
    },
    goals: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['id', 'title', 'check'],
        additionalProperties: false,
        properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }, title: { $ref: '#/definitions/text' }, check: { $ref: '#/definitions/goal' } },
      },
    },
    hints: { type: 'array', items: { $ref: '#/definitions/text' }, maxItems: 10 },
    solution: {
      type: 'object',
      required: ['steps'],
      additionalProperties: false,
      properties: {
        explanation: { $ref: '#/definitions/text' },
        steps: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: { type: 'object', additionalProperties: false, properties: { after: { type: 'number', minimum: 0, maximum: 86400 }, ...actionProperties } },
        },
      },
    },
  },
};
