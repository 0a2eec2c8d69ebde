/** Quotes a value for a POSIX shell command line the way a learner would type it. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_\-.,/:=@+%]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
