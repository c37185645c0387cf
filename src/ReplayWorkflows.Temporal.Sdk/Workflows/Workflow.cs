using System.Linq.Expressions;
using Microsoft.Extensions.Logging;
using Temporalio.Api.Common.V1;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Workflows.Runtime;

namespace Temporalio.Workflows;

/// <summary>
/// What workflow code may do. Every member must be called from workflow code (on the workflow's own scheduler);
/// each call that reaches the outside world becomes a command recorded in history, so replays take the same path.
/// </summary>
public static class Workflow
{
    /// <summary>Whether the calling code is workflow code.</summary>
    public static bool InWorkflow => WorkflowInstance.Active is not null;

    public static WorkflowInfo Info => Instance.Info!;

    /// <summary>The time of the current workflow task: the same on every replay.</summary>
    public static DateTime UtcNow => Instance.UtcNow;

    /// <summary>A random generator seeded per run: the same sequence on every replay.</summary>
    public static Common.DeterministicRandom Random => Instance.Random;

    /// <summary>Cancelled when cancellation of the workflow is requested; the default token of every awaitable call.</summary>
    public static CancellationToken CancellationToken => Instance.CancellationToken;

    public static ILogger Logger => Instance.Logger;

    /// <summary>The memo the workflow was started with, as raw payloads.</summary>
    public static IReadOnlyDictionary<string, IRawValue> Memo => Instance.Memo;

    /// <summary>The payload converter of this workflow's worker, for memo entries and other raw values.</summary>
    public static IPayloadConverter PayloadConverter => Instance.Converter.PayloadConverter;

    public static SearchAttributeCollection TypedSearchAttributes => Instance.TypedSearchAttributes;

    private static WorkflowInstance Instance => WorkflowInstance.Active
        ?? throw new InvalidWorkflowOperationException("Not in workflow: Workflow members may only be used from workflow code on its scheduler (not from Task.Run, threads or activities)");

    /// <summary>A v4 UUID from <see cref="Random"/>.</summary>
    public static Guid NewGuid() => Instance.NewGuid();

    // ---- activities ----

    public static async Task<TResult> ExecuteActivityAsync<TResult>(Expression<Func<Task<TResult>>> activityCall, ActivityOptions options) =>
        (TResult)(await ScheduleFromExpression(activityCall, options, typeof(TResult)))!;

    public static async Task<TResult> ExecuteActivityAsync<TResult>(Expression<Func<TResult>> activityCall, ActivityOptions options) =>
        (TResult)(await ScheduleFromExpression(activityCall, options, typeof(TResult)))!;

    public static Task ExecuteActivityAsync(Expression<Func<Task>> activityCall, ActivityOptions options) =>
        ScheduleFromExpression(activityCall, options, typeof(void));

    public static Task ExecuteActivityAsync(Expression<Action> activityCall, ActivityOptions options) =>
        ScheduleFromExpression(activityCall, options, typeof(void));

    public static async Task<TResult> ExecuteActivityAsync<TActivityInstance, TResult>(Expression<Func<TActivityInstance, Task<TResult>>> activityCall, ActivityOptions options) =>
        (TResult)(await ScheduleFromExpression(activityCall, options, typeof(TResult)))!;

    public static async Task<TResult> ExecuteActivityAsync<TActivityInstance, TResult>(Expression<Func<TActivityInstance, TResult>> activityCall, ActivityOptions options) =>
        (TResult)(await ScheduleFromExpression(activityCall, options, typeof(TResult)))!;

    public static Task ExecuteActivityAsync<TActivityInstance>(Expression<Func<TActivityInstance, Task>> activityCall, ActivityOptions options) =>
        ScheduleFromExpression(activityCall, options, typeof(void));

    public static Task ExecuteActivityAsync<TActivityInstance>(Expression<Action<TActivityInstance>> activityCall, ActivityOptions options) =>
        ScheduleFromExpression(activityCall, options, typeof(void));

    public static async Task<TResult> ExecuteActivityAsync<TResult>(string activity, IReadOnlyCollection<object?> args, ActivityOptions options) =>
        (TResult)(await Instance.ScheduleActivity(activity, args, options, typeof(TResult)))!;

    public static Task ExecuteActivityAsync(string activity, IReadOnlyCollection<object?> args, ActivityOptions options) =>
        Instance.ScheduleActivity(activity, args, options, typeof(void));

    // ---- local activities (run by this worker, recorded as markers) ----

    public static async Task<TResult> ExecuteLocalActivityAsync<TResult>(Expression<Func<Task<TResult>>> activityCall, LocalActivityOptions options) =>
        (TResult)(await LocalFromExpression(activityCall, options, typeof(TResult)))!;

    public static async Task<TResult> ExecuteLocalActivityAsync<TResult>(Expression<Func<TResult>> activityCall, LocalActivityOptions options) =>
        (TResult)(await LocalFromExpression(activityCall, options, typeof(TResult)))!;

    public static Task ExecuteLocalActivityAsync(Expression<Func<Task>> activityCall, LocalActivityOptions options) =>
        LocalFromExpression(activityCall, options, typeof(void));

    public static Task ExecuteLocalActivityAsync(Expression<Action> activityCall, LocalActivityOptions options) =>
        LocalFromExpression(activityCall, options, typeof(void));

    public static async Task<TResult> ExecuteLocalActivityAsync<TActivityInstance, TResult>(Expression<Func<TActivityInstance, Task<TResult>>> activityCall, LocalActivityOptions options) =>
        (TResult)(await LocalFromExpression(activityCall, options, typeof(TResult)))!;

    public static async Task<TResult> ExecuteLocalActivityAsync<TActivityInstance, TResult>(Expression<Func<TActivityInstance, TResult>> activityCall, LocalActivityOptions options) =>
        (TResult)(await LocalFromExpression(activityCall, options, typeof(TResult)))!;

    public static Task ExecuteLocalActivityAsync<TActivityInstance>(Expression<Func<TActivityInstance, Task>> activityCall, LocalActivityOptions options) =>
        LocalFromExpression(activityCall, options, typeof(void));

    public static Task ExecuteLocalActivityAsync<TActivityInstance>(Expression<Action<TActivityInstance>> activityCall, LocalActivityOptions options) =>
        LocalFromExpression(activityCall, options, typeof(void));

    public static async Task<TResult> ExecuteLocalActivityAsync<TResult>(string activity, IReadOnlyCollection<object?> args, LocalActivityOptions options) =>
        (TResult)(await Instance.ScheduleLocalActivity(activity, args, options, typeof(TResult)))!;

    public static Task ExecuteLocalActivityAsync(string activity, IReadOnlyCollection<object?> args, LocalActivityOptions options) =>
        Instance.ScheduleLocalActivity(activity, args, options, typeof(void));

    // ---- child workflows ----

    public static async Task<ChildWorkflowHandle<TWorkflow, TResult>> StartChildWorkflowAsync<TWorkflow, TResult>(
        Expression<Func<TWorkflow, Task<TResult>>> workflowRunCall, ChildWorkflowOptions? options = null)
    {
        var (method, args) = ExpressionUtil.ExtractCall(workflowRunCall);
        _ = method;
        return await StartChild<TWorkflow, TResult>(WorkflowDefinition.NameOf(typeof(TWorkflow)), args, options, typeof(TResult));
    }

    public static async Task<ChildWorkflowHandle<TWorkflow>> StartChildWorkflowAsync<TWorkflow>(
        Expression<Func<TWorkflow, Task>> workflowRunCall, ChildWorkflowOptions? options = null)
    {
        var (_, args) = ExpressionUtil.ExtractCall(workflowRunCall);
        return await StartChild<TWorkflow, ValueTuple>(WorkflowDefinition.NameOf(typeof(TWorkflow)), args, options, typeof(void));
    }

    public static async Task<ChildWorkflowHandle> StartChildWorkflowAsync(string workflow, IReadOnlyCollection<object?> args, ChildWorkflowOptions? options = null) =>
        await StartChild<ValueTuple, object?>(workflow, args, options, typeof(object));

    public static async Task<TResult> ExecuteChildWorkflowAsync<TWorkflow, TResult>(
        Expression<Func<TWorkflow, Task<TResult>>> workflowRunCall, ChildWorkflowOptions? options = null) =>
        await (await StartChildWorkflowAsync(workflowRunCall, options)).GetResultAsync();

    public static async Task ExecuteChildWorkflowAsync<TWorkflow>(Expression<Func<TWorkflow, Task>> workflowRunCall, ChildWorkflowOptions? options = null) =>
        await (await StartChildWorkflowAsync(workflowRunCall, options)).GetResultAsync();

    public static async Task ExecuteChildWorkflowAsync(string workflow, IReadOnlyCollection<object?> args, ChildWorkflowOptions? options = null)
    {
        var handle = await StartChild<ValueTuple, ValueTuple>(workflow, args, options, typeof(void));
        await handle.GetResultAsync();
    }

    public static async Task<TResult> ExecuteChildWorkflowAsync<TResult>(string workflow, IReadOnlyCollection<object?> args, ChildWorkflowOptions? options = null)
    {
        var handle = await StartChild<ValueTuple, TResult>(workflow, args, options, typeof(TResult));
        return await handle.GetResultAsync();
    }

    // ---- other workflows ----

    public static ExternalWorkflowHandle GetExternalWorkflowHandle(string id, string? runId = null) =>
        GetExternalWorkflowHandle<ValueTuple>(id, runId);

    public static ExternalWorkflowHandle<TWorkflow> GetExternalWorkflowHandle<TWorkflow>(string id, string? runId = null) =>
        new Runtime.ExternalWorkflowHandleImpl<TWorkflow>(Instance, id, runId);

    // ---- time and waiting ----

    /// <summary>A durable timer. Zero becomes 1 ms; <see cref="Timeout.InfiniteTimeSpan"/> creates no timer.</summary>
    public static Task DelayAsync(TimeSpan delay, CancellationToken? cancellationToken = null) => Instance.DelayAsync(delay, cancellationToken);

    public static Task DelayAsync(int millisecondsDelay, CancellationToken? cancellationToken = null) =>
        DelayAsync(millisecondsDelay == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(millisecondsDelay), cancellationToken);

    /// <summary>Waits until <paramref name="conditionCheck"/> is true; it is re-checked after every step of workflow code.</summary>
    public static Task WaitConditionAsync(Func<bool> conditionCheck, CancellationToken? cancellationToken = null) =>
        Instance.WaitConditionAsync(conditionCheck, null, cancellationToken);

    /// <summary>Waits until the condition is true (returns true) or the timeout passes (returns false).</summary>
    public static Task<bool> WaitConditionAsync(Func<bool> conditionCheck, TimeSpan timeout, CancellationToken? cancellationToken = null) =>
        Instance.WaitConditionAsync(conditionCheck, timeout, cancellationToken);

    public static Task<bool> WaitConditionAsync(Func<bool> conditionCheck, int timeoutMilliseconds, CancellationToken? cancellationToken = null) =>
        WaitConditionAsync(conditionCheck, TimeSpan.FromMilliseconds(timeoutMilliseconds), cancellationToken);

    /// <summary>Deterministic <c>Task.WhenAny</c>: ties go to the earliest task in the list.</summary>
    public static Task<Task> WhenAnyAsync(params Task[] tasks) => WhenAnyAsync((IEnumerable<Task>)tasks);

    public static Task<Task> WhenAnyAsync(IEnumerable<Task> tasks)
    {
        var list = tasks.ToList();
        if (list.FirstOrDefault(t => t.IsCompleted) is { } done)
        {
            return Task.FromResult(done);
        }

        var first = new TaskCompletionSource<Task>();
        foreach (var task in list)
        {
            task.ContinueWith(t => first.TrySetResult(t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);
        }

        return first.Task;
    }

    public static async Task<Task<TResult>> WhenAnyAsync<TResult>(IEnumerable<Task<TResult>> tasks) =>
        (Task<TResult>)await WhenAnyAsync(tasks.Cast<Task>());

    // The typed params overloads make an array of Task<T> bind to the typed forms instead of being ambiguous.
    public static Task<Task<TResult>> WhenAnyAsync<TResult>(params Task<TResult>[] tasks) => WhenAnyAsync((IEnumerable<Task<TResult>>)tasks);

    public static Task WhenAllAsync(params Task[] tasks) => Task.WhenAll(tasks);

    public static Task WhenAllAsync(IEnumerable<Task> tasks) => Task.WhenAll(tasks);

    public static Task<TResult[]> WhenAllAsync<TResult>(IEnumerable<Task<TResult>> tasks) => Task.WhenAll(tasks);

    public static Task<TResult[]> WhenAllAsync<TResult>(params Task<TResult>[] tasks) => Task.WhenAll(tasks);

    /// <summary>The workflow-safe replacement of <c>Task.Run</c>: runs on the workflow's scheduler.</summary>
    public static Task RunTaskAsync(Func<Task> function, CancellationToken? cancellationToken = null) =>
        RunTaskAsync<object?>(
            async () =>
            {
                await function();
                return null;
            },
            cancellationToken);

    /// <summary>As <c>Task.Factory.StartNew</c> with a token: a token already canceled (the workflow's by default) cancels the task before it runs.</summary>
    public static Task<TResult> RunTaskAsync<TResult>(Func<Task<TResult>> function, CancellationToken? cancellationToken = null)
    {
        var token = cancellationToken ?? CancellationToken;
        return token.IsCancellationRequested ? Task.FromCanceled<TResult>(token) : Instance.StartOnScheduler(function);
    }

    // ---- versioning, search attributes, continue-as-new ----

    /// <summary>True for new runs and for replays of runs that took the patched path (recorded by a marker).</summary>
    public static bool Patched(string patchId) => Instance.Patched(patchId, deprecated: false);

    /// <summary>Marks a patch whose old path no longer exists in any running workflow.</summary>
    public static void DeprecatePatch(string patchId) => Instance.Patched(patchId, deprecated: true);

    public static void UpsertTypedSearchAttributes(params SearchAttributeUpdate[] updates) => Instance.UpsertSearchAttributes(updates);

    public static ContinueAsNewException CreateContinueAsNewException<TWorkflow>(Expression<Func<TWorkflow, Task>> workflowRunCall, ContinueAsNewOptions? options = null)
    {
        var (_, args) = ExpressionUtil.ExtractCall(workflowRunCall);
        return new ContinueAsNewException(WorkflowDefinition.NameOf(typeof(TWorkflow)), args, options);
    }

    public static ContinueAsNewException CreateContinueAsNewException<TWorkflow, TResult>(Expression<Func<TWorkflow, Task<TResult>>> workflowRunCall, ContinueAsNewOptions? options = null)
    {
        var (_, args) = ExpressionUtil.ExtractCall(workflowRunCall);
        return new ContinueAsNewException(WorkflowDefinition.NameOf(typeof(TWorkflow)), args, options);
    }

    public static ContinueAsNewException CreateContinueAsNewException(string workflow, IReadOnlyCollection<object?> args, ContinueAsNewOptions? options = null) =>
        new(workflow, args, options);

    private static Task<object?> ScheduleFromExpression(LambdaExpression call, ActivityOptions options, System.Type resultType)
    {
        var (method, args) = ExpressionUtil.ExtractCall(call);
        return Instance.ScheduleActivity(Activities.ActivityDefinition.NameOf(method), args, options, resultType);
    }

    private static Task<object?> LocalFromExpression(LambdaExpression call, LocalActivityOptions options, System.Type resultType)
    {
        var (method, args) = ExpressionUtil.ExtractCall(call);
        return Instance.ScheduleLocalActivity(Activities.ActivityDefinition.NameOf(method), args, options, resultType);
    }

    private static async Task<ChildWorkflowHandle<TWorkflow, TResult>> StartChild<TWorkflow, TResult>(
        string workflow, IReadOnlyCollection<object?> args, ChildWorkflowOptions? options, System.Type resultType)
    {
        var instance = Instance;
        var (id, runId, result) = await instance.StartChildAsync(workflow, args, options ?? new ChildWorkflowOptions(), resultType);
        return new Runtime.ChildWorkflowHandleImpl<TWorkflow, TResult>(instance, id, runId, result);
    }

    /// <summary>Members that are safe only with care.</summary>
    public static class Unsafe
    {
        /// <summary>Whether the code is replaying history (for example to skip side effects such as logging).</summary>
        public static bool IsReplaying => Instance.IsReplaying;
    }
}
