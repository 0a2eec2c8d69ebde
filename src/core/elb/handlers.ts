/** Queue handlers of the load balancer area. */
import type { HandlerTable } from '../engine/kernel';
import { targetHandlers } from './targets';

export const elbHandlers: HandlerTable = { ...targetHandlers };
