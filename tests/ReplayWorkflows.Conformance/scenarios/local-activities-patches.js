'use strict';
const { scenario, check } = require('./harness');

scenario('local-activities-patches', async ({ client, taskQueue }) => {
  const id = `local-${Date.now()}`;
  const result = await client.workflow.execute('localAndPatched', { taskQueue, workflowId: id, args: ['Lin'] });
  check(result[0] === 'Hello, Lin!' && result[1] === 'Hello, Lin v2!', JSON.stringify(result));
  const history = await client.workflow.getHandle(id).fetchHistory();
  const markers = history.events.filter((e) => e.markerRecordedEventAttributes).map((e) => e.markerRecordedEventAttributes.markerName);
  check(markers.includes('core_local_activity') && markers.includes('core_patch'), `markers ${markers}`);
  return { result, markers };
});
