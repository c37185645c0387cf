'use strict';
// Workflow definitions shared by the scenarios (bundled by the TS worker).
const wf = require('@temporalio/workflow');

const { greet } = wf.proxyActivities({ startToCloseTimeout: '10s' });

async function helloActivity(name) {
  return await greet(name);
}

async function retryToSuccess(succeedOn) {
  const { flaky } = wf.proxyActivities({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '100ms', backoffCoefficient: 2, maximumAttempts: 5 },
  });
  return await flaky('retry', succeedOn);
}

function describeFailure(err) {
  const cause = err.cause || {};
  return {
    name: err.name,
    causeName: cause.name,
    causeType: cause.type,
    timeoutType: cause.timeoutType,
    retryState: err.retryState,
    message: cause.message,
  };
}

async function retryExhausted() {
  const { alwaysFails } = wf.proxyActivities({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '50ms', maximumAttempts: 3 },
  });
  try {
    await alwaysFails('boom');
    return 'unexpected success';
  } catch (err) {
    return describeFailure(err);
  }
}

async function nonRetryableFailure() {
  const { nonRetryable } = wf.proxyActivities({ startToCloseTimeout: '10s', retry: { initialInterval: '50ms' } });
  try {
    await nonRetryable('fatal');
    return 'unexpected success';
  } catch (err) {
    return describeFailure(err);
  }
}

async function heartbeatTimeout() {
  const { heartbeatThenStall } = wf.proxyActivities({
    startToCloseTimeout: '30s',
    // The SDK sends a throttled heartbeat at 0.8 x this timeout; 3 s leaves that flush 600 ms to arrive (1 s left
    // 200 ms, and a loaded CI machine once missed it, so the timeout carried the first heartbeat's details).
    heartbeatTimeout: '3s',
    retry: { initialInterval: '100ms', maximumAttempts: 2 },
  });
  return await heartbeatThenStall(3);
}

async function activityTimeout(kind) {
  const options = { retry: { maximumAttempts: 1 } };
  if (kind === 'startToClose') {
    options.startToCloseTimeout = '500ms';
  } else if (kind === 'scheduleToClose') {
    options.scheduleToCloseTimeout = '1s';
  } else {
    options.scheduleToStartTimeout = '500ms';
    options.startToCloseTimeout = '10s';
    options.taskQueue = 'queue-without-workers';
  }
  const { sleepFor } = wf.proxyActivities(options);
  try {
    await sleepFor(5000);
    return 'unexpected success';
  } catch (err) {
    return describeFailure(err);
  }
}

async function timers() {
  const start = Date.now();
  await wf.sleep('300ms');
  await wf.sleep(200);
  return Date.now() - start;
}

async function parallelActivities(count) {
  const names = Array.from({ length: count }, (_, i) => `n${i}`);
  return await Promise.all(names.map((n) => greet(n)));
}

const addSignal = wf.defineSignal('add');
const doneSignal = wf.defineSignal('done');
const totalQuery = wf.defineQuery('total');

async function accumulator() {
  let total = 0;
  let done = false;
  wf.setHandler(addSignal, (n) => {
    total += n;
  });
  wf.setHandler(doneSignal, () => {
    done = true;
  });
  wf.setHandler(totalQuery, () => total);
  await wf.condition(() => done);
  return total;
}

async function childWorkflow(name, fail) {
  if (fail) {
    throw wf.ApplicationFailure.nonRetryable(`child failed for ${name}`, 'ChildError');
  }
  return `child says hi to ${name}`;
}

async function parentWorkflow(name) {
  const ok = await wf.executeChild(childWorkflow, { args: [name, false], workflowId: `${wf.workflowInfo().workflowId}-ok` });
  let failure;
  try {
    await wf.executeChild(childWorkflow, { args: [name, true], workflowId: `${wf.workflowInfo().workflowId}-bad` });
  } catch (err) {
    failure = { name: err.name, causeName: err.cause && err.cause.name, message: err.cause && err.cause.message };
  }
  return { ok, failure };
}

async function countdown(n, runs) {
  runs = runs || [];
  runs.push(wf.workflowInfo().runId);
  if (n > 0) {
    await wf.continueAsNew(n - 1, runs);
  }
  return { runs: runs.length, firstRunId: wf.workflowInfo().firstExecutionRunId, continued: wf.workflowInfo().continuedFromExecutionRunId };
}

async function cancellableWithCleanup() {
  const { waitForCancel } = wf.proxyActivities({
    startToCloseTimeout: '60s',
    heartbeatTimeout: '2s',
    cancellationType: wf.ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  });
  try {
    await waitForCancel();
  } catch (err) {
    if (wf.isCancellation(err)) {
      await wf.CancellationScope.nonCancellable(() => greet('cleanup'));
    }
    throw err;
  }
}

async function activityCancellation() {
  const { waitForCancel } = wf.proxyActivities({
    startToCloseTimeout: '60s',
    heartbeatTimeout: '2s',
    cancellationType: wf.ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  });
  try {
    await wf.CancellationScope.cancellable(async () => {
      const p = waitForCancel();
      await wf.sleep(500);
      wf.CancellationScope.current().cancel();
      await p;
    });
    return 'not cancelled';
  } catch (err) {
    return { cancelled: wf.isCancellation(err), name: err.name };
  }
}

async function waitForever() {
  await wf.condition(() => false);
}

async function stuckActivity() {
  const { alwaysFails } = wf.proxyActivities({ startToCloseTimeout: '10s', retry: { initialInterval: '100ms', maximumInterval: '200ms' } });
  await alwaysFails('still failing');
}

async function localAndPatched(name) {
  const { greet: localGreet } = wf.proxyLocalActivities({ startToCloseTimeout: '10s' });
  const first = await localGreet(name);
  let second;
  if (wf.patched('v2')) {
    second = await greet(`${name} v2`);
  } else {
    second = 'old';
  }
  return [first, second];
}

async function waitForSignalThenGreet() {
  let go = false;
  wf.setHandler(doneSignal, () => {
    go = true;
  });
  const before = await greet('before');
  await wf.condition(() => go);
  const after = await greet('after');
  return [before, after];
}

async function durableTimer(ms) {
  await wf.sleep(ms);
  return await greet('after timer');
}

async function parentWithPolicies(prefix) {
  const abandoned = await wf.startChild(waitForever, { workflowId: `${prefix}-abandon`, parentClosePolicy: wf.ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON });
  await wf.startChild(waitForever, { workflowId: `${prefix}-terminate`, parentClosePolicy: wf.ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE });
  await wf.startChild(waitForever, { workflowId: `${prefix}-cancel`, parentClosePolicy: wf.ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL });
  const signalled = await wf.startChild(accumulator, { workflowId: `${prefix}-signalled` });
  await signalled.signal(addSignal, 7);
  await signalled.signal(doneSignal);
  const total = await signalled.result();
  await wf.getExternalWorkflowHandle(abandoned.workflowId).signal(addSignal, 1);
  return total;
}

/** Fails each attempt before succeedOn; the server retries the run under the start's retry policy. */
async function retryingWorkflow(succeedOn) {
  const { attempt } = wf.workflowInfo();
  if (attempt < succeedOn) {
    throw wf.ApplicationFailure.retryable(`attempt ${attempt} fails`, 'Flaky');
  }
  return attempt;
}

/** The fixed version of workflows-broken.js's taskRetry. */
async function taskRetry() {
  return 'fixed';
}

module.exports = {
  retryingWorkflow,
  taskRetry,
  parentWithPolicies,
  helloActivity,
  retryToSuccess,
  retryExhausted,
  nonRetryableFailure,
  heartbeatTimeout,
  activityTimeout,
  timers,
  parallelActivities,
  accumulator,
  childWorkflow,
  parentWorkflow,
  countdown,
  cancellableWithCleanup,
  activityCancellation,
  waitForever,
  stuckActivity,
  localAndPatched,
  waitForSignalThenGreet,
  durableTimer,
};
