using MscAlf.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
