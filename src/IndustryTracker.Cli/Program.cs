using IndustryTracker.Cli;

// Ctrl-C cancels the running command: an import stops between statements and rolls back the article in progress.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await CliApp.RunAsync(args, Console.Out, Console.Error, Console.In, cancellation.Token);
