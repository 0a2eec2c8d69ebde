/**
 * Derives the command line's input model from the ECS operation schemas of @aws-sdk/client-ecs.
 * Only tests and the writer script import this (the SDK stays out of the app bundle).
 */
import * as sdk from '@aws-sdk/client-ecs';
import { NormalizedSchema } from '@smithy/core/schema';
import type { InputModel, ShapeDef, ShapeRef } from './types';

/**
 * The SDK's schemas say "number" without telling integers from doubles; the ECS API model types
 * these members as Double (everything else numeric is Integer or Long).
 */
const DOUBLE_MEMBERS = new Set(['Scale.value', 'Resource.doubleValue']);

/** Lists and maps of scalars are numbers in the SDK's schemas and have no shape name. */
function anonymous(ns: NormalizedSchema): boolean {
  return typeof ns.getSchema() === 'number' || !ns.getName();
}

export function deriveInputModel(operations: readonly string[]): InputModel {
  const shapes: Record<string, ShapeDef> = {};
  const ops: Record<string, string> = {};
  const outputs: Record<string, string> = {};

  const refOf = (ns: NormalizedSchema, owner: string | undefined, memberName: string | undefined): ShapeRef => {
    if (ns.isDocumentSchema()) return 'document';
    if (ns.isTimestampSchema()) return 'timestamp';
    if (ns.isBooleanSchema()) return 'boolean';
    if (ns.isBlobSchema()) return 'blob';
    if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
      return owner && memberName && DOUBLE_MEMBERS.has(`${owner}.${memberName}`) ? 'double' : 'integer';
    }
    if (ns.isStringSchema()) return 'string';
    if (ns.isListSchema()) {
      const item = refOf(ns.getValueSchema(), undefined, undefined);
      const name = anonymous(ns) ? `List<${item}>` : ns.getName()!;
      if (!shapes[name]) shapes[name] = { list: item };
      return name;
    }
    if (ns.isMapSchema()) {
      const value = refOf(ns.getValueSchema(), undefined, undefined);
      const name = anonymous(ns) ? `Map<${value}>` : ns.getName()!;
      if (!shapes[name]) shapes[name] = { map: value };
      return name;
    }
    if (ns.isStructSchema()) {
      const name = ns.getName();
      if (!name) throw new Error('anonymous structure in the ECS model');
      if (shapes[name]) return name;
      const def: ShapeDef = { members: [], required: [] };
      shapes[name] = def;
      const raw = ns.getSchema() as unknown as unknown[];
      const requiredCount = typeof raw[6] === 'number' ? raw[6] : 0;
      let i = 0;
      for (const [k, m] of ns.structIterator()) {
        def.members.push([k, refOf(m, name, k)]);
        if (i++ < requiredCount) def.required.push(k);
      }
      return name;
    }
    throw new Error(`unsupported schema ${ns.getName(true)}`);
  };

  for (const op of [...operations].sort()) {
    const schema = (sdk as unknown as Record<string, unknown>)[`${op}$`];
    if (!Array.isArray(schema) || schema[0] !== 9) throw new Error(`No operation schema for ${op}`);
    const input = NormalizedSchema.of(schema[4] as never);
    ops[op] = refOf(input, undefined, undefined);
    outputs[op] = refOf(NormalizedSchema.of(schema[5] as never), undefined, undefined);
  }
  const sorted: Record<string, ShapeDef> = {};
  for (const k of Object.keys(shapes).sort()) sorted[k] = shapes[k];
  const served = new Set(operations);
  const unsimulated = Object.keys(sdk)
    .filter((k) => k.endsWith('Command') && k !== '$Command')
    .map((k) => k.slice(0, -'Command'.length))
    .filter((k) => !served.has(k))
    .sort();
  return { operations: ops, outputs, shapes: sorted, unsimulated };
}
