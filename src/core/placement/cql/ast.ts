/**
 * The cluster query language's syntax tree (reference §5.5) and the tables of subjects and operators.
 * Plain JSON: a parsed expression can be stored, compared and sent to a worker.
 */

/** Operators by their word form; the symbol forms are aliases (see OPERATOR_SYMBOLS). */
export type CqlOperator =
  | 'equals'
  | 'not_equals'
  | 'greater_than'
  | 'greater_than_equal'
  | 'less_than'
  | 'less_than_equal'
  | 'exists'
  | 'not_exists'
  | 'in'
  | 'not_in'
  | 'matches'
  | 'not_matches';

export type CqlSubjectKind = 'agentConnected' | 'agentVersion' | 'ec2InstanceId' | 'registeredAt' | 'runningTasksCount' | 'taskGroup' | 'attribute';

export type CqlSubject = { kind: Exclude<CqlSubjectKind, 'attribute'> } | { kind: 'attribute'; name: string };

export interface CqlCondition {
  type: 'condition';
  subject: CqlSubject;
  operator: CqlOperator;
  /** the literal argument (unquoted); absent for exists/not_exists and for lists */
  argument?: string;
  /** the argument list of in/not_in */
  list?: string[];
  /** 1-based column where the condition starts */
  column: number;
}

export type CqlExpr =
  | { type: 'or'; operands: CqlExpr[] }
  | { type: 'and'; operands: CqlExpr[] }
  | { type: 'not'; operand: CqlExpr }
  | CqlCondition;

/** A syntax error as a value: where, what the parser wanted there, and the full sentence. */
export interface CqlSyntaxError {
  column: number;
  expected: string;
  message: string;
}

export type CqlParseResult = { ok: true; expr: CqlExpr } | { ok: false; error: CqlSyntaxError };

/** Symbol aliases, longest first so that `>=` wins over `>`. `!in`/`!exists` need a word boundary. */
export const OPERATOR_SYMBOLS: readonly (readonly [string, CqlOperator])[] = [
  ['!exists', 'not_exists'],
  ['!in', 'not_in'],
  ['==', 'equals'],
  ['!=', 'not_equals'],
  ['>=', 'greater_than_equal'],
  ['<=', 'less_than_equal'],
  ['=~', 'matches'],
  ['!~', 'not_matches'],
  ['>', 'greater_than'],
  ['<', 'less_than'],
];

export const OPERATOR_WORDS: readonly CqlOperator[] = [
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'exists',
  'not_exists',
  'in',
  'not_in',
  'matches',
  'not_matches',
];

const EQUALITY: CqlOperator[] = ['equals', 'not_equals', 'in', 'not_in', 'matches', 'not_matches'];
const ORDERING: CqlOperator[] = ['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'];

/** Which operators each subject takes: the documented lists; task:group's is the playground's choice. */
export const SUBJECT_OPERATORS: Record<CqlSubjectKind, readonly CqlOperator[]> = {
  agentConnected: EQUALITY,
  agentVersion: ORDERING,
  ec2InstanceId: EQUALITY,
  registeredAt: ORDERING,
  runningTasksCount: ORDERING,
  taskGroup: [...EQUALITY, 'exists', 'not_exists'],
  attribute: OPERATOR_WORDS,
};

/** Subjects other than attribute:<name>, as written. */
export const FIXED_SUBJECTS: readonly (readonly [string, Exclude<CqlSubjectKind, 'attribute'>])[] = [
  ['agentConnected', 'agentConnected'],
  ['agentVersion', 'agentVersion'],
  ['ec2InstanceId', 'ec2InstanceId'],
  ['registeredAt', 'registeredAt'],
  ['runningTasksCount', 'runningTasksCount'],
  ['task:group', 'taskGroup'],
];

/** How a subject is written in the expression. */
export function subjectText(s: CqlSubject): string {
  if (s.kind === 'attribute') return `attribute:${s.name}`;
  return FIXED_SUBJECTS.find(([, k]) => k === s.kind)![0];
}

/** The operator's symbol alias if it has one, else its word. */
export function operatorText(op: CqlOperator): string {
  return OPERATOR_SYMBOLS.find(([, o]) => o === op)?.[0] ?? op;
}

/** Both spellings of each operator, for error messages: "==/equals, !=/not_equals, ...". */
export function operatorList(ops: readonly CqlOperator[]): string {
  return ops.map((op) => {
    const sym = OPERATOR_SYMBOLS.find(([, o]) => o === op)?.[0];
    return sym ? `${sym} or ${op}` : op;
  }).join(', ');
}

/** Writes an expression back as text (canonical spacing, symbol operators), e.g. for the explanation. */
export function formatExpr(e: CqlExpr): string {
  switch (e.type) {
    case 'or':
      return e.operands.map((o) => (o.type === 'or' ? `(${formatExpr(o)})` : formatExpr(o))).join(' or ');
    case 'and':
      return e.operands.map((o) => (o.type === 'or' ? `(${formatExpr(o)})` : formatExpr(o))).join(' and ');
    case 'not':
      return `not(${formatExpr(e.operand)})`;
    case 'condition': {
      const head = `${subjectText(e.subject)} ${operatorText(e.operator)}`;
      if (e.list) return `${head} [${e.list.map(quoteIfNeeded).join(', ')}]`;
      return e.argument === undefined ? head : `${head} ${quoteIfNeeded(e.argument)}`;
    }
  }
}

function quoteIfNeeded(v: string): string {
  return /^[^\s,()[\]'"]+$/.test(v) ? v : `'${v}'`;
}
