/** A scenario that loaded but cannot be started or solved as written (e.g. ECS refused a setup call). */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  /** JSON pointer of the part of the scenario that failed */
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.path = path;
  }
}
