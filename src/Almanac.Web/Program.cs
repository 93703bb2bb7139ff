using Almanac.Web;

// The store comes from the Almanac:Database setting or $ALMANAC_DB; `almanac serve` passes it directly.
var app = AlmanacWeb.Create(args, new AlmanacWebOptions(DatabasePath: null, TimeProvider.System));
app.Run();

/// <summary>The web host's entry point; public and partial so tests can host the real app.</summary>
public partial class Program;
