/** Queue handlers of the simulated CodeDeploy. */
import type { HandlerTable } from '../engine/kernel';
import { codeDeployHookHandlers } from './hooks';

export const codeDeployHandlers: HandlerTable = { ...codeDeployHookHandlers } as HandlerTable;
