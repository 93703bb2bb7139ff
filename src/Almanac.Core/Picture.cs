namespace Almanac.Core;

/// <summary>
/// A picture a document shows, kept with the passage it stands by and with the events that passage gives: either a
/// file copied into the store (<see cref="StoredId"/>, the SHA-256 of its bytes) or a remote address (<see cref="Url"/>)
/// that is only ever linked, never fetched. <see cref="Alt"/> and <see cref="Caption"/> say in words what it shows.
/// </summary>
/// <remarks>As a reader finds it, before ingest resolves it, <see cref="Url"/> is the address as the document writes it.</remarks>
public sealed record Picture(string? Url, string? StoredId, string Alt, string Caption, int? Width = null, int? Height = null)
{
    /// <summary>The words a reader without the picture gets: the alt text, else the caption.</summary>
    public string Description => Alt.Length > 0 ? Alt : Caption;
}

/// <summary>An image file copied into the store: its bytes, checked to be the type <see cref="ContentType"/> names, and its size in pixels.</summary>
public sealed record ImageFile(string Id, string ContentType, int Width, int Height, byte[] Bytes);
