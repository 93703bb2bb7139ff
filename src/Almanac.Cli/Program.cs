using Almanac.Cli;

return AlmanacCli.Run(args, CliEnvironment.FromSystem());
