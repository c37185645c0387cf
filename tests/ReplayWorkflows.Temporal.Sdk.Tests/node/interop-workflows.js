// Workflows written with the official TypeScript SDK, for interop with our C# SDK.
const { proxyActivities } = require('@temporalio/workflow');

// Implemented by the C# worker (TestActivities.Greet) on the same task queue.
const { Greet } = proxyActivities({ startToCloseTimeout: '30s' });

async function TsCallsDotnetActivity(name) {
  return await Greet({ name, times: 2 });
}

async function TsGreeting(name) {
  return `ts says hello to ${name}`;
}

module.exports = { TsCallsDotnetActivity, TsGreeting };
