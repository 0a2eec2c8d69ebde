/** JSON pointers (RFC 6901) and the AWS CLI's way of naming a parameter ("containerDefinitions[0].memory"). */

export type Segment = string | number;

export function toPointer(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) out += '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `containerDefinitions[0].healthCheck`, or `input` for the request itself, as the AWS CLI names them. */
export function paramName(segments: readonly Segment[]): string {
  if (segments.length === 0) return 'input';
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}
