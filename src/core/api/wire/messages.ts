/**
 * Texts of the errors the protocol layer answers itself (before or after the facade runs). An
 * unknown operation gets a bare `{"__type":"UnknownOperationException"}`, as AWS JSON 1.1 services
 * were observed to answer; these texts are ours (docs/wire-protocol.md).
 */
export const WireMessages = {
  malformedJson: 'The request body is not valid JSON.',
  notAnObject: 'The request body must be a JSON object.',
  internal: (detail: string) => `The playground failed while handling this request: ${detail}`,
} as const;
