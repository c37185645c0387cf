namespace Temporalio.Workflows;

/// <summary>Options of a signal to an external workflow.</summary>
public class ExternalWorkflowSignalOptions : ICloneable
{
    /// <summary>Cancels the signal while it is not yet sent; defaults to the workflow's token.</summary>
    public CancellationToken? CancellationToken { get; set; }

    public virtual object Clone() => MemberwiseClone();
}
