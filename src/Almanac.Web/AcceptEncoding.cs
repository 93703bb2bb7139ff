using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Almanac.Web;

/// <summary>
/// Whether an Accept-Encoding header accepts a coding (RFC 9110 12.5.3): named, or covered by "*", with a quality above 0.
/// Read in place on every cached response sent, so it allocates nothing (a parsed header list is a few objects per request).
/// A quality that is not a number is read as 0: a coding is sent only where the client plainly accepts it.
/// </summary>
public static class AcceptEncoding
{
    public static bool Accepts(StringValues header, string coding)
    {
        double? any = null;
        foreach (var value in header)
        {
            var rest = (value ?? "").AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                if (name.IsEmpty)
                    continue;
                var quality = semicolon < 0 ? 1 : Quality(item[(semicolon + 1)..]);
                if (name.Equals(coding, StringComparison.OrdinalIgnoreCase))
                    return quality > 0;
                if (name is "*")
                    any = quality;
            }
        }
        return any > 0;
    }

    /// <summary>The q parameter among a coding's parameters (1 without one).</summary>
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        while (!parameters.IsEmpty)
        {
            var semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? [] : parameters[(semicolon + 1)..];
            if (parameter.Length >= 2 && parameter[0] is 'q' or 'Q' && parameter[1] == '=')
                return double.TryParse(parameter[2..].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : 0;
        }
        return 1;
    }
}
