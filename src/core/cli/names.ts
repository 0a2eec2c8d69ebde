/**
 * Names on the AWS CLI's command line: operations and request members in kebab case, the way the
 * CLI derives them from the API model (acronyms stay together: enableECSManagedTags →
 * enable-ecs-managed-tags; a pluralised acronym at the end keeps its s: clusterARNs → cluster-arns).
 */

export function kebabName(name: string): string {
  let s = name;
  const plural = /[A-Z]{2,}s$/.exec(s);
  if (plural) s = s.slice(0, -plural[0].length) + '-' + plural[0].toLowerCase();
  s = s.replace(/(.)([A-Z][a-z]+)/g, '$1-$2');
  s = s.replace(/([a-z0-9])([A-Z])/g, '$1-$2');
  return s.toLowerCase();
}

/** `RunTask` → `run-task` */
export function commandName(wireOperation: string): string {
  return kebabName(wireOperation);
}
