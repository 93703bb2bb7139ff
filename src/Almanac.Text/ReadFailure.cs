namespace Almanac.Text;

/// <summary>Why a file could not be read, worded for a person: "file is empty", "not text: looks like a PNG image".</summary>
public sealed record ReadFailure(string Path, string Reason);
