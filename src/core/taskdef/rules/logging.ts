/**
 * What needs an execution role (secrets, private registry credentials, environment files, awslogs on
 * Fargate) and the options the awslogs driver requires.
 */
import { ContainerMessages, TaskMessages, WarningMessages } from '../messages';
import type { RuleInput } from './context';

const ECR_IMAGE = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export function checkExecutionRole(r: RuleInput): void {
  if (r.req.executionRoleArn !== undefined || r.isBad(['executionRoleArn'])) return;
  let awslogsReported = false;
  for (const { c, i } of r.containers) {
    const base = ['containerDefinitions', i];
    if ((c.secrets?.length ?? 0) > 0) r.error([...base, 'secrets'], TaskMessages.secretsNeedRole);
    if ((c.logConfiguration?.secretOptions?.length ?? 0) > 0) {
      r.error([...base, 'logConfiguration', 'secretOptions'], TaskMessages.secretsNeedRole);
    }
    if (c.repositoryCredentials) r.error([...base, 'repositoryCredentials'], TaskMessages.repoCredsNeedRole);
    if ((c.environmentFiles?.length ?? 0) > 0) r.error([...base, 'environmentFiles'], TaskMessages.envFilesNeedRole);
    if (r.fargate && c.logConfiguration?.logDriver === 'awslogs' && !awslogsReported) {
      r.error([...base, 'logConfiguration', 'logDriver'], TaskMessages.fargateAwslogsRole);
      awslogsReported = true;
    }
    if (r.fargate && c.image !== undefined && ECR_IMAGE.test(c.image)) r.warn([...base, 'image'], WarningMessages.ecrWithoutRole);
  }
}

export function checkAwslogsOptions(r: RuleInput): void {
  for (const { c, i } of r.containers) {
    const lc = c.logConfiguration;
    if (lc?.logDriver !== 'awslogs' || r.isBad(['containerDefinitions', i, 'logConfiguration', 'options'])) continue;
    const options = lc.options ?? {};
    const required = r.fargate ? ['awslogs-region', 'awslogs-group', 'awslogs-stream-prefix'] : ['awslogs-region', 'awslogs-group'];
    const missing = required.filter((k) => !options[k]);
    if (missing.length > 0) r.error(['containerDefinitions', i, 'logConfiguration', 'options'], ContainerMessages.awslogsOptions(missing));
  }
}

export function checkLoggingPresence(r: RuleInput): void {
  for (const { c, i, label } of r.containers) {
    if (!c.logConfiguration && !r.isBad(['containerDefinitions', i, 'logConfiguration'])) {
      r.warn(['containerDefinitions', i], WarningMessages.noLogging(label));
    }
  }
}

/** awsfirelens routes logs through the task's FireLens container, so there must be exactly one. */
export function checkFirelens(r: RuleInput): void {
  const routers = r.containers.filter(({ c }) => c.firelensConfiguration !== undefined);
  routers.slice(1).forEach(({ i }) => r.error(['containerDefinitions', i, 'firelensConfiguration'], ContainerMessages.firelensTwoRouters));
  if (routers.length > 0) return;
  const user = r.containers.find(({ c }) => c.logConfiguration?.logDriver === 'awsfirelens');
  if (user) r.error(['containerDefinitions', user.i, 'logConfiguration', 'logDriver'], ContainerMessages.firelensRouterMissing);
}
