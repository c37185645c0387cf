namespace ReplayWorkflows.Media.Rendering;

/// <summary>
/// A renderer refuses the replay request itself (its segments, transition or options): asking again fails the same
/// way. Problems that can pass, such as a chunk not recorded yet, are other exceptions.
/// </summary>
public sealed class ReplayRequestRefusedException(string message, string? paramName = "request") : ArgumentException(message, paramName);
