/** The three exports of what the learner built, each with its file name and media type. */
import type { Simulation } from '../../core';
import { cliScriptOf, cloudFormationJson, taskDefinitionsJson } from '../../core/export';
import { recipeOf } from '../../core';
import { toCliCommand } from '../../core/cli';

export const EXPORT_KINDS = ['taskDefinitions', 'cli', 'cloudformation'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

export function exportFile(kind: ExportKind, sim: Simulation): ExportFile {
  switch (kind) {
    case 'taskDefinitions':
      return { name: 'task-definitions.json', type: 'application/json', text: taskDefinitionsJson(sim) };
    case 'cli':
      return { name: 'ecs-playground-commands.sh', type: 'text/x-shellscript', text: cliScriptOf(recipeOf(sim), toCliCommand) };
    case 'cloudformation':
      return { name: 'ecs-playground.template.json', type: 'application/json', text: cloudFormationJson(sim) };
  }
}
