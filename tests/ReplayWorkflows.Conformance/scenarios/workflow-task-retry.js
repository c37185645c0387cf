'use strict';
// A workflow whose code throws fails its workflow tasks, which the server retries: only the first failure is written
// to history, later attempts are transient. A worker with fixed code then completes it from the attempt it reached.
const { connect, createWorker, uniqueQueue, check } = require('./harness');

(async () => {
  const taskQueue = uniqueQueue('workflow-task-retry');
  const { connection, client } = await connect();
  try {
    const id = `task-retry-${Date.now()}`;
    const broken = await createWorker(taskQueue, { workflowsPath: require.resolve('./workflows-broken') });
    const handle = await client.workflow.start('taskRetry', { taskQueue, workflowId: id, workflowTaskTimeout: '1s' });
    let attempt = 0;
    await broken.worker.runUntil(async () => {
      for (let i = 0; i < 150 && attempt < 3; i++) {
        const description = await handle.describe();
        attempt = (description.raw.pendingWorkflowTask && description.raw.pendingWorkflowTask.attempt) || 0;
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    await broken.connection.close();
    check(attempt >= 3, `the failing workflow task reached attempt ${attempt}, expected at least 3`);
    const failing = await handle.fetchHistory();
    const failures = failing.events.filter((e) => e.workflowTaskFailedEventAttributes);
    check(failures.length === 1, `history holds ${failures.length} workflow task failures while retrying, expected 1`);
    check(/broken build/.test(failures[0].workflowTaskFailedEventAttributes.failure.message), 'the failure names its cause');

    const fixed = await createWorker(taskQueue);
    const result = await fixed.worker.runUntil(handle.result());
    await fixed.connection.close();
    check(result === 'fixed', `result ${result}`);
    const history = await handle.fetchHistory();
    const ids = history.events.map((e) => Number(e.eventId));
    check(ids.every((eventId, i) => eventId === i + 1), `event ids are consecutive: ${ids}`);
    check(history.events.filter((e) => e.workflowTaskFailedEventAttributes).length === 1, 'still one failure once completed');
    const scheduled = history.events.filter((e) => e.workflowTaskScheduledEventAttributes);
    const completingAttempt = scheduled[scheduled.length - 1].workflowTaskScheduledEventAttributes.attempt;
    check(completingAttempt >= 3, `the completing task was written with attempt ${completingAttempt}`);
    console.log(JSON.stringify({ scenario: 'workflow-task-retry', ok: true, result: { attempt, completingAttempt, events: ids.length } }));
  } catch (err) {
    console.log(JSON.stringify({ scenario: 'workflow-task-retry', ok: false, error: String(err && err.stack || err) }));
    process.exitCode = 1;
  } finally {
    await connection.close();
  }
})();
