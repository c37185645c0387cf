namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// A classifier: (chunk, dependency data, carried segment context) to segment starts and ends. It runs strictly in
/// chunk order; <see cref="Segments.SegmentStateMachine"/> turns its marks into segments.
/// </summary>
public interface IClassifier : IPlugin
{
    ClassifierResult Classify(ClassifierInput input);
}
