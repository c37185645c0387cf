using System.CommandLine;
using System.Text.Json;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>--input JSON</c>, repeatable: each occurrence is one argument, a JSON value passed untyped as a
/// <see cref="JsonElement"/> (the default payload converter writes it as json/plain, byte for byte).
/// </summary>
internal static class WorkflowInputs
{
    public static Option<string[]> Create(string what) => new("--input", "-i")
    {
        Description = $"{what} argument as a JSON value (for example '\"text\"', '42' or '{{\"a\":1}}'); repeat for several arguments",
        HelpName = "json",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static IReadOnlyCollection<object?> Parse(ParseResult parse, Option<string[]> option)
    {
        var values = parse.GetValue(option) ?? [];
        var args = new List<object?>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                using var document = JsonDocument.Parse(values[i]);
                args.Add(document.RootElement.Clone());
            }
            catch (JsonException ex)
            {
                var which = values.Length == 1 ? "--input" : $"--input #{i + 1}";
                throw new CliUserException($"{which} is not valid JSON: {ex.Message} (quote strings: '\"text\"')", exitCode: 2);
            }
        }

        return args;
    }
}
