'use strict';
const { scenario, check } = require('./harness');
const { WorkflowFailedError } = require('@temporalio/client');

async function waitForPendingActivity(handle) {
  for (let i = 0; i < 100; i++) {
    const d = await handle.describe();
    if (d.raw.pendingActivities.length > 0 && String(d.raw.pendingActivities[0].state).includes('STARTED') || (d.raw.pendingActivities[0] && d.raw.pendingActivities[0].state === 2)) {
      return d;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('activity never started');
}

scenario('cancel-terminate', async ({ client, taskQueue }) => {
  const id = `cancel-${Date.now()}`;
  const handle = await client.workflow.start('cancellableWithCleanup', { taskQueue, workflowId: id });
  await waitForPendingActivity(handle);
  await handle.cancel();
  let cancelled;
  try {
    await handle.result();
  } catch (err) {
    check(err instanceof WorkflowFailedError, `error ${err}`);
    cancelled = err.cause && err.cause.name;
  }
  check(cancelled === 'CancelledFailure', `cancel cause ${cancelled}`);
  const history = await handle.fetchHistory();
  const types = history.events.map((e) => e.activityTaskScheduledEventAttributes && e.activityTaskScheduledEventAttributes.activityType.name).filter(Boolean);
  check(types.includes('greet'), 'cleanup activity ran');
  check((await handle.describe()).status.name === 'CANCELLED', 'status cancelled');

  const activity = await client.workflow.execute('activityCancellation', { taskQueue, workflowId: `${id}-activity` });
  check(activity.cancelled === true, JSON.stringify(activity));

  const t = await client.workflow.start('waitForever', { taskQueue, workflowId: `${id}-terminate` });
  await t.terminate('enough');
  let terminated;
  try {
    await t.result();
  } catch (err) {
    terminated = err.cause && err.cause.name;
  }
  check(terminated === 'TerminatedFailure', `terminate cause ${terminated}`);
  check((await t.describe()).status.name === 'TERMINATED', 'status terminated');
  return { cancelled, activity, terminated };
});
