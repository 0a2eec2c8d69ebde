/**
 * The AppSpec of an ECS deployment, given as its JSON content (a string, or the object itself):
 * Resources[0].TargetService {Type AWS::ECS::Service, Properties {TaskDefinition, LoadBalancerInfo
 * {ContainerName, ContainerPort}, PlatformVersion?, NetworkConfiguration?, CapacityProviderStrategy?}}
 * and Hooks [{<event>: <Lambda function name or ARN>}] for the five hookable events. YAML is not
 * read (ours: the playground has no YAML parser; JSON is valid YAML, so the same file works on AWS).
 */
import { CodeDeployError, CodeDeployMessages } from './errors';
import { HOOKABLE_EVENTS, type AppSpecRecord, type LifecycleEventName } from './records';

const fail = (why: string): never => {
  throw new CodeDeployError('InvalidRevisionException', CodeDeployMessages.appSpec(why));
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A function name becomes the ARN of that function in the simulation's region and account. */
export function lambdaArn(nameOrArn: string, region: string, accountId: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : `arn:aws:lambda:${region}:${accountId}:function:${nameOrArn}`;
}

export function appSpecText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (isObject(content)) return JSON.stringify(content);
  return fail('appSpecContent.content must be the AppSpec as a JSON string.');
}

export function parseAppSpec(content: unknown, scope: { region: string; accountId: string }): AppSpecRecord {
  let doc: unknown = content;
  if (typeof content === 'string') {
    try {
      doc = JSON.parse(content);
    } catch {
      fail('the content is not JSON (the playground reads JSON AppSpecs only).');
    }
  }
  if (!isObject(doc)) return fail('the content must be an object.');
  const resources = doc.Resources;
  if (!Array.isArray(resources) || resources.length !== 1) return fail('Resources must list exactly one TargetService.');
  const target = isObject(resources[0]) ? resources[0].TargetService : undefined;
  if (!isObject(target)) return fail('Resources[0] must have a TargetService.');
  if (target.Type !== undefined && target.Type !== 'AWS::ECS::Service') fail("TargetService.Type must be 'AWS::ECS::Service'.");
  const p = target.Properties;
  if (!isObject(p)) return fail('TargetService.Properties is missing.');
  if (typeof p.TaskDefinition !== 'string' || p.TaskDefinition === '') fail('Properties.TaskDefinition is missing.');
  const lb = p.LoadBalancerInfo;
  if (!isObject(lb) || typeof lb.ContainerName !== 'string' || lb.ContainerName === '') fail('Properties.LoadBalancerInfo.ContainerName is missing.');
  const port = (lb as Record<string, unknown>).ContainerPort;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) fail('Properties.LoadBalancerInfo.ContainerPort must be a port number.');
  const out: AppSpecRecord = {
    taskDefinition: p.TaskDefinition as string,
    containerName: (lb as Record<string, unknown>).ContainerName as string,
    containerPort: port as number,
    hooks: {},
  };
  if (p.PlatformVersion !== undefined) {
    if (typeof p.PlatformVersion !== 'string') fail('Properties.PlatformVersion must be a string.');
    out.platformVersion = p.PlatformVersion as string;
  }
  if (p.NetworkConfiguration !== undefined) out.networkConfiguration = networkOf(p.NetworkConfiguration);
  if (p.CapacityProviderStrategy !== undefined) out.capacityProviderStrategy = strategyOf(p.CapacityProviderStrategy);
  const hooks = doc.Hooks ?? [];
  if (!Array.isArray(hooks)) return fail('Hooks must be a list.');
  for (const h of hooks) {
    if (!isObject(h)) fail('each entry of Hooks must be an object.');
    for (const [event, fn] of Object.entries(h as Record<string, unknown>)) {
      if (!HOOKABLE_EVENTS.includes(event as LifecycleEventName)) fail(`${event} is not a lifecycle event an ECS deployment can hook (${HOOKABLE_EVENTS.join(', ')}).`);
      if (typeof fn !== 'string' || fn === '') fail(`the hook ${event} must name a Lambda function.`);
      out.hooks[event as LifecycleEventName] = lambdaArn(fn as string, scope.region, scope.accountId);
    }
  }
  return out;
}

/** AppSpec NetworkConfiguration (PascalCase) → the ECS API's networkConfiguration. */
function networkOf(raw: unknown): unknown {
  const a = isObject(raw) ? raw.AwsvpcConfiguration : undefined;
  if (!isObject(a) || !Array.isArray(a.Subnets)) return fail('NetworkConfiguration.AwsvpcConfiguration.Subnets is missing.');
  const out: { awsvpcConfiguration: Record<string, unknown> } = { awsvpcConfiguration: { subnets: [...(a.Subnets as unknown[])] } };
  if (Array.isArray(a.SecurityGroups)) out.awsvpcConfiguration.securityGroups = [...a.SecurityGroups];
  if (a.AssignPublicIp !== undefined) out.awsvpcConfiguration.assignPublicIp = a.AssignPublicIp;
  return out;
}

function strategyOf(raw: unknown): unknown {
  if (!Array.isArray(raw)) return fail('CapacityProviderStrategy must be a list.');
  return raw.map((item) => {
    if (!isObject(item) || typeof item.CapacityProvider !== 'string') return fail('each CapacityProviderStrategy entry needs a CapacityProvider.');
    const out: Record<string, unknown> = { capacityProvider: item.CapacityProvider };
    if (item.Base !== undefined) out.base = item.Base;
    if (item.Weight !== undefined) out.weight = item.Weight;
    return out;
  });
}
