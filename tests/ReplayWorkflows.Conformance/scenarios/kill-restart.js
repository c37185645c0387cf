'use strict';
// Two phases around a kill -9 of the server: "start" starts a workflow that is mid-timer; "finish" (after the
// server restarted on the same file) runs a worker and waits for the result.
const { connect, createWorker, check } = require('./harness');

const [phase, workflowId, taskQueue] = process.argv.slice(2);

(async () => {
  const { connection, client } = await connect();
  try {
    if (phase === 'start') {
      const { worker, connection: wc } = await createWorker(taskQueue);
      const handle = await client.workflow.start('durableTimer', { taskQueue, workflowId, args: [3000] });
      await worker.runUntil(async () => {
        for (let i = 0; i < 100; i++) {
          const history = await handle.fetchHistory();
          if (history.events.some((e) => e.timerStartedEventAttributes)) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('timer never started');
      });
      await wc.close();
      console.log(JSON.stringify({ scenario: 'kill-restart', phase, ok: true, runId: handle.firstExecutionRunId }));
    } else {
      const { worker, connection: wc } = await createWorker(taskQueue);
      const result = await worker.runUntil(client.workflow.getHandle(workflowId).result());
      await wc.close();
      check(result === 'Hello, after timer!', result);
      console.log(JSON.stringify({ scenario: 'kill-restart', phase, ok: true, result }));
    }
  } catch (err) {
    console.log(JSON.stringify({ scenario: 'kill-restart', phase, ok: false, error: String(err && err.stack || err) }));
    process.exitCode = 1;
  } finally {
    await connection.close();
  }
})();
