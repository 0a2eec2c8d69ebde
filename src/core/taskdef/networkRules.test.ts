import { ContainerMessages } from './messages';
import { ruleTable } from './rulesTable';
import { after, box, ec2, fargate } from './testHelpers';

const pair = (mode: string | undefined, a: unknown[], b: unknown[]) => ({
  family: 'web',
  ...(mode ? { networkMode: mode } : {}),
  containerDefinitions: [box('a', { portMappings: a }), box('b', { portMappings: b })],
});

ruleTable('port mappings by network mode', [
  {
    rule: 'awsvpc: hostPort omitted or equal to containerPort',
    ok: fargate({}, { portMappings: [{ containerPort: 80, hostPort: 80 }, { containerPort: 81 }] }),
    bad: fargate({}, { portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
    path: '/containerDefinitions/0/portMappings/0/hostPort',
    message: ContainerMessages.hostPortMustMatch('awsvpc'),
    pos: (t) => after(t, '"hostPort":'),
  },
  {
    rule: 'host: hostPort omitted or equal to containerPort',
    ok: ec2({ networkMode: 'host' }, { portMappings: [{ containerPort: 8080, hostPort: 8080 }] }),
    bad: ec2({ networkMode: 'host' }, { portMappings: [{ containerPort: 8080, hostPort: 80 }] }),
    path: '/containerDefinitions/0/portMappings/0/hostPort',
    message: ContainerMessages.hostPortMustMatch('host'),
    pos: (t) => after(t, '"hostPort":'),
  },
  {
    rule: 'bridge: 0 or omitted is a dynamic port, a fixed port may differ; none takes no mappings',
    ok: pair('bridge', [{ containerPort: 80, hostPort: 0 }, { containerPort: 81 }], [{ containerPort: 80, hostPort: 8080 }]),
    bad: ec2({ networkMode: 'none' }),
    path: '/containerDefinitions/0/portMappings',
    message: ContainerMessages.portsWithNone,
    pos: (t) => after(t, '"portMappings":'),
  },
  {
    rule: 'bridge: two containers may not take the same fixed host port',
    ok: pair(undefined, [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 80, hostPort: 8080, protocol: 'udp' }]),
    bad: pair(undefined, [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 81, hostPort: 8080 }]),
    path: '/containerDefinitions/1/portMappings/0/hostPort',
    message: ContainerMessages.hostPortTaken(8080, 'tcp', 'a'),
    pos: (t) => after(t, '"hostPort":', 2),
  },
  {
    rule: 'awsvpc: two containers may not listen on the same port',
    ok: pair('awsvpc', [{ containerPort: 80 }], [{ containerPort: 8080 }]),
    bad: pair('awsvpc', [{ containerPort: 80 }], [{ containerPort: 80 }]),
    path: '/containerDefinitions/1/portMappings/0/containerPort',
    message: ContainerMessages.hostPortTaken(80, 'tcp', 'a'),
    pos: (t) => after(t, '"containerPort":', 2),
  },
  {
    rule: 'a port mapping needs a containerPort (or a range)',
    ok: fargate({}, { portMappings: [{ containerPortRange: '8000-8100' }] }),
    bad: fargate({}, { portMappings: [{ protocol: 'tcp' }] }),
    path: '/containerDefinitions/0/portMappings/0',
    message: ContainerMessages.containerPortInvalid('web'),
    pos: (t) => after(t, '"portMappings": ['),
  },
  {
    rule: 'containerPortRange is "first-last" with first < last',
    ok: ec2({}, { portMappings: [{ containerPortRange: '1-2' }] }),
    bad: ec2({}, { portMappings: [{ containerPortRange: '9000-8000' }] }),
    path: '/containerDefinitions/0/portMappings/0/containerPortRange',
    message: ContainerMessages.portRangeInvalid('9000-8000'),
    pos: (t) => after(t, '"containerPortRange":'),
  },
  {
    rule: 'containerPortRange needs bridge or awsvpc',
    ok: fargate({}, { portMappings: [{ containerPortRange: '8000-8100' }] }),
    bad: ec2({ networkMode: 'host' }, { portMappings: [{ containerPortRange: '8000-8100' }] }),
    path: '/containerDefinitions/0/portMappings/0/containerPortRange',
    message: ContainerMessages.portRangeMode('host'),
    pos: (t) => after(t, '"containerPortRange":'),
  },
]);
