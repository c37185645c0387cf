using System.Diagnostics;

namespace ReplayWorkflows.Testing;

/// <summary>Waits on a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"{what ?? "condition"} not met within {limit.TotalSeconds:0.#} s; last value: {value}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null) =>
        ReturnsAsync(() => Task.FromResult(condition()), v => v, timeout, what);
}
