using MscAlf.Cli;

var code = await CliApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
// The work is done: end the process now, even if a notebook cell left a foreground thread running.
Environment.Exit(code);
