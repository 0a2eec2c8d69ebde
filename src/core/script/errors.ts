/** Errors of `sim.script` (bad steps). Thrown at scheduling time, so nothing half-scheduled remains. */
export class ScriptError extends Error {
  override name = 'InvalidScriptStep';
}
