// Drives an embedded ECS Playground through its postMessage API (see the README, "Embedding").
// No inline script: the page's Content-Security-Policy allows scripts from its own origin only.

const frame = document.getElementById('ecs-playground');
const log = document.getElementById('log');

// Where the playground lives: next to this page by default. `?playground=<url>` points the example
// at another copy (http or https only), which is how the browser tests try it across origins.
function playgroundUrl() {
  const override = new URLSearchParams(location.search).get('playground');
  const base = new URL(frame.dataset.src, location.href);
  if (override) {
    const other = new URL(override, location.href);
    if (other.protocol === 'https:' || other.protocol === 'http:') {
      other.search = base.search;
      return other;
    }
  }
  return base;
}

const url = playgroundUrl();
// The embed only listens to host pages it was told about: this page's origin.
url.searchParams.append('origin', location.origin);
const playgroundOrigin = url.origin;
frame.src = url.toString();

let nextId = 1;
const pending = new Map();

function show(text) {
  const item = document.createElement('li');
  item.textContent = text; // text only: nothing from the message is parsed as HTML
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

/** Sends one message and resolves with the playground's reply. */
function send(message) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    frame.contentWindow.postMessage({ ...message, id }, playgroundOrigin);
  });
}

window.addEventListener('message', (event) => {
  // Only the embedded playground, from the origin it was loaded from.
  if (event.source !== frame.contentWindow || event.origin !== playgroundOrigin) return;
  const data = event.data;
  if (!data || typeof data.type !== 'string') return;
  if (data.type === 'ecs-playground:ready') {
    show(`ready (protocol ${data.protocol}, view ${data.view})`);
    document.body.dataset.ready = 'true';
  } else if (data.type === 'ecs-playground:result') {
    show(data.ok ? `result #${data.id}: ok` : `result #${data.id}: ${data.error.code}: ${data.error.message}`);
    pending.get(data.id)?.(data);
    pending.delete(data.id);
  } else if (data.type === 'ecs-playground:state') {
    const s = data.state;
    const services = s.services.map((v) => `${v.name} ${v.running}/${v.desired}`).join(', ') || 'no services';
    show(`state at ${Math.round(s.now / 1000)} s: ${s.tasks.running} running, ${s.tasks.pending} pending; ${services}`);
    document.body.dataset.running = String(s.tasks.running);
  } else if (data.type === 'ecs-playground:goals') {
    // { scenario, goals: [{ id, pass }], passed, total, complete }: when an exercise opens and whenever a goal changes
    const text = data.complete ? `Exercise “${data.scenario}” done: all ${data.total} goals pass.` : `Exercise “${data.scenario}”: ${data.passed} of ${data.total} goals pass.`;
    document.getElementById('goals').textContent = text;
    show(`goals: ${data.goals.map((g) => `${g.id} ${g.pass ? 'pass' : 'not yet'}`).join(', ')}`);
    document.body.dataset.goalsComplete = String(data.complete);
  }
});

const webTaskDefinition = {
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', portMappings: [{ containerPort: 80 }] }],
};

const actions = {
  cluster: () => send({ type: 'ecs-playground:command', api: 'ecs', operation: 'createCluster', request: { clusterName: 'demo' } }),
  register: () => send({ type: 'ecs-playground:command', api: 'ecs', operation: 'registerTaskDefinition', request: webTaskDefinition }),
  service: async () => {
    const subnets = await send({ type: 'ecs-playground:command', api: 'infra', operation: 'describeSubnets', request: {} });
    const ids = subnets.ok ? subnets.value.subnets.map((s) => s.subnetId) : [];
    return send({
      type: 'ecs-playground:command',
      api: 'ecs',
      operation: 'createService',
      request: {
        cluster: 'demo',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ids, assignPublicIp: 'ENABLED' } },
      },
    });
  },
  advance: () => send({ type: 'ecs-playground:clock', action: 'advance', ms: 120000 }),
  state: () => send({ type: 'ecs-playground:get-state' }),
  // starts a built-in exercise (its cluster "demo" and task definition "web" come with it)
  exercise: () => send({ type: 'ecs-playground:scenario', scenario: 'first-fargate-service' }),
};

for (const button of document.querySelectorAll('[data-action]')) {
  button.addEventListener('click', () => actions[button.dataset.action]());
}
