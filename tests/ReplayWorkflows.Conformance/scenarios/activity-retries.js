'use strict';
const { scenario, check } = require('./harness');

scenario('activity-retries', async ({ client, taskQueue }) => {
  const id = `retries-${Date.now()}`;
  const success = await client.workflow.execute('retryToSuccess', { taskQueue, workflowId: `${id}-ok`, args: [3] });
  check(success === 3, `succeeded on attempt ${success}`);

  const exhausted = await client.workflow.execute('retryExhausted', { taskQueue, workflowId: `${id}-exhausted` });
  check(exhausted.name === 'ActivityFailure', `exhausted: ${JSON.stringify(exhausted)}`);
  check(exhausted.causeType === 'AlwaysFails', `exhausted cause: ${JSON.stringify(exhausted)}`);
  check(exhausted.retryState === 'MAXIMUM_ATTEMPTS_REACHED', `retry state: ${JSON.stringify(exhausted)}`);

  const fatal = await client.workflow.execute('nonRetryableFailure', { taskQueue, workflowId: `${id}-fatal` });
  check(fatal.causeType === 'Fatal', `non-retryable: ${JSON.stringify(fatal)}`);
  check(fatal.retryState === 'NON_RETRYABLE_FAILURE', `non-retryable state: ${JSON.stringify(fatal)}`);
  const history = await client.workflow.getHandle(`${id}-fatal`).fetchHistory();
  const started = history.events.filter((e) => e.activityTaskStartedEventAttributes);
  check(started.length === 1 && started[0].activityTaskStartedEventAttributes.attempt === 1, 'one attempt only');
  return { success, exhausted, fatal };
});
