using System.Globalization;
using System.Text.RegularExpressions;
using ReplayWorkflows.Core.Replays;

namespace ReplayWorkflows.Cli.Parsing;

/// <summary>
/// A replay feature as typed on the command line: <c>Plugin.Attribute=weight</c> (weight 0-100) or
/// <c>Plugin.Attribute</c> (weight 1). Segments where the attribute is true score the weight.
/// </summary>
internal static partial class FeatureText
{
    public const string Form = "use Plugin.Attribute=weight, e.g. ExcitementLabeler.HighExcitement=10";

    /// <summary>The selector <paramref name="text"/> names; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static FeatureSelector Parse(string? text)
    {
        var value = (text ?? "").Trim();
        var match = Feature().Match(value);
        if (!match.Success)
        {
            throw new FormatException($"feature '{value}' is not Plugin.Attribute=weight: {Form}");
        }

        var weight = 1;
        if (match.Groups["w"].Success)
        {
            if (!int.TryParse(match.Groups["w"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight > 100)
            {
                throw new FormatException($"feature '{value}': the weight must be a whole number 0-100");
            }
        }

        return new FeatureSelector(match.Groups["p"].Value, match.Groups["a"].Value, Value: true, Weight: weight);
    }

    [GeneratedRegex(@"^(?<p>[A-Za-z_][A-Za-z0-9_-]*)\.(?<a>[A-Za-z_][A-Za-z0-9_.-]*)(?:=(?<w>\S+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Feature();
}
