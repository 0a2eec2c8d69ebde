import { describe, expect, it } from 'vitest';
import { formatExpr } from './ast';
import { parseCql } from './parser';

function cond(text: string) {
  const r = parseCql(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

function err(text: string) {
  const r = parseCql(text);
  if (r.ok) throw new Error(`parsed: ${text}`);
  return r.error;
}

describe('cluster query language: operators and their aliases', () => {
  const pairs: [string, string, string][] = [
    ['==', 'equals', 'equals'],
    ['!=', 'not_equals', 'not_equals'],
    ['>', 'greater_than', 'greater_than'],
    ['>=', 'greater_than_equal', 'greater_than_equal'],
    ['<', 'less_than', 'less_than'],
    ['<=', 'less_than_equal', 'less_than_equal'],
    ['=~', 'matches', 'matches'],
    ['!~', 'not_matches', 'not_matches'],
  ];
  for (const [sym, word, op] of pairs) {
    it(`'${sym}' and '${word}' both parse to ${op}`, () => {
      expect(cond(`attribute:size ${sym} 4`)).toEqual({ type: 'condition', subject: { kind: 'attribute', name: 'size' }, operator: op, argument: '4', column: 1 });
      expect(cond(`attribute:size ${word} 4`)).toEqual({ type: 'condition', subject: { kind: 'attribute', name: 'size' }, operator: op, argument: '4', column: 1 });
    });
  }

  it("'exists' takes no argument; '!exists' and 'not_exists' are its negation", () => {
    expect(cond('attribute:stack exists')).toMatchObject({ operator: 'exists' });
    expect(cond('attribute:stack !exists')).toMatchObject({ operator: 'not_exists' });
    expect(cond('attribute:stack not_exists')).toMatchObject({ operator: 'not_exists' });
    expect(cond('attribute:stack exists').type === 'condition' && 'argument' in cond('attribute:stack exists')).toBe(false);
  });

  it("'in' / '!in' / 'not_in' take an argument list", () => {
    expect(cond('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]')).toMatchObject({ operator: 'in', list: ['us-east-1a', 'us-east-1b'] });
    expect(cond('attribute:ecs.availability-zone !in [us-east-1a]')).toMatchObject({ operator: 'not_in', list: ['us-east-1a'] });
    expect(cond('attribute:ecs.availability-zone not_in [us-east-1a,us-east-1c]')).toMatchObject({ operator: 'not_in', list: ['us-east-1a', 'us-east-1c'] });
  });

  it('operator words are case-insensitive', () => {
    expect(cond('attribute:a EQUALS b')).toMatchObject({ operator: 'equals' });
    expect(cond('attribute:a == b AND attribute:c == d')).toMatchObject({ type: 'and' });
  });
});

describe('cluster query language: subjects', () => {
  it('parses every documented subject', () => {
    expect(cond('agentConnected == true')).toMatchObject({ subject: { kind: 'agentConnected' } });
    expect(cond('agentVersion < 1.14.5')).toMatchObject({ subject: { kind: 'agentVersion' }, argument: '1.14.5' });
    expect(cond('attribute:ecs.instance-type == t2.small')).toMatchObject({ subject: { kind: 'attribute', name: 'ecs.instance-type' } });
    expect(cond("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']")).toMatchObject({ subject: { kind: 'ec2InstanceId' }, list: ['i-abcd1234', 'i-wxyx7890'] });
    expect(cond('registeredAt < 2018-02-13')).toMatchObject({ subject: { kind: 'registeredAt' } });
    expect(cond('runningTasksCount == 1')).toMatchObject({ subject: { kind: 'runningTasksCount' } });
    expect(cond('task:group == service:production')).toMatchObject({ subject: { kind: 'taskGroup' }, argument: 'service:production' });
  });

  it('accepts the four registeredAt date formats', () => {
    for (const d of ['2018-06-18T22:28:28+00:00', '2018-06-18T22:28:28Z', '2018-06-18T22:28:28', '2018-06-18']) {
      expect(parseCql(`registeredAt >= ${d}`).ok).toBe(true);
    }
  });
});

describe('cluster query language: compound expressions', () => {
  it('and binds tighter than or; parentheses override', () => {
    expect(formatExpr(cond('attribute:a == 1 or attribute:b == 2 and attribute:c == 3'))).toBe('attribute:a == 1 or attribute:b == 2 and attribute:c == 3');
    expect(cond('attribute:a == 1 or attribute:b == 2 and attribute:c == 3')).toMatchObject({ type: 'or', operands: [{ type: 'condition' }, { type: 'and' }] });
    expect(cond('(attribute:a == 1 or attribute:b == 2) and attribute:c == 3')).toMatchObject({ type: 'and', operands: [{ type: 'or' }, { type: 'condition' }] });
  });

  it("'&&', '||', '!' are the symbol forms of and, or, not", () => {
    expect(cond('attribute:a == 1 && attribute:b == 2')).toMatchObject({ type: 'and' });
    expect(cond('attribute:a == 1 || attribute:b == 2')).toMatchObject({ type: 'or' });
    expect(cond('!(task:group == database)')).toMatchObject({ type: 'not', operand: { subject: { kind: 'taskGroup' } } });
    expect(cond('not(task:group == database)')).toMatchObject({ type: 'not' });
    expect(cond('not attribute:a exists')).toMatchObject({ type: 'not' });
  });

  it('a pattern keeps its own parentheses and brackets without quotes', () => {
    expect(cond('attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d')).toMatchObject({
      type: 'and',
      operands: [{ operator: 'matches', argument: 'g2.*' }, { operator: 'not_equals', argument: 'us-east-1d', column: 41 }],
    });
    expect(cond('not(attribute:ecs.instance-type =~ (m5|c5)\\.[a-z]+)')).toMatchObject({ operand: { argument: '(m5|c5)\\.[a-z]+' } });
  });
});

describe('cluster query language: syntax errors name the column and what was expected', () => {
  it('an unknown subject', () => {
    expect(err('instanceType == t2.small')).toMatchObject({ column: 1, expected: expect.stringContaining('a subject') });
  });

  it('an operator the subject does not take', () => {
    const e = err('agentVersion in [1.0.0]');
    expect(e.column).toBe(14);
    expect(e.expected).toContain('an operator for agentVersion');
    expect(e.message).toBe(`Expected ${e.expected} at column 14, found 'in'.`);
  });

  it('a missing argument', () => {
    expect(err('attribute:a ==')).toMatchObject({ column: 15, expected: "an argument for '=='", message: "Expected an argument for '==' at column 15, found end of expression." });
  });

  it('a missing closing parenthesis', () => {
    expect(err('(attribute:a == b')).toMatchObject({ column: 18, expected: "')'" });
  });

  it('an unclosed list', () => {
    expect(err('attribute:a in [x, y')).toMatchObject({ column: 21, expected: "',' or ']'" });
  });

  it('in without a list', () => {
    expect(err('attribute:a in x')).toMatchObject({ column: 16, expected: "an argument list '[a, b, ...]' for 'in'" });
  });

  it('a bad date, count, version or pattern', () => {
    expect(err('registeredAt < 2018/02/13')).toMatchObject({ column: 16, expected: expect.stringContaining('a date like') });
    expect(err('registeredAt < 2018-02-30')).toMatchObject({ column: 16 });
    expect(err('runningTasksCount > many')).toMatchObject({ column: 21, expected: 'a whole number' });
    expect(err('agentVersion < latest')).toMatchObject({ column: 16, expected: 'an agent version like 1.14.5' });
    expect(err('attribute:a =~ (unclosed')).toMatchObject({ column: 16, expected: expect.stringContaining('a valid regular expression') });
  });

  it('trailing text after a complete expression', () => {
    expect(err('attribute:a == b c == d')).toMatchObject({ column: 18, expected: "'and', 'or', '&&', '||' or the end of the expression" });
  });

  it('an unterminated quote', () => {
    expect(err("attribute:a == 'abc")).toMatchObject({ column: 20, expected: "a closing '" });
  });

  it('an empty expression and one over 2000 characters', () => {
    expect(err('  ')).toMatchObject({ column: 1, message: 'The expression is empty.' });
    expect(err(`attribute:a == ${'x'.repeat(2000)}`)).toMatchObject({ message: 'The expression is longer than 2000 characters.' });
  });

  it('an attribute subject without a name', () => {
    expect(err('attribute: == x')).toMatchObject({ column: 11, expected: expect.stringContaining('an attribute name') });
  });
});
