import { describe, expect, it } from 'vitest';
import { handleAwsJsonRequest } from '../api/wire/awsJson';
import { cdWorld, appSpec, steadyTaskSets } from './testWorld';

describe('CodeDeploy over AWS JSON 1.1 (X-Amz-Target CodeDeploy_20141006.<Operation>)', () => {
  it('CreateDeployment and GetDeployment answer with epoch-second timestamps; errors carry CodeDeploy’s exception names', () => {
    const w = cdWorld();
    steadyTaskSets(w);
    const call = (op: string, body: unknown) => handleAwsJsonRequest(w.sim, { target: `CodeDeploy_20141006.${op}`, body: JSON.stringify(body), requestId: 'r-1' });
    const created = call('CreateDeployment', {
      applicationName: 'web-app',
      deploymentGroupName: 'web-dg',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(w.web2) } },
    });
    expect(created.status).toBe(200);
    const { deploymentId } = JSON.parse(created.body);
    const got = call('GetDeployment', { deploymentId });
    const info = JSON.parse(got.body).deploymentInfo;
    expect(info.status).toBe('InProgress');
    expect(typeof info.createTime).toBe('number');
    expect(info.createTime).toBe((w.sim.state.epochMs + w.sim.now()) / 1000);
    const missing = call('GetDeployment', { deploymentId: 'd-AAAAAAAAA' });
    expect(missing.status).toBe(400);
    expect(missing.headers['x-amzn-errortype']).toBe('DeploymentDoesNotExistException');
    expect(JSON.parse(missing.body)).toEqual({ __type: 'DeploymentDoesNotExistException', message: 'The deployment d-AAAAAAAAA could not be found.' });
    expect(call('DescribeServices', {}).headers['x-amzn-errortype']).toBe('UnknownOperationException');
    // ECS task set operations on the same endpoint
    const ts = handleAwsJsonRequest(w.sim, { target: 'AmazonEC2ContainerServiceV20141113.DescribeTaskSets', body: JSON.stringify({ cluster: 'lb', service: 'web' }) });
    expect(JSON.parse(ts.body).taskSets.map((t: { status: string }) => t.status)).toEqual(['PRIMARY', 'ACTIVE']);
  });
});
