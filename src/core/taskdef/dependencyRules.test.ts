import { ContainerMessages } from './messages';
import { ruleTable } from './rulesTable';
import { after, box } from './testHelpers';

const hc = { command: ['CMD-SHELL', 'pg_isready || exit 1'] };
const task = (...containers: Record<string, unknown>[]) => ({ family: 'app', containerDefinitions: containers });

ruleTable('dependsOn, links, volumesFrom and mountPoints', [
  {
    rule: 'dependsOn names a container of the task',
    ok: task(box('db', { healthCheck: hc }), box('app', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] })),
    bad: task(box('db'), box('app', { dependsOn: [{ containerName: 'cache', condition: 'START' }] })),
    path: '/containerDefinitions/1/dependsOn/0/containerName',
    message: ContainerMessages.dependsOnMissing('cache'),
    pos: (t) => after(t, '"containerName":'),
  },
  {
    rule: 'dependsOn condition is START, COMPLETE, SUCCESS or HEALTHY',
    ok: task(box('db'), box('app', { dependsOn: [{ containerName: 'db', condition: 'START' }] })),
    bad: task(box('db'), box('app', { dependsOn: [{ containerName: 'db', condition: 'RUNNING' }] })),
    path: '/containerDefinitions/1/dependsOn/0/condition',
    message: /^Invalid value 'RUNNING' for containerDefinitions\[1\]\.dependsOn\[0\]\.condition\./,
    pos: (t) => after(t, '"condition":'),
  },
  {
    rule: 'SUCCESS and COMPLETE targets must not be essential',
    ok: task(box('migrate', { essential: false }), box('app', { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] })),
    bad: task(box('migrate'), box('app', { dependsOn: [{ containerName: 'migrate', condition: 'COMPLETE' }] })),
    path: '/containerDefinitions/1/dependsOn/0/condition',
    message: ContainerMessages.dependsOnEssential,
    pos: (t) => after(t, '"condition":'),
  },
  {
    rule: 'HEALTHY needs a healthCheck on the target',
    ok: task(box('db', { healthCheck: hc }), box('app', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] })),
    bad: task(box('db'), box('app', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] })),
    path: '/containerDefinitions/1/dependsOn/0/condition',
    message: ContainerMessages.dependsOnHealthy('db'),
    pos: (t) => after(t, '"condition":'),
  },
  {
    rule: 'dependencies may not form a cycle',
    ok: task(box('a'), box('b', { dependsOn: [{ containerName: 'a', condition: 'START' }] }), box('c', { dependsOn: [{ containerName: 'b', condition: 'START' }] })),
    bad: task(
      box('a', { dependsOn: [{ containerName: 'c', condition: 'START' }] }),
      box('b', { dependsOn: [{ containerName: 'a', condition: 'START' }] }),
      box('c', { dependsOn: [{ containerName: 'b', condition: 'START' }] }),
    ),
    path: '/containerDefinitions/1/dependsOn/0/containerName',
    message: ContainerMessages.dependsOnCycle(['a', 'c', 'b', 'a']),
    pos: (t) => after(t, '"containerName":', 2),
  },
  {
    rule: 'a container may not depend on itself',
    ok: task(box('a')),
    bad: task(box('a', { dependsOn: [{ containerName: 'a', condition: 'START' }] })),
    path: '/containerDefinitions/0/dependsOn/0/containerName',
    message: ContainerMessages.dependsOnCycle(['a', 'a']),
    pos: (t) => after(t, '"containerName":'),
  },
  {
    rule: 'links name containers of the task',
    ok: task(box('db'), box('app', { links: ['db:database'] })),
    bad: task(box('db'), box('app', { links: ['cache'] })),
    path: '/containerDefinitions/1/links/0',
    message: ContainerMessages.linkMissing('cache'),
    pos: (t) => after(t, '"links": ['),
  },
  {
    rule: 'volumesFrom names a container of the task',
    ok: task(box('data'), box('app', { volumesFrom: [{ sourceContainer: 'data', readOnly: true }] })),
    bad: task(box('data'), box('app', { volumesFrom: [{ sourceContainer: 'datа' }] })),
    path: '/containerDefinitions/1/volumesFrom/0/sourceContainer',
    message: ContainerMessages.volumesFromMissing('datа'),
    pos: (t) => after(t, '"sourceContainer":'),
  },
  {
    rule: 'mountPoints name a volume of the task',
    ok: { ...task(box('app', { mountPoints: [{ sourceVolume: 'cache', containerPath: '/cache' }] })), volumes: [{ name: 'cache', host: {} }] },
    bad: { ...task(box('app', { mountPoints: [{ sourceVolume: 'cache', containerPath: '/cache' }] })), volumes: [{ name: 'data' }] },
    path: '/containerDefinitions/0/mountPoints/0/sourceVolume',
    message: ContainerMessages.mountMissingVolume('cache'),
    pos: (t) => after(t, '"sourceVolume":'),
  },
]);
