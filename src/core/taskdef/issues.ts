/** Problems found in a task definition: errors (ECS would refuse it) and warnings (ECS accepts it). */

/** A problem located in the source text. `path` is a JSON pointer; line and column are 1-based. */
export interface Issue {
  path: string;
  message: string;
  line: number;
  column: number;
  /** The ECS exception registerTaskDefinition throws for this error (errors only). */
  code?: IssueCode;
}

export type IssueCode = 'ClientException' | 'InvalidParameterException';

/** A problem on an already-parsed object (no source text, so no line or column). */
export interface ObjectIssue {
  path: string;
  message: string;
  code?: IssueCode;
  /** Point at the member's key rather than its value (unknown or output-only members). */
  at?: 'key';
}
