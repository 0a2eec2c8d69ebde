/**
 * Every text the placement area shows: ECS failure reasons, service-event wordings, validation
 * errors for the API, cluster-query-language syntax errors, and the explanation's per-filter details.
 * The UI reads these from here; nothing else in src/core/placement spells out a sentence.
 */

/** Failure reasons RunTask/StartTask put in `failures[].reason` (reference §5.6). */
export const FailureReasons = {
  memberOf: 'MemberOf placement constraint unsatisfied.',
  /** UNVERIFIED: ECS documents no reason for distinctInstance; this mirrors the memberOf wording. */
  distinctInstance: 'DistinctInstance placement constraint unsatisfied.',
  location: 'LOCATION',
} as const;

/** The ECS service-event sentence for a task that could not be placed (reference §12.1, E2–E9). */
export const ServiceEvents = {
  noInstances: (service: string) =>
    `(service ${service}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.`,
  closest: (service: string, ciId: string, reason: string) => {
    const head = `(service ${service}) was unable to place a task because no container instance met all of its requirements.`;
    const tail = ' For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
    switch (reason) {
      case 'RESOURCE:CPU':
        return `${head} The closest matching (container-instance ${ciId}) has insufficient CPU units available.${tail}`;
      case 'RESOURCE:MEMORY':
        return `${head} The closest matching (container-instance ${ciId}) has insufficient memory available.${tail}`;
      case 'RESOURCE:PORTS':
      case 'RESOURCE:PORTS_UDP':
        return `${head} The closest matching (container-instance ${ciId}) is already using a port required by your task.${tail}`;
      case 'ATTRIBUTE':
        return `${head} The closest matching container-instance is missing an attribute required by your task.${tail}`;
      case FailureReasons.memberOf:
      case FailureReasons.distinctInstance:
        return `${head} The closest matching container-instance ${ciId} encountered error "${reason}".${tail}`;
      default:
        return `${head} The closest matching (container-instance ${ciId}) encountered error "${reason}".${tail}`;
    }
  },
} as const;

/** Texts of InvalidParameterException answers about placement parameters. UNVERIFIED wording. */
export const ValidationMessages = {
  tooManyConstraints: (n: number, max: number) =>
    `Too many placement constraints: ${n} given (task definition and request together); the maximum is ${max}.`,
  tooManyStrategies: (n: number, max: number) => `Too many placement strategies: ${n} given; the maximum is ${max}.`,
  constraintType: (t: string) => `Invalid placement constraint type '${t}'. Valid types are distinctInstance and memberOf.`,
  constraintTypeInTaskDefinition: (t: string) =>
    `Invalid placement constraint type '${t}' in a task definition. Only memberOf is allowed there.`,
  distinctWithExpression: 'A distinctInstance placement constraint cannot have an expression.',
  memberOfNeedsExpression: 'A memberOf placement constraint requires an expression.',
  expressionTooLong: (max: number) => `The placement constraint expression is longer than ${max} characters.`,
  expressionInvalid: (detail: string) => `Invalid placement constraint expression: ${detail}`,
  filterInvalid: (detail: string) => `Invalid filter expression: ${detail}`,
  strategyType: (t: string) => `Invalid placement strategy type '${t}'. Valid types are random, spread and binpack.`,
  binpackField: (f: string) => `Invalid field '${f}' for the binpack placement strategy. Valid fields are cpu and memory.`,
  spreadField: (f: string) =>
    `Invalid field '${f}' for the spread placement strategy. Use instanceId, host or attribute:<name>.`,
  spreadNeedsField: 'The spread placement strategy requires a field.',
  binpackNeedsField: 'The binpack placement strategy requires a field.',
  randomNoField: (f: string) => `The random placement strategy takes no field; '${f}' was given.`,
} as const;

/** Cluster-query-language syntax errors: `expected` names what the parser wanted at `column`. */
export const CqlMessages = {
  error: (column: number, expected: string, found: string) => `Expected ${expected} at column ${column}, found ${found}.`,
  found: (text: string) => (text === '' ? 'end of expression' : `'${text}'`),
  expected: {
    expression: "a subject (attribute:<name>, agentConnected, agentVersion, ec2InstanceId, registeredAt, runningTasksCount, task:group), '(', 'not' or '!'",
    operator: (subject: string, ops: string) => `an operator for ${subject} (${ops})`,
    argument: (op: string) => `an argument for '${op}'`,
    list: (op: string) => `an argument list '[a, b, ...]' for '${op}'`,
    listItem: 'a list item',
    listSeparator: "',' or ']'",
    closeParen: "')'",
    closeQuote: (q: string) => `a closing ${q}`,
    attributeName: 'an attribute name (letters, digits, -, _, /, .)',
    end: "'and', 'or', '&&', '||' or the end of the expression",
    date: 'a date like 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28 or 2018-06-18',
    count: 'a whole number',
    version: 'an agent version like 1.14.5',
    regex: (why: string) => `a valid regular expression (${why})`,
  },
  empty: 'The expression is empty.',
  tooLong: (max: number) => `The expression is longer than ${max} characters.`,
} as const;

/** fit.ts's details for each failed resource check, with the numbers. */
export const FitMessages = {
  notFound: 'container instance not found',
  status: (status: string) => `container instance is ${status}`,
  agent: (ec2InstanceId: string) => `agent on ${ec2InstanceId} is disconnected`,
  attribute: (want: string) => `needs attribute ${want}, which the instance does not have`,
  cpu: (need: number, free: number) => `needs ${need} CPU units, ${free} free`,
  memory: (need: number, free: number) => `needs ${need} MiB, ${free} free`,
  gpu: (need: number, free: number) => `needs ${need} GPU, ${free} free`,
  tcpTaken: (port: string) => `needs TCP host port ${port}, already reserved`,
  tcpTwice: 'the task maps one TCP host port twice',
  tooManyPorts: (max: number) => `would reserve more than ${max} host ports`,
  udpTaken: (port: string) => `needs UDP host port ${port}, already reserved`,
  udpTwice: 'the task maps one UDP host port twice',
  dynamicExhausted: (n: number) => `needs ${n} dynamic host ports, the ephemeral range is exhausted`,
  eni: (free: number) => `needs 1 network interface, ${free} free`,
} as const;

/** Per-instance details in a placement explanation (the "why not here?" column). */
export const ExplainMessages = {
  notActive: (status: string) => `container instance is ${status}; it takes no new tasks`,
  ec2NotRunning: (ec2Id: string, st: string) => `EC2 instance ${ec2Id} is ${st}`,
  location: (az: string, zones: readonly string[]) => `instance is in ${az}; the task's subnets are in ${zones.join(', ')}`,
  memberOf: (expression: string) => `does not match memberOf(${expression})`,
  distinctInstance: (group: string, n: number) => `already runs ${n} task${n === 1 ? '' : 's'} of group ${group}`,
  notCandidate: 'not among the container instances the request named',
  binpack: (field: 'cpu' | 'memory', left: number) => (field === 'cpu' ? `${left} CPU units left after placing` : `${left} MiB left after placing`),
  spread: (bucket: string, n: number) => `${n} task${n === 1 ? '' : 's'} of the group in ${bucket}`,
  spreadInstance: (n: number) => `${n} task${n === 1 ? '' : 's'} of the group on this instance`,
  missingAttribute: (name: string) => `(no ${name})`,
  random: 'drawn at random',
  randomLost: 'not drawn',
  tieBreak: 'tie after every strategy: the earliest registered instance wins',
  chosen: 'chosen',
} as const;

/** Scale-in explanation texts. */
export const ScaleInMessages = {
  defaultRule: 'no strategy: the AZ with the most tasks of the service, then the instance with the most tasks of the service',
  spread: (bucket: string, n: number) => `${n} task${n === 1 ? '' : 's'} of the group in ${bucket}`,
  binpack: (field: 'cpu' | 'memory', left: number) => (field === 'cpu' ? `${left} CPU units free after stopping` : `${left} MiB free after stopping`),
  random: 'drawn at random',
} as const;
