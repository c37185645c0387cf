namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>Credentials a request is signed with; <see cref="SessionToken"/> for temporary (STS) credentials.</summary>
internal sealed record AwsCredentials(string AccessKey, string SecretKey, string? SessionToken = null)
{
    /// <summary>The options' static keys, else the standard environment variables; null when neither is set.</summary>
    public static AwsCredentials? Resolve(MediaConvertOptions options)
    {
        if (options.AccessKey is not null && options.SecretKey is not null)
        {
            return new(options.AccessKey, options.SecretKey, options.SessionToken);
        }

        var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        return string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret)
            ? null
            : new(key, secret, Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null);
    }

    // Never print the secret.
    public override string ToString() => $"AwsCredentials {{ AccessKey = {AccessKey} }}";
}
