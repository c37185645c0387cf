using System.Globalization;

namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// One entry of a plugin's configuration schema. Values travel as invariant-culture strings (that is what YAML
/// scalars are and what survives any serialiser unchanged); <see cref="Check"/> decides whether a value fits.
/// </summary>
public sealed record ConfigParameter(
    string Name,
    ConfigValueType Type,
    string? Default = null,
    bool Required = false,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? AllowedValues = null,
    string Description = "")
{
    /// <summary>Null when <paramref name="value"/> fits this parameter, else a sentence saying why not.</summary>
    public string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (Type)
        {
            case ConfigValueType.Boolean:
                return value is "true" or "false" ? null : $"'{Name}' must be true or false, not '{value}'";
            case ConfigValueType.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return $"'{Name}' must be an integer, not '{value}'";
                }

                return CheckRange(whole);
            case ConfigValueType.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    return $"'{Name}' must be a number, not '{value}'";
                }

                return CheckRange(number);
            case ConfigValueType.String:
                if (AllowedValues is { Count: > 0 } && !AllowedValues.Contains(value, StringComparer.Ordinal))
                {
                    return $"'{Name}' must be one of {string.Join(", ", AllowedValues)}, not '{value}'";
                }

                return null;
            default:
                throw new InvalidOperationException($"unknown configuration type {Type}");
        }
    }

    private string? CheckRange(double number)
    {
        if (Minimum is { } min && number < min)
        {
            return $"'{Name}' must be at least {min.ToString(CultureInfo.InvariantCulture)}, not {number.ToString(CultureInfo.InvariantCulture)}";
        }

        if (Maximum is { } max && number > max)
        {
            return $"'{Name}' must be at most {max.ToString(CultureInfo.InvariantCulture)}, not {number.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }
}
