/**
 * ECS operation names on the wire (PascalCase, as in `X-Amz-Target` and the API reference) and in
 * the facade (lowerCamelCase, as `sim.ecs.*` and the SDK's aggregated client name them).
 */

/** `CreateCluster` → `createCluster` */
export function facadeName(wireName: string): string {
  return wireName.charAt(0).toLowerCase() + wireName.slice(1);
}

/** `createCluster` → `CreateCluster` */
export function wireName(facadeName: string): string {
  return facadeName.charAt(0).toUpperCase() + facadeName.slice(1);
}

/** A wire operation name is PascalCase letters only, as every ECS operation is. */
export function isWireName(name: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(name);
}
