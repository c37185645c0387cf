using System.CommandLine;
using System.Text.Json;
using ReplayWorkflows.Cli.Options;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay workflow query</c>: runs a query handler and prints its result as JSON (text: the value alone; json:
/// <c>{"queryType": ..., "result": ...}</c>).
/// </summary>
internal static class WorkflowQueryCommand
{
    private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement.Clone();

    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new WorkflowTarget();
        var type = new Option<string>("--type") { Description = "Query type (the query handler's name)", Required = true, HelpName = "name" };
        var input = WorkflowInputs.Create("Query");
        var format = OutputFormat.Create();
        var command = new Command("query", "Query a workflow and print the result as JSON") { type, input, format };
        target.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var queryType = parse.GetValue(type)!;
            var args = WorkflowInputs.Parse(parse, input);
            var result = await target.RunAsync(parse, $"query {queryType} on", async h =>
            {
                try
                {
                    // JsonElement? reads json/plain as-is and binary/null as null.
                    return await h.QueryAsync<JsonElement?>(queryType, args).ConfigureAwait(false);
                }
                catch (WorkflowQueryFailedException ex)
                {
                    throw new CliUserException($"query {queryType} on workflow {h.Id} failed: {ex.Message.ReplaceLineEndings(" ").Trim()}");
                }
                catch (WorkflowQueryRejectedException ex)
                {
                    throw new CliUserException($"query {queryType} on workflow {h.Id} was rejected: the workflow is {ex.WorkflowStatus}");
                }
                catch (ArgumentException ex)
                {
                    throw new CliUserException($"query {queryType} on workflow {h.Id} returned a value that is not JSON: {ex.Message}");
                }
            }, cancellationToken).ConfigureAwait(false);
            var value = result ?? JsonNull;
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { QueryType = queryType, Result = value }).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(value, OutputFormat.Json)).ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }
}
