'use strict';
// Not a test: drives N one-activity workflows through one TS worker and prints workflows/s and start-to-close
// latency percentiles. Usage: node throughput.js [count] [concurrency]
const { connect, createWorker, uniqueQueue } = require('./harness');

const count = Number(process.argv[2] || 500);
const concurrency = Number(process.argv[3] || 50);

(async () => {
  const taskQueue = uniqueQueue('throughput');
  const { connection, client } = await connect();
  const { worker, connection: wc } = await createWorker(taskQueue, { maxConcurrentWorkflowTaskExecutions: 100, maxConcurrentActivityTaskExecutions: 100 });
  const latencies = [];
  let next = 0;
  const started = Date.now();
  await worker.runUntil(async () => {
    async function lane() {
      while (next < count) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await client.workflow.execute('helloActivity', { taskQueue, workflowId: `tp-${started}-${i}`, args: ['x'] });
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    await Promise.all(Array.from({ length: concurrency }, lane));
  });
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);
  console.log(JSON.stringify({ workflows: count, concurrency, seconds, perSecond: +(count / seconds).toFixed(1), p50ms: +pct(0.5), p99ms: +pct(0.99) }));
  await wc.close();
  await connection.close();
})();
