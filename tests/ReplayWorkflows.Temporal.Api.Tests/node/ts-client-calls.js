// Drives the official Temporal TypeScript client (@temporalio/client, pinned in tests/node) against a gRPC endpoint.
// Usage: node ts-client-calls.js <host:port>
// Prints one JSON line with what the client saw, so the .NET test asserts on real client behaviour.
const { Connection } = require('@temporalio/client');

async function main() {
  const address = process.argv[2];
  const connection = await Connection.connect({ address, connectTimeout: '10s' });
  try {
    const info = await connection.workflowService.getSystemInfo({});
    let notFound = null;
    try {
      await connection.workflowService.describeNamespace({ namespace: 'no-such-namespace' });
    } catch (err) {
      notFound = { code: err.code, details: err.details };
    }
    console.log(JSON.stringify({
      serverVersion: info.serverVersion,
      signalAndQueryHeader: info.capabilities?.signalAndQueryHeader === true,
      notFound,
    }));
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(`ts client failed: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
