using System.Diagnostics.CodeAnalysis;
using Almanac.Core;

namespace Almanac.Text;

/// <summary>
/// The outcome of reading one file: a <see cref="ReadDocument"/> with the content hash, or a <see cref="ReadFailure"/>.
/// </summary>
/// <remarks>
/// <see cref="ContentHash"/> is the SHA-256 of the raw bytes in lowercase hex. It is set on success and also on
/// failures that happen after the bytes were read (bad encoding, binary, no content), so an ingest can remember
/// that this exact content was refused; it is null when the bytes were never read (missing file, too large).
/// </remarks>
public sealed record ReadResult
{
    private ReadResult(ReadDocument? document, string? contentHash, ReadFailure? failure)
    {
        Document = document;
        ContentHash = contentHash;
        Failure = failure;
    }

    public ReadDocument? Document { get; }
    public string? ContentHash { get; }
    public ReadFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Document), nameof(ContentHash))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    public static ReadResult Success(ReadDocument document, string contentHash) => new(document, contentHash, null);

    public static ReadResult Failed(ReadFailure failure, string? contentHash = null) => new(null, contentHash, failure);
}
