/**
 * Every queue-entry handler of the core, by kind. Each area adds its table here; keeping one explicit
 * table (instead of registration on import) makes the set of handlers obvious and import order irrelevant.
 */
import type { HandlerTable } from './engine/kernel';
import { actorHandlers } from './machines/driver';
import { machines } from './machines/registry';
import { instanceHandlers } from './infra/launch';
import { taskHandlers } from './tasks/handlers';
import { schedulerHandlers } from './scheduler/handlers';
import { capacityHandlers } from './capacity/handlers';
import { scriptHandlers } from './script/handlers';
import { autoscalingHandlers } from './autoscaling/handlers';
import { elbHandlers } from './elb/handlers';
import { codeDeployHandlers } from './codedeploy/handlers';

export const handlers: HandlerTable = {
  ...actorHandlers(machines),
  ...instanceHandlers,
  ...taskHandlers,
  ...schedulerHandlers,
  ...capacityHandlers,
  ...scriptHandlers,
  ...autoscalingHandlers,
  ...elbHandlers,
  ...codeDeployHandlers,
};
