namespace Almanac.Cli.Tests;

/// <summary>`day` says which calendar an Old Style day is in, as the web's day page does.</summary>
public sealed class CalendarNoteCommandTests
{
    [Fact]
    public void Day_GregorianDayOfAnOldStyleDate_SaysWhichOldStyleDayItIs()
    {
        using var cli = new CliRun();
        var document = Path.Combine(cli.Folder, "mill.txt");
        File.WriteAllText(document, "The mill of Vorsk\n\nThe great mill of Vorsk burned down on 3 May 1721 (O.S.), taking the granary with it.\n");
        Assert.Equal(0, cli.Run("ingest", document).ExitCode);

        var gregorian = cli.Run("day", "05-14");
        var stated = cli.Run("day", "05-03");

        Assert.Contains("Gregorian calendar (New Style) day of 3 May 1721 (O.S.)", gregorian.Out, StringComparison.Ordinal);
        Assert.Contains("Old Style (Julian calendar), the day the source states", stated.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_OldStyleDateInTheOldYearsFirstMonths_IsListedInTheModernYear()
    {
        using var cli = new CliRun();
        var document = Path.Combine(cli.Folder, "birth.txt");
        File.WriteAllText(document, "A planter's son\n\nThomas Rendell was born on Feb. 11, 1731, Old Style, at his father's farm on the river.\n");
        Assert.Equal(0, cli.Run("ingest", document).ExitCode);

        var day = cli.Run("day", "02-22");

        Assert.Contains("1732", day.Out, StringComparison.Ordinal);
        Assert.Contains("Thomas Rendell is born", day.Out, StringComparison.Ordinal);
    }
}
