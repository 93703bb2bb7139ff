using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Almanac.TestSupport;

namespace Almanac.Cli.Tests;

/// <summary>The documents people have, about one event: a PDF, a Word file, an EPUB and a web address make one event with four sources.</summary>
public sealed class PackagedIngestTests
{
    private const string Page = "<html><head><title>Moon landing</title></head><body><p>On 20 July 1969, Apollo 11 landed on the Moon; Neil Armstrong was the first to step onto it.</p></body></html>";

    [Fact]
    public async Task Ingest_PdfWordEpubAndWebAddressAboutOneLanding_GiveOneEventCitingAllFour()
    {
        await using var site = LoopbackSite.Start(new Dictionary<string, Func<Microsoft.AspNetCore.Http.HttpContext, Task>>
        {
            ["/moon-landing"] = async c =>
            {
                c.Response.ContentType = "text/html; charset=utf-8";
                await c.Response.WriteAsync(Page);
            },
        });
        using var cli = new CliRun();
        var folder = Directory.CreateDirectory(Path.Combine(cli.Folder, "apollo")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "report.pdf"), PackagedDocuments.Pdf("Mission report",
            "On 20 July 1969 the Apollo 11 lunar module Eagle landed on the Moon with Neil Armstrong and Buzz Aldrin aboard."));
        File.WriteAllBytes(Path.Combine(folder, "notes.docx"), PackagedDocuments.Docx("Class notes",
            ["Apollo 11 landed on the Moon on 20 July 1969, and Neil Armstrong walked on the lunar surface."]));
        File.WriteAllBytes(Path.Combine(folder, "history.epub"), PackagedDocuments.Epub("A history of spaceflight",
            "The lunar module of Apollo 11 landed on the Moon on 20 July 1969 in the Sea of Tranquility."));

        var ingest = cli.Run("ingest", folder, site.Origin + "/moon-landing");
        var (exitCode, output, error) = cli.Run("event", "Apollo 11 Moon landing", "--json");

        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.StartsWith("4 documents read", ingest.Out, StringComparison.Ordinal);
        Assert.True(exitCode == 0, error);
        var sources = JsonDocument.Parse(output).RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("path").GetString()).ToList();
        Assert.Equal(["history.epub", "moon-landing", "notes.docx", "report.pdf"], sources.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains(site.Origin + "/moon-landing", sources);
    }
}
