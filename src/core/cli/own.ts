/** Sets an own, enumerable property, even for keys like `__proto__` (which plain assignment would not). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
