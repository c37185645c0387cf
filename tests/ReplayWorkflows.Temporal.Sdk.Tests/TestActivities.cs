using Temporalio.Activities;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

public sealed record Greeting(string Name, int Times);

/// <summary>Activities used by the workflow tests; state records what ran.</summary>
public sealed class TestActivities
{
    private int flakyCalls;
    private int addCalls;

    public int FlakyCalls => flakyCalls;

    public int AddCalls => addCalls;

    [Activity]
    public string Greet(Greeting greeting) => string.Join(" ", Enumerable.Repeat($"Hello, {greeting.Name}!", greeting.Times));

    [Activity]
    public async Task<int> AddAsync(int a, int b)
    {
        Interlocked.Increment(ref addCalls);
        await Task.Yield();
        return a + b;
    }

    /// <summary>Fails until the third attempt, then returns the attempt number.</summary>
    [Activity]
    public int Flaky()
    {
        Interlocked.Increment(ref flakyCalls);
        var attempt = ActivityExecutionContext.Current.Info.Attempt;
        return attempt < 3 ? throw new InvalidOperationException($"attempt {attempt} fails") : attempt;
    }

    [Activity]
    public void FailHard() => throw new ApplicationFailureException("bad input", errorType: "BadInput", nonRetryable: true, details: ["chunk-7"]);

    /// <summary>Heartbeats until cancelled; reports how it ended.</summary>
    [Activity]
    public async Task<string> WaitForCancelAsync()
    {
        var context = ActivityExecutionContext.Current;
        while (true)
        {
            context.Heartbeat("alive");
            try
            {
                await Task.Delay(100, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
        }
    }

    /// <summary>Resumes from the previous attempt's heartbeat; fails the first attempt after heartbeating.</summary>
    [Activity]
    public async Task<int> ResumeFromHeartbeatAsync()
    {
        var context = ActivityExecutionContext.Current;
        var start = context.Info.HeartbeatDetails.Count > 0 ? await context.Info.HeartbeatDetailAtAsync<int>(0) : 0;
        if (context.Info.Attempt == 1)
        {
            context.Heartbeat(41);
            await Task.Delay(300);
            throw new InvalidOperationException("crash after heartbeat");
        }

        return start + 1;
    }
}
