using System.Text.Json;
using Almanac.TestSupport;

namespace Almanac.Text.Tests.Structure;

/// <summary>The development set of real day pages (../shared/corpora/real-pages/days), read in place.</summary>
public class RealDayPagesTests
{
    private static string Folder => Path.Combine(SharedFolder.Corpus("real-pages"), "days");

    [Fact]
    public void EveryPage_IsRecognisedOnItsDay_WithNearlyEveryGoldYear()
    {
        var gold = File.ReadLines(Path.Combine(Folder, "gold.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .GroupBy(g => g.GetProperty("file").GetString()!)
            .ToList();
        var (expected, found) = (0, 0);
        foreach (var page in gold)
        {
            var document = Reading.Document(Path.Combine(Folder, page.Key), File.ReadAllText(Path.Combine(Folder, page.Key)));
            Assert.True(document.DayPage is not null, $"{page.Key}: no day page");
            Assert.Equal(page.First().GetProperty("day").GetString(), Core.ReaderDay.Format(document.DayPage.Day));
            var years = document.DayPage.Entries.Select(e => e.Year is <= 0 ? e.Year - 1 : e.Year).ToList();
            foreach (var line in page)
            {
                expected++;
                if (years.Remove(line.GetProperty("year").GetInt32()))
                    found++;
            }
        }
        Assert.True(found >= expected * 0.95, $"{found} of {expected} gold years found");
    }
}
