using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>
/// AWS Signature Version 4 (header form) for JSON APIs: canonical request, string to sign, derived key, and the
/// Authorization header. Small and separate so it can be checked against AWS's published examples.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Signs <paramref name="request"/> in place: adds x-amz-date (and x-amz-security-token) and Authorization.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, AwsCredentials credentials, string region, string service, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("x-amz-date");
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}"),
            new("x-amz-date", amzDate),
        };
        if (credentials.SessionToken is not null)
        {
            request.Headers.Remove("x-amz-security-token");
            request.Headers.TryAddWithoutValidation("x-amz-security-token", credentials.SessionToken);
            headers.Add(new("x-amz-security-token", credentials.SessionToken));
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add(new("content-type", contentType.ToString()));
        }

        var canonical = CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, HexSha256(body));
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(credentials, region, service, amzDate, SignedHeaders(headers), canonical));
    }

    /// <summary>The Authorization header value for an already built canonical request.</summary>
    public static string Authorization(AwsCredentials credentials, string region, string service, string amzDate, string signedHeaders, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var scope = Scope(amzDate[..8], region, service);
        var signature = Signature(credentials.SecretKey, amzDate, region, service, canonicalRequest);
        return $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    /// <summary>The hex signature of a canonical request.</summary>
    public static string Signature(string secretKey, string amzDate, string region, string service, string canonicalRequest)
    {
        var toSign = StringToSign(amzDate, Scope(amzDate[..8], region, service), canonicalRequest);
        var key = SigningKey(secretKey, amzDate[..8], region, service);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }

    public static string Scope(string date, string region, string service) => $"{date}/{region}/{service}/aws4_request";

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    /// <summary>
    /// Method, canonical URI, canonical query, canonical headers, signed header names, payload hash; one per line.
    /// <paramref name="path"/> and <paramref name="query"/> are as sent on the wire (already percent-encoded);
    /// every path segment is encoded once more, as all services but S3 expect.
    /// </summary>
    public static string CanonicalRequest(string method, string path, string query, IEnumerable<KeyValuePair<string, string>> headers, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(path);
        var list = headers.ToList();
        var text = new StringBuilder();
        text.Append(method).Append('\n');
        text.Append(CanonicalUri(path)).Append('\n');
        text.Append(CanonicalQuery(query)).Append('\n');
        foreach (var group in list.GroupBy(h => h.Key.ToLowerInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(group.Key).Append(':').Append(string.Join(',', group.Select(h => CollapseSpaces(h.Value)))).Append('\n');
        }

        text.Append('\n').Append(SignedHeaders(list)).Append('\n').Append(payloadHash);
        return text.ToString();
    }

    public static string SignedHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join(';', headers.Select(h => h.Key.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));

    public static string HexSha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string CanonicalUri(string path) =>
        string.IsNullOrEmpty(path) ? "/" : string.Join('/', path.Split('/').Select(UriEncode));

    public static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
                return (Name: UriEncode(name), Value: UriEncode(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding as SigV4 defines it: unreserved characters kept, everything else %XX (upper case).</summary>
    public static string UriEncode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static string CollapseSpaces(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
