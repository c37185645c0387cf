namespace ReplayWorkflows.Core.Replays;

/// <summary>The result of feeding a catch-up replay one change: the selection and whether it changed.</summary>
public sealed record ReplayUpdate(ReplaySelection Selection, bool Changed);
