using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>
/// The three MediaConvert REST calls the renderer needs (CreateJob, GetJob, CancelJob), SigV4-signed. No AWS SDK
/// package for MediaConvert is available here, and the API is plain JSON over HTTPS.
/// </summary>
internal sealed class MediaConvertClient(HttpClient http, Uri endpoint, string region, AwsCredentials credentials, TimeProvider time)
{
    public const string Service = "mediaconvert";

    public const string JobsPath = "/2017-08-29/jobs";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<MediaConvertJobState> CreateJobAsync(JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        var answer = await SendAsync(HttpMethod.Post, JobsPath, bytes, cancellationToken).ConfigureAwait(false);
        return ParseJob(answer, "CreateJob");
    }

    public async Task<MediaConvertJobState> GetJobAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"{JobsPath}/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);
        return ParseJob(answer, "GetJob");
    }

    public async Task CancelJobAsync(string id, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, $"{JobsPath}/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);

    private static MediaConvertJobState ParseJob(JsonNode? answer, string operation)
    {
        var job = answer?["job"] as JsonObject
            ?? throw new MediaConvertException($"MediaConvert {operation} answered without a job object");
        var id = job["id"]?.GetValue<string>() ?? throw new MediaConvertException($"MediaConvert {operation} answered a job without an id");
        return new MediaConvertJobState(
            id,
            job["status"]?.GetValue<string>() ?? "SUBMITTED",
            job["errorMessage"]?.GetValue<string>(),
            job["errorCode"]?.GetValue<int>(),
            job["jobPercentComplete"]?.GetValue<int>(),
            job["outputGroupDetails"]?[0]?["outputDetails"]?[0]?["durationInMs"]?.GetValue<long>());
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        SigV4Signer.Sign(request, body ?? [], credentials, region, Service, time.GetUtcNow());
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // An error page that is not JSON: its text is reported below.
        }

        if (!response.IsSuccessStatusCode)
        {
            var message = (json as JsonObject)?["message"]?.ToString() ?? (json as JsonObject)?["Message"]?.ToString() ?? text;
            throw new MediaConvertException(
                $"MediaConvert {method} {path} answered {(int)response.StatusCode} {response.ReasonPhrase}: {message}",
                jobId: null,
                status: null,
                errorMessage: message,
                httpStatus: (int)response.StatusCode);
        }

        return json;
    }
}
