'use strict';
// A "bad deploy" of one workflow from workflows.js: it throws a plain Error, which the TS SDK treats as a bug in the
// workflow code, so every workflow task fails and Temporal retries it until a fixed worker takes over.
async function taskRetry() {
  throw new Error('broken build: taskRetry cannot run');
}

module.exports = { taskRetry };
