using System.CommandLine;
using Almanac.Web;

namespace Almanac.Cli.Commands;

public static class ServeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Serve the web pages, the JSON API and the feeds over the store.") { urls };
        command.SetGuardedAction(environment, parse =>
        {
            SocketThreads.CompleteInline();
            var database = StoreLocation.Resolve(parse.GetValue(CliOptions.Database));
            // Open once before listening, so a store that cannot be opened fails here with a clear message.
            StoreLocation.Open(database).Dispose();
            var app = AlmanacWeb.Create(["--urls", parse.GetValue(urls)!], new AlmanacWebOptions(database, environment.Clock));
            environment.Out.WriteLine($"almanac: serving {database} on {parse.GetValue(urls)} (Ctrl+C stops)");
            app.Run();
            return 0;
        });
        return command;
    }
}
