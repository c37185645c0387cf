'use strict';
// Workflow retry policies: a failing run is retried as a new run (attempt + 1, after the backoff) and the client's
// result follows the chain; a run timeout is retried too, and the last attempt's failure is what the caller sees.
// A cron workflow runs on its schedule, one run after another, until terminated.
const { WorkflowFailedError } = require('@temporalio/client');
const { scenario, check } = require('./harness');

scenario('workflow-retry-cron', async ({ client, taskQueue }) => {
  const id = `wf-retry-${Date.now()}`;
  const retry = { initialInterval: '100ms', backoffCoefficient: 2, maximumAttempts: 5 };
  const handle = await client.workflow.start('retryingWorkflow', { taskQueue, workflowId: id, args: [3], retry });
  const result = await handle.result();
  check(result === 3, `result ${result}, expected the third attempt`);
  const last = (await client.workflow.getHandle(id).describe()).raw.workflowExecutionInfo;
  check(last.execution.runId !== handle.firstExecutionRunId, 'the last attempt is a new run');
  const firstHistory = await client.workflow.getHandle(id, handle.firstExecutionRunId).fetchHistory();
  const failed = firstHistory.events[firstHistory.events.length - 1].workflowExecutionFailedEventAttributes;
  check(failed && failed.newExecutionRunId, 'the first run failed pointing at the next one');

  const timeoutId = `wf-retry-timeout-${Date.now()}`;
  const timing = await client.workflow.start('waitForever', {
    taskQueue, workflowId: timeoutId, workflowRunTimeout: '1s', retry: { initialInterval: '100ms', maximumAttempts: 2 },
  });
  let error;
  try {
    await timing.result();
  } catch (err) {
    error = err;
  }
  check(error instanceof WorkflowFailedError, `expected WorkflowFailedError, got ${error}`);
  const runs = [];
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${timeoutId}'` })) {
    runs.push(execution.status.name);
  }
  check(runs.length === 2 && runs.every((s) => s === 'TIMED_OUT'), `both attempts timed out: ${runs}`);

  const cronId = `wf-cron-${Date.now()}`;
  await client.workflow.start('helloActivity', { taskQueue, workflowId: cronId, args: ['cron'], cronSchedule: '@every 1s' });
  let completed = 0;
  for (let i = 0; i < 100 && completed < 2; i++) {
    completed = (await client.workflow.count(`WorkflowId = '${cronId}' AND ExecutionStatus = 'Completed'`)).count;
    await new Promise((r) => setTimeout(r, 100));
  }
  check(completed >= 2, `the cron workflow completed ${completed} runs in 10 s, expected 2`);
  await client.workflow.getHandle(cronId).terminate('enough');
  const chain = [];
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${cronId}'` })) {
    chain.push(execution.status.name);
  }
  check(chain.filter((s) => s === 'RUNNING').length === 0 && chain.filter((s) => s === 'TERMINATED').length === 1, `cron chain: ${chain}`);
  return { result, timedOutRuns: runs.length, cronRuns: chain.length };
});
