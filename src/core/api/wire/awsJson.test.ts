import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/simulation';
import { ecsOperations } from '../ecs';
import { handleAwsJsonRequest, TARGET_PREFIX } from './awsJson';
import { facadeName, wireName } from './operationNames';
import { decodeRequestTimestamps, encodeResponse, REQUEST_TIMESTAMP_MEMBERS } from './timestamps';
import { requestTimestampPaths, sdkOperationNames } from '../../../../tests/support/wireShape';

const call = (sim: ReturnType<typeof createSimulation>, operation: string, body: unknown, raw?: string) =>
  handleAwsJsonRequest(sim, {
    target: `${TARGET_PREFIX}.${operation}`,
    body: raw ?? JSON.stringify(body),
    requestId: 'req-1',
  });

describe('handleAwsJsonRequest', () => {
  it('answers CreateCluster with 200, the AWS JSON 1.1 content type, the request id and the response shape', () => {
    const sim = createSimulation({ seed: 1 });
    const res = call(sim, 'CreateCluster', { clusterName: 'demo' });
    expect(res.status).toBe(200);
    expect(res.headers).toEqual({ 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
    expect(JSON.parse(res.body).cluster.clusterArn).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
  });

  it('serves every operation of the facade table under its PascalCase name', () => {
    const sim = createSimulation({ seed: 1 });
    for (const name of Object.keys(ecsOperations)) {
      const res = call(sim, wireName(name), {});
      expect(JSON.parse(res.body).__type ?? 'ok', name).not.toBe('UnknownOperationException');
    }
  });

  it('treats an empty body as an empty request', () => {
    const sim = createSimulation({ seed: 1 });
    const res = call(sim, 'ListClusters', undefined, '');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ clusterArns: [] });
  });

  it('answers an ECS error with its code in __type and x-amzn-errortype, its message and status 400', () => {
    const sim = createSimulation({ seed: 1 });
    const res = call(sim, 'DeleteCluster', { cluster: 'nope' });
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('ClusterNotFoundException');
    expect(JSON.parse(res.body)).toEqual({ __type: 'ClusterNotFoundException', message: 'Cluster not found.' });
  });

  it('answers an operation ECS does not have with a bare 400 UnknownOperationException', () => {
    const sim = createSimulation({ seed: 1 });
    for (const target of [
      `${TARGET_PREFIX}.CreateBucket`,
      `${TARGET_PREFIX}.createCluster`,
      `${TARGET_PREFIX}.Constructor`,
      `${TARGET_PREFIX}.HasOwnProperty`,
      'DynamoDB_20120810.ListTables',
      'ListClusters',
      undefined,
    ]) {
      const res = handleAwsJsonRequest(sim, { target, body: '{}' });
      expect(res.status, String(target)).toBe(400);
      expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
      expect(JSON.parse(res.body)).toEqual({ __type: 'UnknownOperationException' });
    }
  });

  it('answers a body that is not JSON, or not a JSON object, with 400 SerializationException', () => {
    const sim = createSimulation({ seed: 1 });
    expect(call(sim, 'CreateCluster', undefined, '{"clusterName": ')).toEqual({
      status: 400,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'req-1',
        'x-amzn-errortype': 'SerializationException',
      },
      body: '{"__type":"SerializationException","message":"The request body is not valid JSON."}',
    });
    const res = call(sim, 'CreateCluster', ['demo']);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).__type).toBe('SerializationException');
    expect(sim.state.clusters).toEqual({});
  });

  it('answers a member of the wrong JSON type with 400 SerializationException, other parameter errors as they are', () => {
    const sim = createSimulation({ seed: 1 });
    const wrongType = call(sim, 'ListClusters', { maxResults: '2' });
    expect([wrongType.status, wrongType.headers['x-amzn-errortype'], JSON.parse(wrongType.body)]).toEqual([
      400,
      'SerializationException',
      { __type: 'SerializationException', message: 'Unexpected type for maxResults: expected integer.' },
    ]);
    expect(JSON.parse(call(sim, 'DeleteCluster', {}).body)).toEqual({
      __type: 'InvalidParameterException',
      message: 'cluster can not be null or empty.',
    });
    expect(() => sim.ecs.listClusters({ maxResults: '2' as unknown as number })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
  });

  it('turns anything unexpected inside the simulation into a 500 ServerException instead of throwing', () => {
    const sim = createSimulation({ seed: 1 });
    (sim.ecs as unknown as Record<string, unknown>).listClusters = () => {
      throw new TypeError('boom');
    };
    const res = call(sim, 'ListClusters', {});
    expect(res.status).toBe(500);
    expect(res.headers['x-amzn-errortype']).toBe('ServerException');
    expect(JSON.parse(res.body)).toEqual({
      __type: 'ServerException',
      message: 'The playground failed while handling this request: TypeError: boom',
    });
  });

  it('answers a response that JSON cannot carry with a 500 ServerException', () => {
    const sim = createSimulation({ seed: 1 });
    (sim.ecs as unknown as Record<string, unknown>).listClusters = () => ({ clusterArns: [], x: Number.NaN });
    const res = call(sim, 'ListClusters', {});
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body).message).toBe('The playground failed while handling this request: WireEncodingError: $.x is NaN');
  });
});

describe('timestamps on the wire', () => {
  it('encodes Date members as epoch seconds with the fraction and leaves undefined members out', () => {
    expect(
      encodeResponse({ at: new Date(Date.UTC(2026, 0, 5, 9, 0, 0, 250)), list: [new Date(0)], gone: undefined, n: 1 }),
    ).toBe('{"at":1767603600.25,"list":[0],"n":1}');
  });

  it('decodes epoch-second request members of the operation into Dates and leaves the others alone', () => {
    const req: Record<string, unknown> = { pullStartedAt: 1767603600.5, reason: 1767603600, executionStoppedAt: 'x' };
    decodeRequestTimestamps('SubmitTaskStateChange', req);
    expect(req).toEqual({ pullStartedAt: new Date(1767603600500), reason: 1767603600, executionStoppedAt: 'x' });
    const nested: Record<string, unknown> = { createdAt: { before: 10, after: 5 } };
    decodeRequestTimestamps('ListServiceDeployments', nested);
    expect(nested).toEqual({ createdAt: { before: new Date(10_000), after: new Date(5_000) } });
  });

  it('knows every timestamp member of every ECS request, as the API model has them', () => {
    const derived: Record<string, string[]> = {};
    for (const op of sdkOperationNames()) {
      const paths = requestTimestampPaths(op);
      if (paths.length) derived[op] = paths;
    }
    expect(REQUEST_TIMESTAMP_MEMBERS).toEqual(derived);
  });
});

describe('operation names', () => {
  it('maps PascalCase wire names to lowerCamelCase facade names and back', () => {
    expect(facadeName('DescribeTaskDefinition')).toBe('describeTaskDefinition');
    expect(wireName('describeTaskDefinition')).toBe('DescribeTaskDefinition');
  });

  it('has only real ECS operations in the facade table', () => {
    const real = new Set(sdkOperationNames());
    expect(Object.keys(ecsOperations).map(wireName).filter((n) => !real.has(n))).toEqual([]);
  });
});
