/**
 * Every event-log line of the EC2 / container-instance / agent area, in one place (the UI and the
 * docs read the wording from here). Event `type`s are listed beside their text.
 */
export const InstanceEvents = {
  /** ec2.launched */
  launched: (id: string, type: string, az: string, cluster: string) => `EC2 instance ${id} (${type}) launched in ${az} for cluster ${cluster}.`,
  /** ec2.running */
  running: (id: string) => `EC2 instance ${id} is running; the ECS agent is starting.`,
  /** ec2.terminating */
  terminating: (id: string) => `EC2 instance ${id} is shutting down (user initiated).`,
  /** ec2.terminated */
  terminated: (id: string) => `EC2 instance ${id} terminated.`,
  /** containerInstance.registered */
  registered: (ciId: string, ec2Id: string, type: string, cluster: string) =>
    `Container instance ${ciId} (${ec2Id}, ${type}) registered in cluster ${cluster}.`,
  /** containerInstance.registrationFailed */
  registrationFailed: (ec2Id: string, cluster: string) => `The agent on ${ec2Id} could not register: cluster ${cluster} does not exist.`,
  /** containerInstance.deregistered */
  deregistered: (ciId: string, ec2Id: string, cluster: string, cause: 'api' | 'api-force' | 'terminated') =>
    `Container instance ${ciId} (${ec2Id}) left cluster ${cluster}: ${
      cause === 'terminated' ? 'its EC2 instance was terminated' : cause === 'api-force' ? 'deregistered with force' : 'deregistered'
    }.`,
  /** containerInstance.statusChanged */
  statusChanged: (ciId: string, ec2Id: string, status: string) => `Container instance ${ciId} (${ec2Id}) is now ${status}.`,
  /** containerInstance.attributePut */
  attributePut: (name: string, value: string | undefined, ec2Id: string) => `Attribute ${name}${value === undefined ? '' : `=${value}`} put on ${ec2Id}.`,
  /** containerInstance.agentConnected */
  agentConnected: (ec2Id: string, cluster: string) => `Agent on ${ec2Id} reconnected to the cluster ${cluster}.`,
  /** containerInstance.agentDisconnected */
  agentDisconnected: (ec2Id: string, cluster: string) =>
    `Agent on ${ec2Id} disconnected from the cluster ${cluster}; its tasks keep running, no new tasks are placed on it.`,
  /** fault.disconnectAgent */
  faultDisconnect: (ec2Id: string, forMs: number | undefined) =>
    forMs === undefined ? `Fault: agent on ${ec2Id} cut off from ECS until reconnected.` : `Fault: agent on ${ec2Id} cut off from ECS for ${forMs} ms.`,
  /** fault.reconnectAgent */
  faultReconnect: (ec2Id: string) => `Fault lifted: agent on ${ec2Id} may reconnect to ECS.`,
  /** resource.tagged */
  tagged: (arn: string, keys: readonly string[]) => `Tagged ${arn}: ${keys.join(', ')}.`,
} as const;
