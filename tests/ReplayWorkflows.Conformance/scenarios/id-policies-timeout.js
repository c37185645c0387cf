'use strict';
const { scenario, check } = require('./harness');
const { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } = require('@temporalio/client');

async function expectAlreadyStarted(promise, what) {
  try {
    await promise;
  } catch (err) {
    check(err instanceof WorkflowExecutionAlreadyStartedError, `${what}: ${err}`);
    return true;
  }
  throw new Error(`${what}: start was accepted`);
}

scenario('id-policies-timeout', async ({ client, taskQueue }) => {
  const id = `ids-${Date.now()}`;
  const running = await client.workflow.start('waitForever', { taskQueue, workflowId: id });
  await expectAlreadyStarted(client.workflow.start('waitForever', { taskQueue, workflowId: id }), 'conflict FAIL');
  const existing = await client.workflow.start('waitForever', { taskQueue, workflowId: id, workflowIdConflictPolicy: 'USE_EXISTING' });
  check(existing.firstExecutionRunId === running.firstExecutionRunId, 'USE_EXISTING returns the running run');
  const replaced = await client.workflow.start('waitForever', { taskQueue, workflowId: id, workflowIdConflictPolicy: 'TERMINATE_EXISTING' });
  check(replaced.firstExecutionRunId !== running.firstExecutionRunId, 'TERMINATE_EXISTING starts a new run');
  check((await client.workflow.getHandle(id, running.firstExecutionRunId).describe()).status.name === 'TERMINATED', 'old run terminated');
  await replaced.terminate();

  const done = `${id}-done`;
  await client.workflow.execute('helloActivity', { taskQueue, workflowId: done, args: ['x'] });
  await expectAlreadyStarted(
    client.workflow.start('helloActivity', { taskQueue, workflowId: done, args: ['y'], workflowIdReusePolicy: 'REJECT_DUPLICATE' }),
    'REJECT_DUPLICATE');
  await expectAlreadyStarted(
    client.workflow.start('helloActivity', { taskQueue, workflowId: done, args: ['y'], workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' }),
    'ALLOW_DUPLICATE_FAILED_ONLY after success');
  const again = await client.workflow.execute('helloActivity', { taskQueue, workflowId: done, args: ['z'], workflowIdReusePolicy: 'ALLOW_DUPLICATE' });
  check(again === 'Hello, z!', again);

  let timedOut;
  try {
    await client.workflow.execute('waitForever', { taskQueue, workflowId: `${id}-timeout`, workflowExecutionTimeout: '1s' });
  } catch (err) {
    check(err instanceof WorkflowFailedError, `timeout error ${err}`);
    timedOut = err.retryState || (err.cause && err.cause.name) || err.message;
  }
  check(timedOut, 'workflow timed out');
  const status = (await client.workflow.getHandle(`${id}-timeout`).describe()).status.name;
  check(status === 'TIMED_OUT', `status ${status}`);
  return { timedOut, status };
});
