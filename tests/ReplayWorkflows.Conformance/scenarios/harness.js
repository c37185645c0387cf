// Shared scenario plumbing: connect to the server named by TEMPORAL_ADDRESS, run a worker on a fresh task
// queue with this folder's workflows and activities, and report the outcome as one JSON line.
'use strict';
const { Connection, Client } = require('@temporalio/client');
const { Worker, NativeConnection, Runtime, DefaultLogger } = require('@temporalio/worker');
const path = require('path');
const activities = require('./activities');

// Webpack ignores NODE_PATH: point it at the node_modules that holds the SDK (tests/node).
const sdkModules = path.resolve(path.dirname(require.resolve('@temporalio/workflow/package.json')), '..', '..');

const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
let runtimeInstalled = false;

function installRuntime() {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger(process.env.SCENARIO_LOG_LEVEL || 'WARN') });
    runtimeInstalled = true;
  }
}

async function connect() {
  installRuntime();
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE || 'default' });
  return { connection, client };
}

async function createWorker(taskQueue, options = {}) {
  installRuntime();
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE || 'default',
    taskQueue,
    workflowsPath: require.resolve('./workflows'),
    activities,
    bundlerOptions: {
      webpackConfigHook: (config) => {
        config.resolve = config.resolve || {};
        config.resolve.modules = [...(config.resolve.modules || ['node_modules']), sdkModules];
        return config;
      },
    },
    ...options,
  });
  return { worker, connection };
}

function uniqueQueue(name) {
  return `${name}-${process.pid}-${Date.now()}`;
}

function check(condition, message) {
  if (!condition) {
    throw new Error(`check failed: ${message}`);
  }
}

/** Runs fn(ctx) with a worker running; prints {ok:true,...} or {ok:false,error} and sets the exit code. */
async function scenario(name, fn, workerOptions = {}) {
  const taskQueue = uniqueQueue(name);
  const { connection, client } = await connect();
  const { worker, connection: workerConnection } = await createWorker(taskQueue, workerOptions);
  let result;
  try {
    result = await worker.runUntil(fn({ client, taskQueue, worker }));
    console.log(JSON.stringify({ scenario: name, ok: true, result }));
  } catch (err) {
    console.log(JSON.stringify({ scenario: name, ok: false, error: String(err && err.stack || err) }));
    process.exitCode = 1;
  } finally {
    await workerConnection.close();
    await connection.close();
  }
}

module.exports = { connect, createWorker, scenario, uniqueQueue, check, address };
