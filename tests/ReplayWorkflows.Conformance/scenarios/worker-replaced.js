'use strict';
// A workflow makes progress on one worker, that worker goes away, and a new worker (empty cache) finishes it by
// replaying the full history.
const { connect, createWorker, uniqueQueue, check } = require('./harness');

(async () => {
  const taskQueue = uniqueQueue('worker-replaced');
  const { connection, client } = await connect();
  try {
    const id = `replaced-${Date.now()}`;
    const first = await createWorker(taskQueue);
    const handle = await client.workflow.start('waitForSignalThenGreet', { taskQueue, workflowId: id });
    await first.worker.runUntil(async () => {
      for (let i = 0; i < 100; i++) {
        const history = await handle.fetchHistory();
        if (history.events.some((e) => e.activityTaskCompletedEventAttributes)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('first activity never completed');
    });
    await first.connection.close();
    await handle.signal('done');
    const second = await createWorker(taskQueue);
    const result = await second.worker.runUntil(handle.result());
    await second.connection.close();
    check(result[0] === 'Hello, before!' && result[1] === 'Hello, after!', JSON.stringify(result));
    console.log(JSON.stringify({ scenario: 'worker-replaced', ok: true, result }));
  } catch (err) {
    console.log(JSON.stringify({ scenario: 'worker-replaced', ok: false, error: String(err && err.stack || err) }));
    process.exitCode = 1;
  } finally {
    await connection.close();
  }
})();
