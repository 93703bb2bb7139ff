using Almanac.Storage;

namespace Almanac.Ingest;

/// <summary>
/// The built-in default: a store with no documents at all is stocked, on first use, with the real
/// sources the machine has — the BSD calendar files where they are installed — so a fresh
/// install shows a real page for today.
/// </summary>
public static class DefaultAlmanac
{
    /// <summary>
    /// The calendar files of general interest: history, and the world's, the Christian and the US holidays. The others
    /// list FreeBSD and Debian developers' birthdays, fiction (Tolkien's calendar), parody (Discordian) or one country's
    /// or language's days, which a reader's page should not show unless they import them on purpose with `import-calendar`.
    /// </summary>
    public static readonly IReadOnlySet<string> GeneralInterestFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        "calendar.history", "calendar.birthday", "calendar.computer", "calendar.music",
        // Holidays and feasts, on fixed days and by rule (Easter-2, the last Monday of May).
        "calendar.holiday", "calendar.christian", "calendar.usholiday",
    };

    /// <summary>Imports the general-interest files of <paramref name="folder"/> when the store is empty and the folder exists; null when nothing was done.</summary>
    public static CalendarImportReport? StockIfEmpty(IAlmanacStore store, string folder = CalendarImport.DefaultFolder) =>
        store.GetCounts().Documents == 0 && Directory.Exists(folder) ? new CalendarImport(store).Import(folder, GeneralInterestFiles) : null;
}
