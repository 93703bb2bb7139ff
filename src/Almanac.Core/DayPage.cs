using NodaTime;

namespace Almanac.Core;

/// <summary>
/// A dated entry of a day page: one event on the page's day, with its own year (astronomical, as in
/// <see cref="HistoricalDate.Year"/>; null for a holiday listed without one), the year as the page writes it, its own
/// text with the year marker and reference marks removed, and where its lines are in <see cref="ReadDocument.Text"/>.
/// </summary>
public sealed record DayPageEntry(MentionKind Kind, int? Year, string YearText, string Text, int Start, int End);

/// <summary>What the structure stage recognised in a day page: the day it is about and its dated entries, in page order.</summary>
public sealed record DayPage(AnnualDate Day, IReadOnlyList<DayPageEntry> Entries);
