using System.Globalization;
using System.Text;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>
/// The <c>grpc-message</c> trailer is UTF-8, percent-encoded outside printable ASCII (and '%' itself),
/// so any error text survives HTTP/2 header rules.
/// </summary>
internal static class GrpcMessageText
{
    public static string Encode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || !encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded ?? string.Empty;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length &&
                byte.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                // Not a valid escape: keep the text as it came (the spec asks receivers to be lenient).
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
