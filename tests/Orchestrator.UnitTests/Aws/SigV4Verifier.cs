using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.UnitTests.Aws;

/// <summary>
/// An independent SigV4 computation (AWS docs, "Create a signed AWS API request") over a request as it reached the wire:
/// if it matches the signer's signature, the signature covers exactly the target, body and headers that were sent.
/// </summary>
internal static class SigV4Verifier
{
    public static string ExpectedSignature(SentRequest sent, string secretKey, string region, string service)
    {
        var message = sent.Message;
        var authorization = sent.Authorization!;
        var signedHeaders = Part(authorization, "SignedHeaders=").Split(';');
        var amzDate = sent.Header("X-Amz-Date")!;
        var date = amzDate[..8];

        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            canonicalHeaders.Append(name).Append(':').Append(HeaderValue(message, name).Trim()).Append('\n');
        }

        var payloadHash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(sent.Body)));
        var canonicalRequest = string.Join('\n',
            message.Method.Method, message.RequestUri!.AbsolutePath, message.RequestUri.Query.TrimStart('?'),
            canonicalHeaders.ToString(), string.Join(';', signedHeaders), payloadHash);

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string Part(string authorization, string prefix) =>
        authorization.Split(", ").Select(p => p.Contains(prefix, StringComparison.Ordinal) ? p[(p.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..] : null)
            .First(p => p is not null)!;

    private static string HeaderValue(HttpRequestMessage message, string name)
    {
        if (name == "host")
        {
            return message.RequestUri!.IsDefaultPort ? message.RequestUri.Host : message.RequestUri.Authority;
        }

        if (message.Headers.TryGetValues(name, out var values) || message.Content!.Headers.TryGetValues(name, out values))
        {
            return string.Join(",", values);
        }

        return name == "content-length" ? message.Content!.Headers.ContentLength!.Value.ToString(CultureInfo.InvariantCulture) : string.Empty;
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
