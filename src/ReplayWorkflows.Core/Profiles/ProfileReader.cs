using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReplayWorkflows.Core.Profiles;

/// <summary>
/// Reads a profile file (YAML, or JSON, which the YAML parser reads as flow style) into a <see cref="ProfileDraft"/>,
/// keeping the position of every value so that problems can name their line.
/// </summary>
internal sealed class ProfileReader
{
    private readonly string _source;
    private readonly List<ProfileProblem> _problems;

    private ProfileReader(string source, List<ProfileProblem> problems)
    {
        _source = source;
        _problems = problems;
    }

    public static ProfileDraft? Read(string text, string source, List<ProfileProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add(new ProfileProblem(source, Line(e.Start), Column(e.Start), ProfileProblemKind.Syntax, Flatten(e.Message)));
            return null;
        }

        var reader = new ProfileReader(source, problems);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start;
            reader.Add(at, ProfileProblemKind.Syntax, "a profile is a mapping of fields (name, chunkSizeSeconds, classifier, ...)");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            reader.Add(stream.Documents[1].RootNode.Start, ProfileProblemKind.Syntax, "a profile file holds one document");
        }

        return reader.ReadProfile(root);
    }

    private ProfileDraft ReadProfile(YamlMappingNode root)
    {
        Located<string>? name = null, frameRate = null;
        Located<long>? chunkSize = null, maxLength = null;
        var description = string.Empty;
        List<DraftPlugin> classifiers = [], optimizers = [], labelers = [], featurers = [];
        foreach (var (keyNode, value) in root.Children)
        {
            switch (Key(keyNode))
            {
                case "name":
                    name = Text(value);
                    break;
                case "description":
                    description = Text(value)?.Value ?? string.Empty;
                    break;
                case "chunkSizeSeconds":
                    chunkSize = Positive(value);
                    break;
                case "processingFrameRate":
                    frameRate = Text(value);
                    break;
                case "maxSegmentLengthSeconds":
                    maxLength = Positive(value);
                    break;
                case "classifier":
                    classifiers.AddRange(Plugins(value, allowSingle: true));
                    break;
                case "optimizer":
                    optimizers.AddRange(Plugins(value, allowSingle: true));
                    break;
                case "labeler":
                    labelers.AddRange(Plugins(value, allowSingle: true));
                    break;
                case "featurers":
                    featurers.AddRange(Plugins(value, allowSingle: false));
                    break;
                case var other:
                    Add(keyNode.Start, ProfileProblemKind.UnknownField,
                        $"unknown field '{other}'; a profile has name, description, chunkSizeSeconds, processingFrameRate, maxSegmentLengthSeconds, classifier, optimizer, labeler, featurers");
                    break;
            }
        }

        return new ProfileDraft(name, description, chunkSize, frameRate, maxLength, classifiers, optimizers, labelers, featurers,
            Line(root.Start), Column(root.Start));
    }

    private List<DraftPlugin> Plugins(YamlNode node, bool allowSingle)
    {
        switch (node)
        {
            case YamlMappingNode map when allowSingle:
                return [Plugin(map)];
            case YamlSequenceNode seq:
                var list = new List<DraftPlugin>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlMappingNode m)
                    {
                        list.Add(Plugin(m));
                    }
                    else
                    {
                        Add(item.Start, ProfileProblemKind.InvalidValue, "a plugin entry is a mapping with plugin, version, dependsOn, configuration");
                    }
                }

                return list;
            case YamlScalarNode { Value: null or "" or "~" or "null" } when allowSingle:
                return [];
            default:
                Add(node.Start, ProfileProblemKind.InvalidValue, allowSingle
                    ? "expected a plugin entry (a mapping with plugin, version, dependsOn, configuration)"
                    : "expected a list of plugin entries");
                return [];
        }
    }

    private DraftPlugin Plugin(YamlMappingNode map)
    {
        Located<string>? name = null;
        Located<int>? version = null;
        var dependsOn = new List<Located<string>>();
        var configuration = new List<(Located<string>, Located<string>)>();
        foreach (var (keyNode, value) in map.Children)
        {
            switch (Key(keyNode))
            {
                case "plugin":
                    name = Text(value);
                    break;
                case "version":
                    var v = Positive(value);
                    version = v is null ? null : new Located<int>((int)Math.Min(v.Value, int.MaxValue), v.Line, v.Column);
                    break;
                case "dependsOn":
                    dependsOn.AddRange(Names(value));
                    break;
                case "configuration":
                    configuration.AddRange(Configuration(value));
                    break;
                case var other:
                    Add(keyNode.Start, ProfileProblemKind.UnknownField, $"unknown field '{other}'; a plugin entry has plugin, version, dependsOn, configuration");
                    break;
            }
        }

        return new DraftPlugin(name, version, dependsOn, configuration, Line(map.Start), Column(map.Start));
    }

    private List<Located<string>> Names(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return Text(node) is { } single ? [single] : [];
        }

        if (node is not YamlSequenceNode seq)
        {
            Add(node.Start, ProfileProblemKind.InvalidValue, "dependsOn is a list of plugin names");
            return [];
        }

        return seq.Children.Select(Text).OfType<Located<string>>().ToList();
    }

    private List<(Located<string>, Located<string>)> Configuration(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Add(node.Start, ProfileProblemKind.InvalidValue, "configuration is a mapping of parameter names to values");
            return [];
        }

        var list = new List<(Located<string>, Located<string>)>();
        foreach (var (keyNode, value) in map.Children)
        {
            if (Text(value) is { } v)
            {
                list.Add((new Located<string>(Key(keyNode), Line(keyNode.Start), Column(keyNode.Start)), v));
            }
        }

        return list;
    }

    private Located<string>? Text(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } v } scalar && !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && v is "~" or "null" or ""))
        {
            return new Located<string>(v, Line(node.Start), Column(node.Start));
        }

        Add(node.Start, ProfileProblemKind.InvalidValue, node is YamlScalarNode ? "a value is required here" : "expected a single value here, not a list or mapping");
        return null;
    }

    private Located<long>? Positive(YamlNode node)
    {
        var text = Text(node);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return new Located<long>(n, text.Line, text.Column);
        }

        Add(node.Start, ProfileProblemKind.InvalidValue, $"expected a positive whole number, not '{text.Value}'");
        return null;
    }

    private static string Key(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : node.ToString();

    private void Add(Mark at, ProfileProblemKind kind, string message) =>
        _problems.Add(new ProfileProblem(_source, Line(at), Column(at), kind, message));

    private static int Line(Mark m) => (int)Math.Max(1, m.Line);

    private static int Column(Mark m) => (int)Math.Max(1, m.Column);

    private static string Flatten(string message) => message.ReplaceLineEndings(" ");
}
