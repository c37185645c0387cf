'use strict';
const { scenario, check } = require('./harness');

scenario('signals-queries', async ({ client, taskQueue }) => {
  const id = `signals-${Date.now()}`;
  const handle = await client.workflow.start('accumulator', { taskQueue, workflowId: id });
  await handle.signal('add', 2);
  await handle.signal('add', 3);
  const total = await handle.query('total');
  check(total === 5, `query saw ${total}`);
  await handle.signal('done');
  const result = await handle.result();
  check(result === 5, `result ${result}`);
  const afterClose = await handle.query('total');
  check(afterClose === 5, `query after close saw ${afterClose}`);

  // Signal-with-start: starts the run and delivers the signal first; a second one reaches the same run.
  const swsId = `${id}-sws`;
  const first = await client.workflow.signalWithStart('accumulator', { taskQueue, workflowId: swsId, signal: 'add', signalArgs: [10] });
  const second = await client.workflow.signalWithStart('accumulator', { taskQueue, workflowId: swsId, signal: 'add', signalArgs: [1] });
  check(first.signaledRunId === second.signaledRunId, 'same run signalled');
  await second.signal('done');
  const swsResult = await second.result();
  check(swsResult === 11, `signal-with-start result ${swsResult}`);
  const history = await second.fetchHistory();
  check(history.events[1].workflowExecutionSignaledEventAttributes, 'signal is event 2');
  return { total, result, swsResult };
});
