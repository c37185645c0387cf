using Microsoft.Extensions.Options;

namespace ReplayWorkflows.Data;

/// <summary>
/// Plugs <see cref="DataPlaneOptions.Validate"/> into options validation, so a host that binds the <c>Data</c> section
/// (<c>services.AddOptions&lt;DataPlaneOptions&gt;().BindConfiguration("Data").ValidateOnStart()</c> plus this validator)
/// fails at start with every problem listed.
/// </summary>
public sealed class DataPlaneOptionsValidator : IValidateOptions<DataPlaneOptions>
{
    public ValidateOptionsResult Validate(string? name, DataPlaneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
