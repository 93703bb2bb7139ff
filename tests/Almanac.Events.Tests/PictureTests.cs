using System.Buffers.Binary;
using System.Text;
using Almanac.Core;
using Almanac.Ingest.Pictures;
using Almanac.Temporal;
using Almanac.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

/// <summary>Images told by their bytes, and each mention given the picture by its passage.</summary>
public sealed class PictureTests
{
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }.CopyTo(bytes, 0);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
        return bytes;
    }

    [Fact]
    public void Identify_KnownFormats_GiveTheirTypeAndSize()
    {
        Assert.Equal(new ImageHeader("image/png", 120, 80), ImageSignatures.Identify(Png(120, 80)));
        Assert.Equal(new ImageHeader("image/gif", 300, 200), ImageSignatures.Identify([.. "GIF89a"u8, 0x2C, 0x01, 0xC8, 0x00]));
        // A baseline JPEG: SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[14], 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03];
        Assert.Equal(new ImageHeader("image/jpeg", 640, 480), ImageSignatures.Identify(jpeg));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("%PDF-1.7")]
    [InlineData("")]
    public void Identify_TextOrScriptOrOtherFormats_IsNoImage(string content) =>
        Assert.Null(ImageSignatures.Identify(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Identify_ImageWithNoSize_IsNoImage() => Assert.Null(ImageSignatures.Identify(Png(0, 80)));

    [Property(MaxTest = 500)]
    public Property Identify_AnyBytes_NeverThrowsAndGivesASensibleSize() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            // Also behind each image signature, where a truncated or lying header would be read.
            foreach (var prefix in new[] { Array.Empty<byte>(), [0xFF, 0xD8, 0xFF], Png(1, 1)[..16], "RIFF\0\0\0\0WEBPVP8X"u8.ToArray() })
                if (ImageSignatures.Identify([.. prefix, .. bytes]) is { } header && header.Width is <= 0 or > 65_535)
                    return false;
            return true;
        });

    [Fact]
    public void Extract_Prose_MentionNextToAFigure_TakesItsPicture_AFarOneDoesNot()
    {
        var html = """
            <html><body><article><h1>Soviet history</h1>
            <figure><img src="https://example.org/k.jpg" alt="Khrushchev at the rostrum"><figcaption>Khrushchev speaking.</figcaption></figure>
            <p>On 25 February 1956 Nikita Khrushchev denounced Stalin before the Twentieth Party Congress.</p>
            <p>The speech was discussed for weeks.</p>
            <p>It was read out in party cells.</p>
            <p>On 4 October 1957 the Soviet Union launched Sputnik 1 into orbit.</p>
            </article></body></html>
            """;
        var read = DocumentReader.Read("/saved/history.html", Encoding.UTF8.GetBytes(html)).Document!;
        var sentences = Segmenter.Split(read);
        var timexes = TemporalTagger.Default.Tag(read.Text, new TaggingContext(null, AnchorMode.Narrative));
        var mentions = MentionExtractor.Extract(new DocumentAnalysis("doc", read, sentences, timexes));
        Assert.Equal("Khrushchev at the rostrum", mentions.Single(m => m.Sentence.Contains("denounced")).Picture?.Alt);
        Assert.Null(mentions.Single(m => m.Sentence.Contains("Sputnik")).Picture);
    }
}
