using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Almanac.Ingest;
using Almanac.Storage.Sqlite;
using Almanac.Text;

namespace Almanac.Robustness.Tests;

/// <summary>
/// The bad-input matrix for `almanac ingest`: each hostile file is refused with a message naming it and the reason,
/// leaves the store as it was, and does not stop the good document beside it from being ingested.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly IngestBatch _batch = new();

    public void Dispose() => _batch.Dispose();

    [Fact]
    public void Ingest_EmptyFile() => AssertRefused(_batch.Write("empty.txt", []), "file is empty");

    [Fact]
    public void Ingest_WhitespaceOnlyFile() => AssertRefused(_batch.Write("blank.md", " \n\t\r\n  \n"), "only whitespace");

    [Fact]
    public void Ingest_PngImageWithTextExtension() =>
        AssertRefused(_batch.Write("scan.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8, .. new byte[64]]), "looks like a PNG image");

    [Fact]
    public void Ingest_ElfExecutable() =>
        AssertRefused(_batch.Write("tool.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, .. new byte[120]]), "looks like an ELF executable");

    [Fact]
    public void Ingest_BinaryNamedExplicitly_IsReadAndRefused()
    {
        // A folder walk skips unknown extensions, but a file named on the command line is read whatever its name.
        var path = _batch.Write("photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[32]]);
        AssertRefused(path, "looks like a PNG image", ingestArguments: [path, _batch.GoodPath]);
    }

    [Fact]
    public void Ingest_TruncatedPdf()
    {
        var pdf = Almanac.TestSupport.PackagedDocuments.Pdf("Speech", "On 25 February 1956 Khrushchev spoke to the congress.");
        AssertRefused(_batch.Write("cut.pdf", pdf[..(pdf.Length / 2)]), "not a readable PDF");
    }

    [Fact]
    public void Ingest_ScannedPdfWithoutText() =>
        AssertRefused(_batch.Write("scan.pdf", Almanac.TestSupport.PackagedDocuments.Pdf("Scan")), "without a text layer");

    [Fact]
    public void Ingest_EncryptedWordDocument() =>
        AssertRefused(_batch.Write("secret.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]]), "not a readable Word document");

    [Fact]
    public void Ingest_EpubZipBomb() =>
        AssertRefused(_batch.Write("bomb.epub", Almanac.TestSupport.PackagedDocuments.EpubBomb(DocumentReader.MaxBytes + (1 << 20))), "expands beyond the 32 MiB limit");

    [Fact]
    public void Ingest_InvalidUtf8() =>
        AssertRefused(_batch.Write("latin1.txt", [.. "On 25 February 1956 the Congress met in Moscou "u8, 0xE9, .. " at night."u8]), "invalid UTF-8 at byte 47");

    [Fact]
    public void Ingest_Utf8TruncatedInsideACharacter() =>
        AssertRefused(_batch.Write("cut.txt", [.. "On 25 February 1956 "u8, 0xE2, 0x80]), "invalid UTF-8 at byte 20");

    [Fact]
    public void Ingest_Utf16WithByteOrderMark_IsReadAndDated()
    {
        var text = "Ten years on\n\nOn 4 June 1956, The New York Times published the full text of the speech.\n";
        var path = _batch.Write("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var big = _batch.Write("utf16be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text.Replace("4 June", "5 June"))]);

        var (exitCode, _, error) = _batch.Ingest(_batch.Folder);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var hash = IngestBatch.HashOf(File.ReadAllBytes(path));
        var document = _batch.WithStore(s => s.GetDocument(hash));
        Assert.NotNull(document);
        Assert.Contains("The New York Times published the full text", document.Text);
        var dates = _batch.WithStore(s => s.GetMentions()).Select(m => m.Mention).Where(m => m.DocumentId == hash).Select(m => m.DateValue);
        Assert.Contains("1956-06-04", dates);
        var bigDates = _batch.WithStore(s => s.GetMentions()).Select(m => m.Mention).Where(m => m.DocumentId == IngestBatch.HashOf(File.ReadAllBytes(big))).Select(m => m.DateValue);
        Assert.Contains("1956-06-05", bigDates);
    }

    [Fact]
    public void Ingest_FileOverTheSizeLimit_IsRefusedWithoutBeingRead()
    {
        // 200 MB, sparse: cheap to make, and a reader that loads it would allocate far more than the limit.
        var path = _batch.PathOf("dump.txt");
        using (var file = new FileStream(path, FileMode.CreateNew))
            file.SetLength(200L * 1000 * 1000);

        var allocated = AssertRefused(path, $"larger than the {DocumentReader.MaxBytes / (1024 * 1024)} MiB limit (190.7 MiB)");

        Assert.True(allocated < DocumentReader.MaxBytes, $"ingest allocated {allocated / (1024 * 1024)} MiB for a file it refused");
    }

    [Fact]
    public void Ingest_OneLineHtmlOf50MB_IsRefusedBySizeWithoutBeingRead()
    {
        var path = _batch.PathOf("oneline.html");
        var chunk = Encoding.UTF8.GetBytes("<span>On 25 February 1956 Khrushchev spoke.</span>");
        using (var file = new FileStream(path, FileMode.CreateNew))
            for (var written = 0L; written < 50L * 1000 * 1000; written += chunk.Length)
                file.Write(chunk);

        var allocated = AssertRefused(path, "larger than the 32 MiB limit");

        Assert.True(allocated < DocumentReader.MaxBytes, $"ingest allocated {allocated / (1024 * 1024)} MiB for a file it refused");
    }

    [Fact]
    public void Ingest_OneLineHtmlUnderTheLimit_IsReadInBoundedTime()
    {
        // The 50 MB line is over the size limit (above); this is the same shape, one line of inline markup and prose,
        // at 4 MB so the whole pipeline runs over it in CI time.
        var builder = new StringBuilder("<!DOCTYPE html><html><head><title>One line</title></head><body><p>");
        var year = 1000;
        while (builder.Length < 4_000_000)
        {
            builder.Append("<span class=\"w\">Nothing of note happened in the town that week, the chronicle says;</span> ");
            if (builder.Length % 50 == 0)
                builder.Append($"<b>In {year++} a bridge was built.</b> ");
        }
        builder.Append("On 25 February 1956 Khrushchev spoke.</p></body></html>");
        var path = _batch.Write("oneline.html", builder.ToString());
        var watch = Stopwatch.StartNew();

        var (exitCode, _, error) = _batch.Ingest(TimeSpan.FromSeconds(60), _batch.Folder);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.True(_batch.WithStore(s => s.ContainsDocument(IngestBatch.HashOf(File.ReadAllBytes(path)))), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Ingest_HtmlNested100000LevelsDeep_IsRead()
    {
        const int depth = 100_000;
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        html.Insert(html.Length, "<div>", depth);
        html.Append("<p>On 25 February 1956, Khrushchev spoke for four hours.</p>");
        html.Insert(html.Length, "</div>", depth);
        html.Append("</body></html>");
        var path = _batch.Write("deep.html", html.ToString());

        var (exitCode, _, error) = _batch.Ingest(TimeSpan.FromSeconds(60), _batch.Folder);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var document = _batch.WithStore(s => s.GetDocument(IngestBatch.HashOf(File.ReadAllBytes(path))));
        Assert.NotNull(document);
        Assert.Contains("Khrushchev spoke for four hours", document.Text);
    }

    [Fact]
    public void Ingest_SymlinkLoop_WalksEachFolderOnce()
    {
        var inner = Directory.CreateDirectory(Path.Combine(_batch.Folder, "inner")).FullName;
        File.WriteAllText(Path.Combine(inner, "inner.txt"), "Inner\n\nOn 5 March 1953 Stalin died at his dacha near Moscow.\n");
        File.CreateSymbolicLink(Path.Combine(inner, "up"), _batch.Folder);
        File.CreateSymbolicLink(Path.Combine(inner, "self"), inner);
        File.CreateSymbolicLink(Path.Combine(_batch.Folder, "again"), inner);

        var (exitCode, output, error) = _batch.Ingest(TimeSpan.FromSeconds(60), _batch.Folder);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("2 documents read", output);
        Assert.Equal(2, _batch.Counts().Documents);
    }

    [Fact]
    public void Ingest_DanglingSymlink_IsReportedAsMissing() =>
        AssertRefused(CreateLink("gone.txt", Path.Combine(_batch.Folder, "never-there.txt")), "file not found");

    [Fact]
    public void Ingest_FileDeletedBetweenListingAndReading_IsReportedAndTheBatchGoesOn()
    {
        var doomed = _batch.Write("a-doomed.txt", "Doomed\n\nOn 1 May 1960 a U-2 was shot down over Sverdlovsk.\n");
        var selection = DocumentFiles.Find([_batch.Folder]);
        Assert.Contains(doomed, selection.Files);

        IngestSummary summary;
        using (var store = SqliteAlmanacStore.Open(_batch.DatabasePath))
            summary = new Ingestor(store).Ingest(selection, progress => { if (progress.Path == doomed) File.Delete(doomed); });

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(doomed, failure.Path);
        Assert.Equal("file not found", failure.Reason);
        Assert.Equal(1, summary.Read);
        Assert.Equal(1, _batch.Counts().Documents);
    }

    [Fact]
    public void Ingest_UnreadableFile_IsReportedAndTheBatchGoesOn()
    {
        var path = _batch.Write("secret.txt", "Secret\n\nOn 9 November 1989 the Berlin Wall fell.\n");
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            if (CanOpen(path))
            {
                // Running as root (as CI does), permissions do not stop a read. A Unix socket cannot be opened for
                // reading by anyone, so it stands in for the unreadable file; like every special file it shows 0 bytes.
                File.Delete(path);
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                AssertRefused(path, "file is empty (0 bytes)");
            }
            else
            {
                AssertRefused(path, "cannot read the file");
            }
        }
        finally
        {
            if (File.Exists(path))
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Ingest_NamedPipe_IsRefusedWithoutWaitingForAWriter()
    {
        var path = _batch.PathOf("pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [path]))
            mkfifo.WaitForExit();
        Assert.True(File.Exists(path), "mkfifo did not make the pipe");

        AssertRefused(path, "file is empty (0 bytes)");
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void Ingest_LinkToAnEndlessDevice_IsRefusedWithoutReading(string device) =>
        AssertRefused(CreateLink("endless.txt", device), "file is empty (0 bytes)");

    [Fact]
    public void Ingest_LinkToADocumentElsewhere_IsReadWhole()
    {
        // The link is a few dozen bytes long; the document it points to is not, and must not be cut to the link's length.
        var elsewhere = Directory.CreateDirectory(Path.Combine(_batch.Folder, "..", "elsewhere")).FullName;
        var text = "Linked\n\n" + string.Concat(Enumerable.Repeat("The congress sat through the night. ", 100)) + "On 25 February 1956, the last session closed.\n";
        var target = Path.Combine(elsewhere, "linked.txt");
        File.WriteAllText(target, text);
        CreateLink("linked.txt", target);

        var (exitCode, _, error) = _batch.Ingest(_batch.Folder);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var document = _batch.WithStore(s => s.GetDocument(IngestBatch.HashOf(File.ReadAllBytes(target))));
        Assert.NotNull(document);
        Assert.EndsWith("the last session closed.", document.Text);
    }

    [Fact]
    public void Read_ThousandUnclosedParagraphs_AreNotFlattened()
    {
        // The parser closes each <p> at the next one, so they do not nest: the depth limit must leave them alone.
        var html = "<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Range(1, 1000).Select(i => $"<p>Paragraph {i} of the chronicle."));

        var read = DocumentReader.Read("unclosed.html", Encoding.UTF8.GetBytes(html));

        Assert.True(read.IsSuccess, read.Failure?.Reason);
        Assert.Equal(1000, read.Document.Blocks.Count);
    }

    [Fact]
    public void Read_TagsInsideScriptsAndComments_DoNotCountAsNesting()
    {
        // 1,000 "<div>" inside a script and a comment are not elements; the list nested 600 deep after them is.
        var html = "<!DOCTYPE html><html><body><script>var s = '" + string.Concat(Enumerable.Repeat("<div>", 1000)) + "';</script><!-- "
            + string.Concat(Enumerable.Repeat("<div>", 1000)) + " --><h1>Nested lists</h1>"
            + string.Concat(Enumerable.Repeat("<ul><li>item", 600)) + string.Concat(Enumerable.Repeat("</li></ul>", 600)) + "<p>After the lists, 1956.</p>";

        var read = DocumentReader.Read("lists.html", Encoding.UTF8.GetBytes(html));

        Assert.True(read.IsSuccess, read.Failure?.Reason);
        Assert.Equal("Nested lists", read.Document.Title);
        Assert.Equal("After the lists, 1956.", read.Document.Blocks[^1].Text);
        Assert.DoesNotContain(read.Document.Blocks, b => b.Text.Contains("<div>", StringComparison.Ordinal));
    }

    private string CreateLink(string name, string target)
    {
        var path = _batch.PathOf(name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>The content hash the store would key the file by; null when it has no content to key (missing, special, too large).</summary>
    private static string? RegularFileHash(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            return target is { Exists: true, Length: > 0 and < DocumentReader.MaxBytes } ? IngestBatch.HashOf(File.ReadAllBytes(path)) : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static bool CanOpen(string path)
    {
        try
        {
            using var _ = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Ingests the folder (the bad file and the good document), checks the refusal and that the good document went in,
    /// then ingests the bad file alone and checks the store did not change at all. Returns the bytes the first
    /// ingest allocated.
    /// </summary>
    private long AssertRefused(string path, string reason, string[]? ingestArguments = null)
    {
        var hash = RegularFileHash(path);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (exitCode, output, error) = _batch.Ingest(TimeSpan.FromSeconds(60), ingestArguments ?? [_batch.Folder]);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(0, exitCode);
        Assert.Contains($"almanac ingest: {path}: ", error);
        Assert.Contains(reason, error.Split('\n').Single(line => line.Contains(path, StringComparison.Ordinal)));
        Assert.StartsWith("1 documents read, 0 skipped as already stored, 1 failed", output);
        var counts = _batch.Counts();
        Assert.Equal(1, counts.Documents);
        Assert.True(_batch.WithStore(s => s.ContainsDocument(IngestBatch.HashOf(Encoding.UTF8.GetBytes(IngestBatch.GoodText)))));
        Assert.DoesNotContain(_batch.Documents(), d => d.Path == path);
        if (hash is not null)
            Assert.False(_batch.WithStore(s => s.ContainsDocument(hash)));

        var (againExit, _, againError) = _batch.Ingest(TimeSpan.FromSeconds(60), path);
        Assert.Equal(1, againExit);
        Assert.Contains($"almanac ingest: {path}: ", againError);
        Assert.Equal(counts, _batch.Counts());
        return allocated;
    }
}
