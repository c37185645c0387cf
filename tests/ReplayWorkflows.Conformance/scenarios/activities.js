'use strict';
const { Context, ApplicationFailure, CancelledFailure } = require('@temporalio/activity');

const attempts = new Map();

async function greet(name) {
  return `Hello, ${name}!`;
}

/** Fails until the given attempt, then succeeds. */
async function flaky(key, succeedOn) {
  const attempt = Context.current().info.attempt;
  attempts.set(key, attempt);
  if (attempt < succeedOn) {
    throw new Error(`flaky failure on attempt ${attempt}`);
  }
  return attempt;
}

async function alwaysFails(message) {
  throw ApplicationFailure.create({ message, type: 'AlwaysFails' });
}

async function nonRetryable(message) {
  throw ApplicationFailure.nonRetryable(message, 'Fatal');
}

async function sleepFor(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ms;
}

/** Heartbeats progress; on attempt 1 stops heartbeating after `stallAt` so the heartbeat timeout fires. */
async function heartbeatThenStall(stallAt) {
  const ctx = Context.current();
  const start = ctx.info.heartbeatDetails ?? 0;
  if (ctx.info.attempt > 1) {
    return { attempt: ctx.info.attempt, resumedFrom: start };
  }
  for (let i = start; i < stallAt; i++) {
    ctx.heartbeat(i + 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 60000));
  return { attempt: ctx.info.attempt, resumedFrom: start };
}

/** Heartbeats until cancelled; reports the cancellation. */
async function waitForCancel() {
  const ctx = Context.current();
  for (;;) {
    ctx.heartbeat();
    try {
      await ctx.sleep(200);
    } catch (err) {
      if (err instanceof CancelledFailure) {
        throw err;
      }
      throw err;
    }
  }
}

module.exports = { greet, flaky, alwaysFails, nonRetryable, sleepFor, heartbeatThenStall, waitForCancel };
