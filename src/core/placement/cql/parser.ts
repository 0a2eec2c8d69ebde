/**
 * Parses a cluster query language expression (reference §5.5) into a CqlExpr, once.
 *
 *   expr      := and (('or' | '||') and)*
 *   and       := unary (('and' | '&&') unary)*
 *   unary     := ('not' | '!') unary | '(' expr ')' | condition
 *   condition := subject operator [argument | '[' item (',' item)* ']']
 *
 * Keywords and operator words are case-insensitive; `not` binds tighter than `and`, which binds
 * tighter than `or`. Arguments are bare words or quoted with ' or ". A bare argument ends at white
 * space, at `&&`/`||`, or at a `)` (or, inside a list, `,`/`]`) it did not open itself, so a pattern
 * like `g2.*` or `(m5|c5)\..*` needs no quotes. Errors are values naming the 1-based column.
 */
import {
  FIXED_SUBJECTS,
  OPERATOR_SYMBOLS,
  OPERATOR_WORDS,
  SUBJECT_OPERATORS,
  operatorList,
  operatorText,
  subjectText,
  type CqlCondition,
  type CqlExpr,
  type CqlOperator,
  type CqlParseResult,
  type CqlSubject,
  type CqlSyntaxError,
} from './ast';
import { CqlMessages } from '../messages';
import { compilePattern, isCount, isVersion, parseCqlDate } from './values';

/** ECS's limit on a memberOf expression. */
export const MAX_EXPRESSION_LENGTH = 2000;

class Fail {
  constructor(readonly error: CqlSyntaxError) {}
}

const WORD_CHAR = /[A-Za-z0-9_]/;
const ATTR_CHAR = /[A-Za-z0-9\-_/.]/;

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(expected: string, at = this.pos): never {
    const found = CqlMessages.found(this.foundAt(at));
    throw new Fail({ column: at + 1, expected, message: CqlMessages.error(at + 1, expected, found) });
  }

  /** The token-ish text at `at`, for "found ..." in messages. */
  foundAt(at: number): string {
    const rest = this.text.slice(at);
    const m = /^(\S+?)(?=\s|$)/.exec(rest);
    const word = m ? m[1] : rest;
    return word.length > 20 ? `${word.slice(0, 20)}…` : word;
  }

  skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  atEnd(): boolean {
    this.skip();
    return this.pos >= this.text.length;
  }

  /** A case-insensitive keyword with a word boundary after it. */
  keyword(word: string): boolean {
    this.skip();
    const end = this.pos + word.length;
    if (this.text.slice(this.pos, end).toLowerCase() !== word) return false;
    if (end < this.text.length && WORD_CHAR.test(this.text[end])) return false;
    this.pos = end;
    return true;
  }

  symbol(sym: string): boolean {
    this.skip();
    if (!this.text.startsWith(sym, this.pos)) return false;
    this.pos += sym.length;
    return true;
  }

  parseExpr(): CqlExpr {
    const operands = [this.parseAnd()];
    while (this.keyword('or') || this.symbol('||')) operands.push(this.parseAnd());
    return operands.length === 1 ? operands[0] : { type: 'or', operands };
  }

  parseAnd(): CqlExpr {
    const operands = [this.parseUnary()];
    while (this.keyword('and') || this.symbol('&&')) operands.push(this.parseUnary());
    return operands.length === 1 ? operands[0] : { type: 'and', operands };
  }

  parseUnary(): CqlExpr {
    this.skip();
    if (this.keyword('not')) return { type: 'not', operand: this.parseUnary() };
    // `!` here is negation; `!=`, `!~`, `!in`, `!exists` only occur after a subject.
    if (this.text[this.pos] === '!' && !/^!(=|~)/.test(this.text.slice(this.pos))) {
      this.pos++;
      return { type: 'not', operand: this.parseUnary() };
    }
    if (this.symbol('(')) {
      const inner = this.parseExpr();
      if (!this.symbol(')')) this.fail(CqlMessages.expected.closeParen);
      return inner;
    }
    return this.parseCondition();
  }

  parseSubject(): CqlSubject {
    this.skip();
    const start = this.pos;
    const rest = this.text.slice(start);
    if (rest.toLowerCase().startsWith('attribute:')) {
      this.pos += 'attribute:'.length;
      const nameStart = this.pos;
      while (this.pos < this.text.length && ATTR_CHAR.test(this.text[this.pos])) this.pos++;
      const name = this.text.slice(nameStart, this.pos);
      if (name.length === 0 || name.length > 128) this.fail(CqlMessages.expected.attributeName, nameStart);
      return { kind: 'attribute', name };
    }
    for (const [written, kind] of FIXED_SUBJECTS) {
      const end = start + written.length;
      if (rest.slice(0, written.length).toLowerCase() === written.toLowerCase() && !(end < this.text.length && WORD_CHAR.test(this.text[end]))) {
        this.pos = end;
        return { kind };
      }
    }
    return this.fail(CqlMessages.expected.expression, start);
  }

  parseOperator(subject: CqlSubject): CqlOperator {
    this.skip();
    const at = this.pos;
    const allowed = SUBJECT_OPERATORS[subject.kind];
    let op: CqlOperator | undefined;
    for (const [sym, o] of OPERATOR_SYMBOLS) {
      if (!this.text.startsWith(sym, at)) continue;
      const end = at + sym.length;
      if (/[a-z]$/.test(sym) && end < this.text.length && WORD_CHAR.test(this.text[end])) continue;
      op = o;
      this.pos = end;
      break;
    }
    if (!op) {
      const m = /^[A-Za-z_]+/.exec(this.text.slice(at));
      const word = m?.[0].toLowerCase();
      if (word && (OPERATOR_WORDS as readonly string[]).includes(word)) {
        op = word as CqlOperator;
        this.pos = at + word.length;
      }
    }
    if (!op || !allowed.includes(op)) this.fail(CqlMessages.expected.operator(subjectText(subject), operatorList(allowed)), at);
    return op;
  }

  parseCondition(): CqlCondition {
    this.skip();
    const column = this.pos + 1;
    const subject = this.parseSubject();
    const operator = this.parseOperator(subject);
    if (operator === 'exists' || operator === 'not_exists') return { type: 'condition', subject, operator, column };
    this.skip();
    if (operator === 'in' || operator === 'not_in') {
      if (!this.symbol('[')) this.fail(CqlMessages.expected.list(operatorText(operator)));
      const list: string[] = [];
      for (;;) {
        this.skip();
        const at = this.pos;
        const item = this.parseValue(true);
        if (item === undefined) this.fail(CqlMessages.expected.listItem, at);
        this.checkArgument(subject, operator, item, at);
        list.push(item);
        if (this.symbol(',')) continue;
        if (this.symbol(']')) break;
        this.fail(CqlMessages.expected.listSeparator);
      }
      return { type: 'condition', subject, operator, list, column };
    }
    const at = this.pos;
    const argument = this.parseValue(false);
    if (argument === undefined) this.fail(CqlMessages.expected.argument(operatorText(operator)), at);
    this.checkArgument(subject, operator, argument, at);
    return { type: 'condition', subject, operator, argument, column };
  }

  /** A quoted or bare literal, or undefined when there is none here. */
  parseValue(inList: boolean): string | undefined {
    const q = this.text[this.pos];
    if (q === "'" || q === '"') {
      const close = this.text.indexOf(q, this.pos + 1);
      if (close < 0) this.fail(CqlMessages.expected.closeQuote(q), this.text.length);
      const v = this.text.slice(this.pos + 1, close);
      this.pos = close + 1;
      return v;
    }
    const start = this.pos;
    let paren = 0;
    let bracket = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (/\s/.test(c)) break;
      if (this.text.startsWith('&&', this.pos) || this.text.startsWith('||', this.pos)) break;
      if (c === '(') paren++;
      else if (c === ')') {
        if (paren === 0) break;
        paren--;
      } else if (c === '[') {
        if (inList) break;
        bracket++;
      } else if (c === ']') {
        if (bracket === 0) break;
        bracket--;
      } else if (c === ',' && inList && bracket === 0 && paren === 0) break;
      this.pos++;
    }
    return this.pos > start ? this.text.slice(start, this.pos) : undefined;
  }

  /** Arguments that must have a shape: dates, counts, versions, patterns. */
  checkArgument(subject: CqlSubject, operator: CqlOperator, value: string, at: number): void {
    if (operator === 'matches' || operator === 'not_matches') {
      const p = compilePattern(value);
      if (!p.ok) this.fail(CqlMessages.expected.regex(p.why), at);
      return;
    }
    if (subject.kind === 'registeredAt' && !parseCqlDate(value)) this.fail(CqlMessages.expected.date, at);
    if (subject.kind === 'runningTasksCount' && !isCount(value)) this.fail(CqlMessages.expected.count, at);
    if (subject.kind === 'agentVersion' && !isVersion(value)) this.fail(CqlMessages.expected.version, at);
  }
}

/** Parses `text`; never throws for a user's mistake. */
export function parseCql(text: string): CqlParseResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, error: { column: 1, expected: CqlMessages.expected.expression, message: CqlMessages.empty } };
  }
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, error: { column: MAX_EXPRESSION_LENGTH + 1, expected: CqlMessages.expected.end, message: CqlMessages.tooLong(MAX_EXPRESSION_LENGTH) } };
  }
  const p = new Parser(text);
  try {
    const expr = p.parseExpr();
    if (!p.atEnd()) p.fail(CqlMessages.expected.end);
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}
