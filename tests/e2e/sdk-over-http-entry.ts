/**
 * Bundled for the browser by sdk-in-browser.test.ts: the AWS SDK's browser build talking to the
 * local endpoint (`npm run serve`) over HTTP from another origin, as the web app's "connect to local
 * endpoint" mode will. Exposes `window.runOverHttp(endpointUrl)`.
 */
import { ClusterNotFoundException, CreateClusterCommand, DeleteClusterCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';

async function runOverHttp(endpoint: string) {
  const client = new ECSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDBROWSER', secretAccessKey: 'anything' },
    maxAttempts: 1,
  });
  const created = await client.send(new CreateClusterCommand({ clusterName: 'from-browser' }));
  const listed = await client.send(new ListClustersCommand({}));
  const error = await client.send(new DeleteClusterCommand({ cluster: 'nope' })).catch((e: unknown) => e);
  return {
    clusterArn: created.cluster?.clusterArn,
    clusterArns: listed.clusterArns,
    requestId: typeof listed.$metadata.requestId === 'string' && listed.$metadata.requestId.length === 36,
    error:
      error instanceof ClusterNotFoundException
        ? [error.name, error.message, error.$metadata.httpStatusCode, typeof error.$metadata.requestId]
        : String(error),
  };
}

(window as unknown as { runOverHttp: typeof runOverHttp }).runOverHttp = runOverHttp;
