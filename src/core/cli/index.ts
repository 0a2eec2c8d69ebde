/** The `aws ecs ...` command line: parse, run against a simulation, format calls back into commands. */
export { tokenize, needsMoreInput, type Word, type TokenizeResult } from './tokenize';
export { parseCommand, type ParsedCommand, type CallCommand, type WaitCommand } from './parse';
export { runCommandLine, runWords, type CliResult } from './run';
export { toCliCommand, shellQuote } from './format';
export { formatJson, formatText, cliTimestamp, responseShape } from './output';
export { operationSpecs, operationSpec } from './options';
export { kebabName } from './names';
