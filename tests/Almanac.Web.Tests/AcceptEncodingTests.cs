using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web.Tests;

/// <summary>The in-place Accept-Encoding reader a cached response is chosen by agrees with ASP.NET Core's header parser.</summary>
public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData("gzip", "gzip", true)]
    [InlineData("gzip, deflate, br", "br", true)]
    [InlineData("br;q=0, gzip", "br", false)]
    [InlineData("br;q=0, gzip", "gzip", true)]
    [InlineData("*", "br", true)]
    [InlineData("*;q=0, gzip", "br", false)]
    [InlineData("br;q=0, *", "br", false)]
    [InlineData("GZIP ; Q=0.5", "gzip", true)]
    [InlineData("gzip;q=0.000", "gzip", false)]
    [InlineData("identity", "gzip", false)]
    [InlineData(" , ,gzip", "gzip", true)]
    [InlineData("", "gzip", false)]
    public void Accepts_AHeader_ReadsNamesAndQualities(string header, string coding, bool accepted) =>
        Assert.Equal(accepted, AcceptEncoding.Accepts(header, coding));

    [Fact]
    public void Accepts_HeaderSentTwice_ReadsBothLines() =>
        Assert.True(AcceptEncoding.Accepts(new StringValues(["identity", "br"]), "br"));

    [Property(MaxTest = 2000)]
    public Property Accepts_AnyWellFormedList_AgreesWithAspNetCore() =>
        Prop.ForAll(Lists().ToArbitrary(), Gen.Elements("gzip", "br").ToArbitrary(), (header, coding) =>
            AcceptEncoding.Accepts(header, coding) == ByAspNetCore(header, coding));

    private static Gen<string> Lists()
    {
        var name = Gen.Elements("gzip", "GZip", "br", "deflate", "identity", "compress", "*", "zstd");
        var quality = Gen.Elements("", ";q=0", ";q=0.0", ";q=0.5", ";q=1", ";q=1.000", ";q=0.001", " ; q=0.8", ";Q=0");
        var space = Gen.Elements("", " ", "  ");
        var item = from n in name from q in quality from s in space select s + n + q + s;
        return Gen.ListOf(item).Where(items => items.Count > 0).Select(items => string.Join(",", items));
    }

    /// <summary>The rule as ASP.NET Core's parsed header list gives it (the first entry naming the coding decides, else "*").</summary>
    private static bool ByAspNetCore(string header, string coding)
    {
        Assert.True(StringWithQualityHeaderValue.TryParseList([header], out var accepted), header);
        double? any = null;
        foreach (var value in accepted)
        {
            if (StringSegment.Equals(value.Value, coding, StringComparison.OrdinalIgnoreCase))
                return (value.Quality ?? 1) > 0;
            if (value.Value == "*")
                any = value.Quality ?? 1;
        }
        return any > 0;
    }
}
