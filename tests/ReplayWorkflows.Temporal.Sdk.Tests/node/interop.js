// Interop driver for the official TypeScript SDK against our server.
//   node interop.js start-dotnet-workflow <address> <taskQueue> <workflowId>  -> runs our C# GreetingWorkflow from the TS client
//   node interop.js worker <address> <taskQueue>                             -> a TS worker for interop-workflows.js (prints READY)
//   node interop.js run-ts-workflow <address> <taskQueue> <workflowId>       -> runs TsCallsDotnetActivity from the TS client
const path = require('path');

async function startDotnetWorkflow(address, taskQueue, workflowId) {
  const { Connection, Client } = require('@temporalio/client');
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    // JSON arguments as a TS caller writes them (camelCase); our converter binds them to the C# record.
    const result = await client.workflow.execute('GreetingWorkflow', { taskQueue, workflowId, args: [{ name: 'TypeScript', times: 2 }] });
    console.log(JSON.stringify({ result }));
  } finally {
    await connection.close();
  }
}

async function runTsWorkflow(address, taskQueue, workflowId) {
  const { Connection, Client } = require('@temporalio/client');
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    const result = await client.workflow.execute('TsCallsDotnetActivity', { taskQueue, workflowId, args: ['Grace'] });
    console.log(JSON.stringify({ result }));
  } finally {
    await connection.close();
  }
}

async function worker(address, taskQueue) {
  const { Worker, NativeConnection, Runtime, DefaultLogger } = require('@temporalio/worker');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const w = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    workflowsPath: path.join(__dirname, 'interop-workflows.js'),
    // The workflow file lives outside tests/node: let the bundler find the SDK where NODE_PATH points.
    bundlerOptions: {
      webpackConfigHook: (config) => {
        config.resolve = config.resolve || {};
        config.resolve.modules = [...(config.resolve.modules || ['node_modules']), process.env.NODE_PATH];
        return config;
      },
    },
  });
  process.on('SIGTERM', () => w.shutdown());
  console.log('READY');
  await w.run();
}

const [mode, ...args] = process.argv.slice(2);
const modes = { 'start-dotnet-workflow': startDotnetWorkflow, 'run-ts-workflow': runTsWorkflow, worker };
(modes[mode] || (() => Promise.reject(new Error(`unknown mode ${mode}`))))(...args).catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
