/**
 * The part of the ECS API model the command line needs: for every operation the playground serves,
 * the shape of its request, member by member. Derived from the schemas of @aws-sdk/client-ecs
 * (derive.ts) and committed as data (ecsInputModel.json), so the browser bundle carries no SDK.
 */

/** Scalar types, as the AWS CLI converts them from text. */
export type ScalarType = 'string' | 'integer' | 'double' | 'boolean' | 'timestamp' | 'blob' | 'document';

/** A shape reference: a scalar type name or the name of an entry in `shapes`. */
export type ShapeRef = ScalarType | string;

export type ShapeDef =
  /** a list of the referenced shape */
  | { list: ShapeRef }
  /** a map from strings to the referenced shape */
  | { map: ShapeRef }
  /** a structure: members in model order; `required` names the members the API requires */
  | { members: [string, ShapeRef][]; required: string[] };

export interface InputModel {
  /** PascalCase operation name → the name of its request structure in `shapes` */
  operations: Record<string, string>;
  /**
   * PascalCase operation name → its response structure: the CLI prints response members in the
   * model's order and leaves out members the model does not have.
   */
  outputs: Record<string, string>;
  shapes: Record<string, ShapeDef>;
  /** the other ECS operations (PascalCase): real, but not simulated by the playground */
  unsimulated: string[];
}

export const SCALAR_TYPES: readonly ScalarType[] = ['string', 'integer', 'double', 'boolean', 'timestamp', 'blob', 'document'];

export function isScalar(ref: ShapeRef): ref is ScalarType {
  return (SCALAR_TYPES as readonly string[]).includes(ref);
}
