using System.Text.Json;
using Almanac.Core;

namespace Almanac.Storage;

/// <summary>How records are serialized into the store's payload columns, shared by every backend.</summary>
public static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new HistoricalDateJsonConverter() },
    };
}
