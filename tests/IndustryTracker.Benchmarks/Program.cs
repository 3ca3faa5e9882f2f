using BenchmarkDotNet.Running;
using IndustryTracker.Benchmarks;

// `circuits …` drives interactive timeline pages in Chromium, or over SignalR with `--driver signalr`
// (benchmarks/circuits.sh); `heap --pid PID` reports what a running app's heap holds; anything else goes to
// BenchmarkDotNet (`--filter '*'`, `--list flat`, …).
if (args.Length > 0 && args[0] == "circuits")
{
    return await CircuitDriver.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "heap")
{
    return HeapReport.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(ImporterBenchmarks).Assembly).Run(args);
return 0;
