using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Almanac.Web.Editing;

/// <summary>
/// Who may edit: whoever shows the editor token (the Almanac:EditorToken setting or $ALMANAC_EDITOR_TOKEN). Without a token
/// nothing of editing exists in the app. An editor signs in by posting the token once; the browser then keeps a session
/// cookie derived from it (HttpOnly, SameSite=Strict), and every form carries a token for its own purpose, so a post from
/// another site is refused twice over. Every comparison takes the same time whatever the input.
/// </summary>
public sealed class EditorAccess
{
    public const string CookieName = "almanac_editor";

    public const string Setting = "Almanac:EditorToken";

    public const string Variable = "ALMANAC_EDITOR_TOKEN";

    private readonly byte[]? _key;

    public EditorAccess(string? token) =>
        _key = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static EditorAccess From(IConfiguration configuration) =>
        new(configuration[Setting] is { Length: > 0 } token ? token : Environment.GetEnvironmentVariable(Variable));

    public bool IsConfigured => _key is not null;

    public bool IsToken(string? candidate) =>
        _key is not null && candidate is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _key);

    /// <summary>The session cookie's value: derived from the token, so changing the token signs every editor out.</summary>
    public string SessionValue => Derive("session");

    public bool IsEditor(HttpContext context) =>
        _key is not null && Same(context.Request.Cookies[CookieName], SessionValue);

    /// <summary>The token a form for <paramref name="purpose"/> carries ("event:ID", "undo:N").</summary>
    public string FormToken(string purpose) => Derive("form:" + purpose);

    public bool IsFormToken(string? candidate, string purpose) => _key is not null && Same(candidate, FormToken(purpose));

    private string Derive(string purpose) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key ?? throw new InvalidOperationException("no editor token is configured"), Encoding.UTF8.GetBytes(purpose)));

    private static bool Same(string? candidate, string expected) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(expected));
}
