/** Exports of what the learner built: task definitions, an AWS CLI script, a CloudFormation template. */
export { exportTaskDefinitions, taskDefinitionsJson } from './taskDefinitions';
export type { ExportedTaskDefinition } from './taskDefinitions';
export { cliScriptOf, cliInputJsonCommand, callOutcomes, singleQuote } from './cliScript';
export type { CliFormatter, CallOutcome } from './cliScript';
export { cloudFormationTemplateOf, cloudFormationJson, cfnProperties, logicalId } from './cloudformation';
export type { CloudFormationTemplate } from './cloudformation';
