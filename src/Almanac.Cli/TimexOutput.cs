using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Core;
using Almanac.Temporal;

namespace Almanac.Cli;

/// <summary>
/// Writes the tags of a streamed text as they come, paragraph by paragraph, in blocks: as one JSON array
/// of {start, end, text, type, value, mod?, quant?} objects, or as tab-separated lines.
/// Offsets are in the whole text. Memory stays one block however long the text. Given the raw output
/// stream, the UTF-8 JSON goes to it as written, not decoded into a text writer to be encoded again.
/// </summary>
internal sealed class TimexOutput : IDisposable
{
    private const int FlushAt = 1 << 16;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TextWriter _out;
    private readonly Stream? _raw;
    private readonly StreamWriter? _rawText;
    private readonly bool _json;
    private readonly ArrayBufferWriter<byte> _bytes = new(FlushAt * 2);
    private readonly Utf8JsonWriter? _writer;
    private readonly StringBuilder _lines = new();
    private char[] _chars = [];

    public TimexOutput(TextWriter output, Stream? rawOutput, bool json)
    {
        // Whatever the text writer holds goes out before the first block written around it.
        output.Flush();
        _raw = rawOutput;
        _rawText = rawOutput is not null && !json ? new StreamWriter(rawOutput, Utf8, FlushAt * 2, leaveOpen: true) : null;
        _out = _rawText ?? output;
        _json = json;
        if (json)
        {
            // The encoder of JsonOutput: "’" and "–" stay readable.
            _writer = new Utf8JsonWriter(_bytes, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
            _writer.WriteStartArray();
        }
    }

    public void Write(TaggedParagraph paragraph)
    {
        foreach (var t in paragraph.Timexes)
        {
            var start = paragraph.Offset + t.Start;
            var end = paragraph.Offset + t.End;
            if (_writer is { } w)
            {
                w.WriteStartObject();
                w.WriteNumber("start", start);
                w.WriteNumber("end", end);
                w.WriteString("text", t.Text);
                w.WriteString("type", TypeName(t.Type));
                w.WriteString("value", t.Value);
                if (t.Mod is not null)
                    w.WriteString("mod", t.Mod);
                if (t.Quant is not null)
                    w.WriteString("quant", t.Quant);
                w.WriteEndObject();
            }
            else
                _lines.Append(start).Append('\t').Append(end).Append('\t').Append(TypeName(t.Type)).Append('\t').Append(t.Value)
                    .Append(t.Mod is null ? "" : " " + t.Mod).Append('\t').Append(t.Text.ReplaceLineEndings(" ")).Append('\n');
        }
        Flush(final: false);
    }

    public void Dispose()
    {
        _writer?.WriteEndArray();
        Flush(final: true);
        _writer?.Dispose();
        if (_json && _raw is { } raw)
            raw.Write("\n"u8);
        else if (_json)
            _out.Write('\n');
        _out.Flush();
        _rawText?.Dispose();
        _raw?.Flush();
    }

    private void Flush(bool final)
    {
        if (_writer is { } w)
        {
            w.Flush();
            if (_bytes.WrittenCount < FlushAt && !final)
                return;
            if (_raw is { } raw)
            {
                raw.Write(_bytes.WrittenSpan);
                _bytes.ResetWrittenCount();
                return;
            }
            var needed = Encoding.UTF8.GetMaxCharCount(_bytes.WrittenCount);
            if (_chars.Length < needed)
                _chars = new char[needed];
            var count = Encoding.UTF8.GetChars(_bytes.WrittenSpan, _chars);
            _out.Write(_chars, 0, count);
            _bytes.ResetWrittenCount();
            return;
        }
        if (_lines.Length < FlushAt && !final)
            return;
        foreach (var chunk in _lines.GetChunks())
            _out.Write(chunk.Span);
        _lines.Clear();
    }

    private static string TypeName(TimexType type) => type switch
    {
        TimexType.Date => "DATE",
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        TimexType.Set => "SET",
        _ => type.ToString().ToUpperInvariant(),
    };
}
