namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// A replay's interest in one feature: segments whose data has <paramref name="Attribute"/> of
/// <paramref name="Plugin"/> equal to <paramref name="Value"/> match. Duration mode adds <paramref name="Weight"/>
/// (0-100) to the score; clip-feature mode selects when <paramref name="Include"/> is true.
/// </summary>
public sealed record FeatureSelector(string Plugin, string Attribute, bool Value = true, int Weight = 1, bool Include = true)
{
    public bool Matches(FeatureValue feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return string.Equals(feature.Plugin, Plugin, StringComparison.Ordinal)
            && string.Equals(feature.Attribute, Attribute, StringComparison.Ordinal)
            && feature.Value == Value;
    }

    public override string ToString() => $"{Plugin}.{Attribute}={(Value ? "true" : "false")}";
}
