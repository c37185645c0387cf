namespace Temporalio.Workflows;

/// <summary>What happens to a child workflow when its parent closes (None leaves it to the server: terminate).</summary>
public enum ParentClosePolicy
{
    None = 0,
    Terminate = 1,
    Abandon = 2,
    RequestCancel = 3,
}
