'use strict';
const { scenario, check } = require('./harness');

scenario('hello-activity', async ({ client, taskQueue }) => {
  const handle = await client.workflow.start('helloActivity', { taskQueue, workflowId: `hello-${Date.now()}`, args: ['Temporal'] });
  const result = await handle.result();
  check(result === 'Hello, Temporal!', `unexpected result ${result}`);
  const description = await handle.describe();
  check(description.status.name === 'COMPLETED', `status ${description.status.name}`);
  return result;
});
