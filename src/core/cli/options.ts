/**
 * The command-line options of each ECS operation, derived from its request shape: one option per
 * request member, named in kebab case, with the kind of value the CLI expects.
 */
import { ECS_INPUT_MODEL } from './model/ecsInputModel';
import { isScalar, type InputModel, type ShapeRef } from './model/types';
import { kebabName } from './names';

/**
 * How the CLI reads an option: `flag` booleans (--force / --no-force), one `scalar` word, a `list`
 * of scalar words, one `complex` word (structure or map: shorthand or JSON), or a `complexList`
 * (one shorthand word per element, or one JSON list).
 */
export type OptionKind = 'flag' | 'scalar' | 'list' | 'complex' | 'complexList';

export interface OptionSpec {
  /** without the leading dashes: `task-definition` */
  flag: string;
  member: string;
  ref: ShapeRef;
  required: boolean;
  kind: OptionKind;
  /** for flags: the option that sets false (`no-force`; the CLI renames a few) */
  negative: string;
}

/** Negative flags the AWS CLI renames (its argument-rename customisations for ECS). */
const NEGATIVE_RENAMES: Readonly<Record<string, string>> = {
  'enable-execute-command': 'disable-execute-command',
};

export interface OperationSpec {
  /** PascalCase, as on the wire: `RunTask` */
  wire: string;
  /** kebab case, as on the command line: `run-task` */
  command: string;
  inputShape: string;
  options: OptionSpec[];
}

export function kindOf(ref: ShapeRef, model: InputModel = ECS_INPUT_MODEL): OptionKind {
  if (ref === 'boolean') return 'flag';
  if (isScalar(ref)) return 'scalar';
  const def = model.shapes[ref];
  if ('list' in def) return isScalar(def.list) ? 'list' : 'complexList';
  return 'complex';
}

function buildSpecs(model: InputModel): Map<string, OperationSpec> {
  const specs = new Map<string, OperationSpec>();
  for (const [wire, inputShape] of Object.entries(model.operations)) {
    const def = model.shapes[inputShape];
    const members = 'members' in def ? def : { members: [], required: [] };
    const options = members.members.map(([member, ref]) => ({
      flag: kebabName(member),
      member,
      ref,
      required: members.required.includes(member),
      kind: kindOf(ref, model),
      negative: NEGATIVE_RENAMES[kebabName(member)] ?? `no-${kebabName(member)}`,
    }));
    specs.set(kebabName(wire), { wire, command: kebabName(wire), inputShape, options });
  }
  return specs;
}

const SPECS = buildSpecs(ECS_INPUT_MODEL);

/** The operation behind a command name (`run-task`), if the playground simulates it. */
export function operationSpec(command: string): OperationSpec | undefined {
  return SPECS.get(command);
}

export function operationSpecs(): OperationSpec[] {
  return [...SPECS.values()].sort((a, b) => a.command.localeCompare(b.command));
}

/** Command names of real ECS operations the playground does not simulate. */
export function unsimulatedCommands(): string[] {
  return ECS_INPUT_MODEL.unsimulated.map(kebabName).sort();
}

/** List operations the CLI pages through on its own, with the member that holds the results. */
export const PAGINATED: Readonly<Record<string, string>> = {
  ListClusters: 'clusterArns',
  ListContainerInstances: 'containerInstanceArns',
  ListTaskDefinitions: 'taskDefinitionArns',
  ListTaskDefinitionFamilies: 'families',
  ListTasks: 'taskArns',
  ListServices: 'serviceArns',
  ListAttributes: 'attributes',
};
