namespace ReplayWorkflows.Core.Plugins;

/// <summary>A featurer: (chunk analysis, configuration, dependencies, carried state) to data points.</summary>
public interface IFeaturer : IPlugin
{
    FeaturerResult Analyse(FeaturerInput input);
}
