using Almanac.Storage;

namespace Almanac.Ingest;

/// <summary>
/// The built-in default: a store with no documents at all is stocked, on first use, with the real
/// sources the machine has — the BSD calendar files where they are installed — so a fresh
/// install shows a real page for today.
/// </summary>
public static class DefaultAlmanac
{
    /// <summary>Imports <paramref name="folder"/> when the store is empty and the folder exists; null when nothing was done.</summary>
    public static CalendarImportReport? StockIfEmpty(IAlmanacStore store, string folder = CalendarImport.DefaultFolder) =>
        store.GetCounts().Documents == 0 && Directory.Exists(folder) ? new CalendarImport(store).Import(folder) : null;
}
