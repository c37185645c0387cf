'use strict';
// Not a test: drives N one-activity workflows through one TS worker and prints workflows/s, start-to-close latency
// percentiles and the CPU each process spent per workflow. The client runs in a child process so that the worker's
// event loop is not also serving 50 callers: a real deployment does not start workflows from its worker.
// Usage: node throughput.js [count] [concurrency]
const { fork } = require('child_process');
const { connect, createWorker, uniqueQueue } = require('./harness');

const cpuMs = (usage) => (usage.user + usage.system) / 1000;

async function runClient(taskQueue, count, concurrency) {
  const { connection, client } = await connect();
  // Warm-up outside the measurement: connections, the worker's first bundle load and poll.
  await client.workflow.execute('helloActivity', { taskQueue, workflowId: `${taskQueue}-warm`, args: ['x'] });
  process.send('measuring');
  const cpuBefore = process.cpuUsage();
  const latencies = [];
  let next = 0;
  const started = Date.now();
  async function lane() {
    while (next < count) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      await client.workflow.execute('helloActivity', { taskQueue, workflowId: `${taskQueue}-${i}`, args: ['x'] });
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (Date.now() - started) / 1000;
  const clientCpuMs = cpuMs(process.cpuUsage(cpuBefore));
  latencies.sort((a, b) => a - b);
  const pct = (p) => +latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);
  await connection.close();
  return { workflows: count, concurrency, seconds, perSecond: +(count / seconds).toFixed(1), p50ms: pct(0.5), p99ms: pct(0.99), clientCpuMs };
}

if (process.argv[2] === '--client') {
  const [taskQueue, count, concurrency] = process.argv.slice(3);
  runClient(taskQueue, Number(count), Number(concurrency)).then(
    (result) => process.send(result, () => process.exit(0)),
    (err) => { console.error(String(err && err.stack || err)); process.exit(1); });
} else {
  const count = Number(process.argv[2] || 500);
  const concurrency = Number(process.argv[3] || 50);
  (async () => {
    const taskQueue = uniqueQueue('throughput');
    const { worker, connection } = await createWorker(taskQueue, { maxConcurrentWorkflowTaskExecutions: 100, maxConcurrentActivityTaskExecutions: 100 });
    let workerCpuBefore;
    const result = await worker.runUntil(new Promise((resolve, reject) => {
      const child = fork(__filename, ['--client', taskQueue, String(count), String(concurrency)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.on('message', (message) => {
        if (message === 'measuring') {
          workerCpuBefore = process.cpuUsage();
          console.log(JSON.stringify({ phase: 'measuring' })); // lets a caller sample the server's CPU from here
        } else {
          resolve(message);
        }
      });
      child.on('exit', (code) => reject(new Error(`the client process exited with ${code}`)));
    }));
    const workerCpuMs = cpuMs(process.cpuUsage(workerCpuBefore));
    result.workerCpuMsPerWorkflow = +(workerCpuMs / count).toFixed(2);
    result.clientCpuMsPerWorkflow = +(result.clientCpuMs / count).toFixed(2);
    delete result.clientCpuMs;
    console.log(JSON.stringify(result));
    await connection.close();
  })().catch((err) => { console.error(String(err && err.stack || err)); process.exitCode = 1; });
}
