namespace Almanac.TestSupport;

public static class HttpAssertions
{
    /// <summary>GETs <paramref name="path"/> and returns its body; an answer that is no success fails the test, naming the path and status.</summary>
    public static async Task<string> GetSuccessfulStringAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode}", null, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
