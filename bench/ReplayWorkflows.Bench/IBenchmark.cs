namespace ReplayWorkflows.Bench;

/// <summary>A benchmark that measures one thing and prints its figures to the console.</summary>
internal interface IBenchmark
{
    /// <summary>The name used on the command line, for example <c>grpc</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Description { get; }

    Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
