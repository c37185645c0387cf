using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.Runtime.Internal.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Media.Tests.MediaConvert;

/// <summary>
/// A local stand-in for the MediaConvert REST API that checks what a real endpoint would: every request's SigV4
/// signature is recomputed from the request as received (own canonicalisation, AWSSDK.Core's signature
/// computation) and refused with 403 on mismatch; CreateJob bodies are validated (inputs, clippings, output
/// groups) and refused with 400 when wrong. Jobs report PROGRESSING, then COMPLETE (or ERROR, or stay PROGRESSING).
/// </summary>
internal sealed partial class FakeMediaConvert : IAsyncDisposable
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "eu-west-1";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Job> jobs = new();
    private readonly TaskCompletionSource<string> firstJob = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int nextId;

    private FakeMediaConvert(WebApplication app) => this.app = app;

    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>GetJob answers PROGRESSING this many times before the final status.</summary>
    public int ProgressingPolls { get; set; } = 1;

    /// <summary>When set, jobs end in ERROR with this code and message.</summary>
    public (int Code, string Message)? Failure { get; set; }

    /// <summary>What completed jobs report as their output's length; null reports none.</summary>
    public long? OutputDurationMs { get; set; }

    /// <summary>Jobs never finish on their own (cancellation and timeout tests).</summary>
    public bool NeverFinish { get; set; }

    public ConcurrentQueue<(string Method, string Path, int Status, string? Problem)> Requests { get; } = new();

    public IReadOnlyCollection<Job> Jobs => jobs.Values.ToList();

    /// <summary>Completes with the id of the first job created.</summary>
    public Task<string> FirstJobCreated => firstJob.Task;

    public static async Task<FakeMediaConvert> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeMediaConvert(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?')[0];
        var method = context.Request.Method;

        var problem = SignatureProblem(context.Request, raw, body);
        if (problem is not null)
        {
            await AnswerAsync(context, method, path, 403, new JsonObject { ["message"] = problem }, problem);
            return;
        }

        if (method == "POST" && path == "/2017-08-29/jobs")
        {
            var json = JsonNode.Parse(body) as JsonObject;
            problem = json is null ? "body is not a JSON object" : JobProblem(json);
            if (problem is not null)
            {
                await AnswerAsync(context, method, path, 400, new JsonObject { ["message"] = problem }, problem);
                return;
            }

            var id = $"{DateTime.UtcNow:yyyyMMddHHmmss}-fake{Interlocked.Increment(ref nextId)}";
            var job = new Job(id, json!);
            jobs[id] = job;
            firstJob.TrySetResult(id);
            await AnswerAsync(context, method, path, 201, new JsonObject { ["job"] = job.ToJson() }, null);
            return;
        }

        var match = JobPath().Match(path);
        if (!match.Success || !jobs.TryGetValue(match.Groups[1].Value, out var found))
        {
            await AnswerAsync(context, method, path, 404, new JsonObject { ["message"] = $"no job at {path}" }, "not found");
            return;
        }

        if (method == "GET")
        {
            lock (found)
            {
                found.Polls++;
                if (found.Status is "SUBMITTED" or "PROGRESSING")
                {
                    found.Status = NeverFinish || found.Polls <= ProgressingPolls ? "PROGRESSING" : Failure is null ? "COMPLETE" : "ERROR";
                    found.OutputDurationMs = OutputDurationMs;
                    if (found.Status == "ERROR")
                    {
                        found.ErrorCode = Failure!.Value.Code;
                        found.ErrorMessage = Failure.Value.Message;
                    }
                }
            }

            await AnswerAsync(context, method, path, 200, new JsonObject { ["job"] = found.ToJson() }, null);
            return;
        }

        if (method == "DELETE")
        {
            lock (found)
            {
                if (found.Status is not ("SUBMITTED" or "PROGRESSING"))
                {
                    problem = $"job {found.Id} is {found.Status} and cannot be cancelled";
                }
                else
                {
                    found.Status = "CANCELED";
                }
            }

            await AnswerAsync(context, method, path, problem is null ? 202 : 409, new JsonObject { ["message"] = problem }, problem);
            return;
        }

        await AnswerAsync(context, method, path, 405, new JsonObject { ["message"] = $"{method} not allowed" }, "method");
    }

    private async Task AnswerAsync(HttpContext context, string method, string path, int status, JsonObject body, string? problem)
    {
        Requests.Enqueue((method, path, status, problem));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Null when the request is signed correctly with the known credentials; else why not.</summary>
    private static string? SignatureProblem(HttpRequest request, string rawTarget, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        var parsed = AuthorizationHeader().Match(authorization);
        if (!parsed.Success)
        {
            return "missing or malformed Authorization header";
        }

        var (key, date, region, service) = (parsed.Groups["key"].Value, parsed.Groups["date"].Value, parsed.Groups["region"].Value, parsed.Groups["service"].Value);
        var signedHeaders = parsed.Groups["headers"].Value;
        var amzDate = request.Headers["x-amz-date"].ToString();
        if (key != AccessKey)
        {
            return $"The security token included in the request is invalid (unknown access key {key})";
        }

        if (region != Region || service != "mediaconvert")
        {
            return $"Credential should be scoped to region {Region} and service mediaconvert, not {region}/{service}";
        }

        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt)
            || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return "x-amz-date missing or not matching the credential scope date";
        }

        if (Math.Abs((DateTime.UtcNow - signedAt).TotalMinutes) > 5)
        {
            return "Signature expired: x-amz-date is more than 5 minutes from the server time";
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return "SignedHeaders must include host and x-amz-date";
        }

        // The canonical request, rebuilt from what arrived (independently of the client's signer).
        var split = rawTarget.Split('?', 2);
        var canonical = new StringBuilder();
        canonical.Append(request.Method).Append('\n');
        canonical.Append(string.Join('/', split[0].Split('/').Select(Uri.EscapeDataString))).Append('\n');
        canonical.Append(split.Length > 1 ? string.Join('&', split[1].Split('&').Order(StringComparer.Ordinal)) : string.Empty).Append('\n');
        foreach (var name in names)
        {
            canonical.Append(name).Append(':').Append(request.Headers[name].ToString().Trim()).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        var expected = AWS4Signer.ComputeSignature(AccessKey, SecretKey, Region, signedAt, "mediaconvert", signedHeaders, canonical.ToString()).Signature;
        return expected == parsed.Groups["signature"].Value
            ? null
            : "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";
    }

    /// <summary>What MediaConvert's own validation would refuse in a CreateJob body; null when fine.</summary>
    private static string? JobProblem(JsonObject job)
    {
        if (job["role"]?.GetValue<string>() is not { } role || !role.StartsWith("arn:aws:iam::", StringComparison.Ordinal))
        {
            return "role must be an IAM role ARN";
        }

        if (job["settings"]?["inputs"] is not JsonArray { Count: > 0 and <= 150 } inputs)
        {
            return "settings.inputs must hold 1 to 150 inputs";
        }

        var selectors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (input?["fileInput"]?.GetValue<string>() is not { } file || !file.StartsWith("s3://", StringComparison.Ordinal) || file.Length <= 5)
            {
                return "inputs[].fileInput must be an s3:// URI";
            }

            if (input["timecodeSource"]?.GetValue<string>() != "ZEROBASED")
            {
                return "inputs[].timecodeSource must be ZEROBASED for zero-based clipping timecodes";
            }

            foreach (var name in (input["audioSelectors"] as JsonObject ?? new JsonObject()).Select(p => p.Key))
            {
                selectors.Add(name);
            }

            foreach (var image in input["imageInserter"]?["insertableImages"] as JsonArray ?? new JsonArray())
            {
                if (image?["imageInserterInput"]?.GetValue<string>() is not { } uri || !uri.StartsWith("s3://", StringComparison.Ordinal)
                    || !(uri.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || uri.EndsWith(".tga", StringComparison.OrdinalIgnoreCase)))
                {
                    return "insertableImages[].imageInserterInput must be an s3:// PNG or TGA";
                }

                if (image["startTime"]?.GetValue<string>() is not { } at || !Timecode().IsMatch(at))
                {
                    return "insertableImages[].startTime must be HH:MM:SS:FF";
                }

                var duration = image["duration"]?.GetValue<long>() ?? 0;
                if (image["layer"]?.GetValue<int>() is not (>= 0 and <= 99) || image["opacity"]?.GetValue<int>() is not (>= 0 and <= 100)
                    || duration <= 0 || (image["fadeIn"]?.GetValue<long>() ?? 0) + (image["fadeOut"]?.GetValue<long>() ?? 0) > duration)
                {
                    return "insertableImages[] need a layer 0-99, an opacity 0-100, a positive duration and fades that fit in it";
                }
            }

            foreach (var clipping in input["inputClippings"] as JsonArray ?? new JsonArray())
            {
                var start = clipping?["startTimecode"]?.GetValue<string>();
                var end = clipping?["endTimecode"]?.GetValue<string>();
                if (start is null && end is null)
                {
                    return "an input clipping needs startTimecode or endTimecode";
                }

                if ((start is not null && !Timecode().IsMatch(start)) || (end is not null && !Timecode().IsMatch(end)))
                {
                    return $"clipping timecodes must be HH:MM:SS:FF, got {start} / {end}";
                }

                if (start is not null && end is not null && string.CompareOrdinal(end, start) < 0)
                {
                    return $"clipping ends ({end}) before it starts ({start})";
                }
            }
        }

        if (job["settings"]?["outputGroups"] is not JsonArray { Count: > 0 } groups)
        {
            return "settings.outputGroups must not be empty";
        }

        foreach (var group in groups)
        {
            var type = group?["outputGroupSettings"]?["type"]?.GetValue<string>();
            var settings = type switch
            {
                "FILE_GROUP_SETTINGS" => group!["outputGroupSettings"]!["fileGroupSettings"],
                "HLS_GROUP_SETTINGS" => group!["outputGroupSettings"]!["hlsGroupSettings"],
                _ => null,
            };
            if (settings?["destination"]?.GetValue<string>() is not { } destination || !destination.StartsWith("s3://", StringComparison.Ordinal))
            {
                return $"output group {group?["name"]} needs a known type and an s3:// destination";
            }

            if (type == "HLS_GROUP_SETTINGS" && settings["segmentLength"]?.GetValue<int>() is not > 0)
            {
                return "hlsGroupSettings.segmentLength must be positive";
            }

            if (group!["outputs"] is not JsonArray { Count: > 0 } outputs)
            {
                return $"output group {group["name"]} has no outputs";
            }

            var container = type == "HLS_GROUP_SETTINGS" ? "M3U8" : "MP4";
            foreach (var output in outputs)
            {
                if (output?["containerSettings"]?["container"]?.GetValue<string>() != container)
                {
                    return $"outputs of a {type} group must use the {container} container";
                }

                if (outputs.Count > 1 && output["nameModifier"]?.GetValue<string>() is not { Length: > 0 })
                {
                    return "every output of a group with several outputs needs a nameModifier";
                }

                var video = output["videoDescription"];
                if (video?["width"]?.GetValue<int>() is not > 0 || video["height"]?.GetValue<int>() is not > 0 || video["codecSettings"]?["codec"] is null)
                {
                    return "outputs need a videoDescription with width, height and a codec";
                }

                foreach (var audio in output["audioDescriptions"] as JsonArray ?? new JsonArray())
                {
                    if (audio?["audioSourceName"]?.GetValue<string>() is not { } source || !selectors.Contains(source))
                    {
                        return $"audioSourceName {audio?["audioSourceName"]} names no input audio selector";
                    }
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex("^/2017-08-29/jobs/([^/]+)$")]
    private static partial Regex JobPath();

    [GeneratedRegex(@"^\d{2}:[0-5]\d:[0-5]\d:\d{2}$")]
    private static partial Regex Timecode();

    /// <summary>A stored job as the fake keeps it.</summary>
    internal sealed class Job(string id, JsonObject request)
    {
        public string Id { get; } = id;

        public JsonObject Request { get; } = request;

        public string Status { get; set; } = "SUBMITTED";

        public int Polls { get; set; }

        public int? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        /// <summary>Reported as the first output's durationInMs once the job is COMPLETE.</summary>
        public long? OutputDurationMs { get; set; }

        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["id"] = Id,
                ["status"] = Status,
                ["role"] = Request["role"]?.DeepClone(),
                ["settings"] = Request["settings"]?.DeepClone(),
                ["jobPercentComplete"] = Status == "PROGRESSING" ? 50 : null,
            };
            if (Status == "COMPLETE" && OutputDurationMs is { } ms)
            {
                json["outputGroupDetails"] = new JsonArray(new JsonObject { ["outputDetails"] = new JsonArray(new JsonObject { ["durationInMs"] = ms }) });
            }

            if (ErrorMessage is not null)
            {
                json["errorCode"] = ErrorCode;
                json["errorMessage"] = ErrorMessage;
            }

            return json;
        }
    }
}
