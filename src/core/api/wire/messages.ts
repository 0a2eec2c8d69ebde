/**
 * Texts of the errors the protocol layer answers itself (before or after the facade runs). Real
 * ECS answers an unknown operation with a bare `{"__type":"UnknownOperationException"}`; the other
 * texts are ours (docs/wire-protocol.md).
 */
export const WireMessages = {
  malformedJson: 'The request body is not valid JSON.',
  notAnObject: 'The request body must be a JSON object.',
  internal: (detail: string) => `The playground failed while handling this request: ${detail}`,
} as const;
