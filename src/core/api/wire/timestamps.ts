/**
 * Timestamps on the wire. AWS JSON 1.1 sends them as epoch seconds (numbers, with a fraction when
 * needed); the facade takes and returns `Date` objects, as the AWS SDK for JavaScript does.
 */

/**
 * Request members that are timestamps, by operation, as paths: `a.b` is member `b` of structure `a`,
 * `a[]` every element of list `a`. Taken from the ECS API model; a test derives the same table from
 * the SDK's schemas, so it cannot drift.
 */
export const REQUEST_TIMESTAMP_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  ListDaemonDeployments: ['createdAt.after', 'createdAt.before'],
  ListServiceDeployments: ['createdAt.after', 'createdAt.before'],
  SubmitTaskStateChange: ['executionStoppedAt', 'pullStartedAt', 'pullStoppedAt'],
};

/** Replaces epoch-second numbers at the operation's timestamp members with `Date`s, in place. */
export function decodeRequestTimestamps(operation: string, request: Record<string, unknown>): void {
  for (const path of REQUEST_TIMESTAMP_MEMBERS[operation] ?? []) convertAt(request, path.split('.'));
}

function convertAt(node: unknown, steps: string[]): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  const obj = node as Record<string, unknown>;
  const [step, ...rest] = steps;
  const isList = step.endsWith('[]');
  const key = isList ? step.slice(0, -2) : step;
  if (!Object.hasOwn(obj, key)) return;
  const value = obj[key];
  if (isList) {
    if (!Array.isArray(value)) return;
    if (rest.length === 0) value.forEach((v, i) => (value[i] = toDate(v)));
    else for (const v of value) convertAt(v, rest);
  } else if (rest.length === 0) obj[key] = toDate(value);
  else convertAt(value, rest);
}

function toDate(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(Math.round(value * 1000)) : value;
}

/** Why a response could not be put on the wire (a bug in the simulation, answered as ServerException). */
export class WireEncodingError extends Error {
  override name = 'WireEncodingError';
}

/**
 * The response object as JSON text: `Date` → epoch seconds, `undefined` members left out. Anything
 * JSON cannot carry (NaN, functions, class instances other than Date) is a bug and throws.
 */
export function encodeResponse(value: unknown): string {
  return JSON.stringify(toWire(value, []));
}

/** `path` holds the member names down to `value`; it is only joined when something is wrong. */
function toWire(value: unknown, path: (string | number)[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new WireEncodingError(`${where(path)} is ${value}`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          out[i] = value[i] === undefined ? null : toWire(value[i], path);
          path.pop();
        }
        return out;
      }
      if (value instanceof Date) {
        const ms = value.getTime();
        if (!Number.isFinite(ms)) throw new WireEncodingError(`${where(path)} is an invalid Date`);
        return ms / 1000;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new WireEncodingError(`${where(path)} is not plain data`);
      // no prototype: a member named __proto__ stays a member instead of setting the prototype
      const out: Record<string, unknown> = Object.create(null);
      for (const key in value) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        path.push(key);
        out[key] = toWire(v, path);
        path.pop();
      }
      return out;
    }
    default:
      throw new WireEncodingError(`${where(path)} is a ${typeof value}`);
  }
}

function where(path: readonly (string | number)[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}
