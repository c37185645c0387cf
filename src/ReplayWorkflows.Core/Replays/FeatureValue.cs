namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// A boolean feature observed in a segment: which plugin, which attribute, which value. Features are keyed by plugin
/// and attribute (MRE keys them by attribute name only, so two plugins' "Loud" collide).
/// </summary>
public sealed record FeatureValue(string Plugin, string Attribute, bool Value)
{
    public override string ToString() => $"{Plugin}.{Attribute}={(Value ? "true" : "false")}";
}
