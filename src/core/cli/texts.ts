/**
 * Texts the console prints: the AWS CLI's own (usage, error forms) and the playground's remarks about
 * what a browser console cannot do. CLI output stays English in every locale, as the real CLI's does.
 */
export const CliText = {
  usage: [
    'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]',
    'To see help text, you can run:',
    '',
    '  aws help',
    '  aws <command> help',
    '  aws <command> <subcommand> help',
    '',
  ].join('\n'),
  serviceError: (code: string, operation: string, message: string) =>
    `An error occurred (${code}) when calling the ${operation} operation: ${message}`,
  waiterMaxAttempts: (waiter: string) => `Waiter ${waiter} failed: Max attempts exceeded`,
  waiterFailure: (waiter: string, expression: string, expected: string, all: boolean) =>
    `Waiter ${waiter} failed: Waiter encountered a terminal failure state: For expression "${expression}" we matched expected path: "${expected}"${all ? '' : ' at least once'}`,
  waiterError: (waiter: string, code: string, message: string) => `Waiter ${waiter} failed: An error occurred (${code}): ${message}`,
  onlyEcs: (service: string) =>
    `The playground console runs Amazon ECS commands (aws ecs ...). "aws ${service}" is not simulated here.`,
  notSimulated: (command: string) => `aws ecs ${command} is a real ECS command, but the playground does not simulate it yet.`,
  filesNotAvailable: (flag: string) =>
    `Error parsing parameter '${flag}': files are not available in the browser; paste the JSON inline, e.g. ${flag} '{"family": "web", ...}'`,
  yamlNotSupported: 'The playground console reads --cli-input-json only; --cli-input-yaml is not supported.',
  skeletonNotSupported: (kind: string) =>
    `The playground console generates input skeletons only (--generate-cli-skeleton input), not "${kind}".`,
  paginationNotSupported: (flag: string) =>
    `--${flag} is not supported by the playground console; the console pages through all results itself (--no-paginate asks for the first page only).`,
  outputNotSupported: (format: string) => `Note: --output ${format} is not supported by the playground console; showing JSON.`,
  queryNotSupported: 'Note: --query is not supported by the playground console; showing the full output.',
  regionIgnored: (region: string) =>
    `Note: --region ${region} is ignored; the playground simulates a single region (us-east-1).`,
  endpointIgnored: 'Note: --endpoint-url is ignored; the console always talks to the simulation in this page.',
  profileIgnored: 'Note: --profile is ignored; the playground needs no credentials.',
  syntaxError: (message: string, line: number, column: number, multiline: boolean) =>
    `syntax error at ${multiline ? `line ${line}, ` : ''}column ${column}: ${message}`,
  notAws: (word: string) => `${word}: command not found. The console runs "aws ecs ..." commands; type "help" for a list.`,
  waitHelp: (names: string[]) => ['WAIT', '', 'Wait until a particular condition is satisfied.', '', 'Available waiters:', ...names.map((n) => `  o ${n}`)].join('\n'),
} as const;
