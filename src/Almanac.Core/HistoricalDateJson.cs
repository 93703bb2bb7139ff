using System.Text.Json;
using System.Text.Json.Serialization;

namespace Almanac.Core;

/// <summary>
/// Writes a <see cref="HistoricalDate"/> as its TIMEX3 value with the modifier and calendar appended
/// ("1917-10-25;JULIAN", "193;MID"), so stored dates stay readable and round-trip exactly.
/// </summary>
public sealed class HistoricalDateJsonConverter : JsonConverter<HistoricalDate>
{
    public override HistoricalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString() ?? throw new JsonException("a date must be a string"));

    public override void Write(Utf8JsonWriter writer, HistoricalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static string Format(HistoricalDate date)
    {
        var text = date.ToTimex();
        if (date.Modifier != DateModifier.None)
            text += ";" + date.Modifier.ToTimexMod();
        if (date.Calendar == CalendarKind.Julian)
            text += ";JULIAN";
        return text;
    }

    public static HistoricalDate Parse(string text)
    {
        var parts = text.Split(';');
        var calendar = parts.Contains("JULIAN") ? CalendarKind.Julian : CalendarKind.Gregorian;
        if (!HistoricalDate.TryParseTimex(parts[0], calendar, out var date))
            throw new JsonException($"'{text}' is not a stored date");
        var mod = parts.Skip(1).FirstOrDefault(p => p != "JULIAN");
        return mod is null ? date : date.With(DateModifierTimex.FromTimexMod(mod));
    }
}
