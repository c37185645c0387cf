namespace ReplayWorkflows.Data;

/// <summary>
/// A data plane failure with one clear message: what failed, on which store (file or server), and what to do.
/// <see cref="IsTransient"/> tells callers (activity retry policies) whether trying again later can help.
/// </summary>
public sealed class DataPlaneException : Exception
{
    public DataPlaneException()
    {
    }

    public DataPlaneException(string message)
        : base(message)
    {
    }

    public DataPlaneException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DataPlaneException(string message, bool isTransient, Exception? innerException)
        : base(message, innerException) => IsTransient = isTransient;

    /// <summary>True when the store was busy or unreachable rather than the request being wrong.</summary>
    public bool IsTransient { get; }
}
