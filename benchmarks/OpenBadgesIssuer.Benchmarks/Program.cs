using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OpenBadgesIssuer.Benchmarks;

// Usage: dotnet run -c Release -- [--filter '*Rdfc*'] [--full] [other BenchmarkDotNet arguments]
//   default: a short job (1 launch, 3 warm-up, 15 measured iterations of ~250 ms) run in-process, single-threaded.
//   --loop sign|verify [seconds]: sign or verify in a loop, for an external profiler (perf with DOTNET_PerfMapEnabled=1).
//   --profile [N]: Stopwatch breakdown of one eddsa-rdfc-2022 signature (see Profile.cs).
//   --wall-clock: time with Stopwatch instead of the benchmark thread's CPU time (the default; see ThreadCpuClock.cs).
//   --full:  BenchmarkDotNet's default job (longer, more precise).
if (args.Length > 1 && string.Equals(args[0], "--loop", StringComparison.Ordinal))
{
    Profile.Loop(args[1], args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10);
    return;
}
if (args.Length > 0 && string.Equals(args[0], "--profile", StringComparison.Ordinal))
{
    Profile.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000);
    return;
}

var full = args.Contains("--full", StringComparer.Ordinal);
var wallClock = args.Contains("--wall-clock", StringComparer.Ordinal) || !ThreadCpuClock.Instance.IsAvailable;
var rest = args.Where(a => a is not ("--full" or "--wall-clock")).ToArray();

var job = full
    ? Job.Default
    : Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
job = job.WithToolchain(InProcessEmitToolchain.Instance).WithId(full ? "Default" : "Short");
if (!wallClock)
{
    job = job.WithClock(ThreadCpuClock.Instance);
}
Console.WriteLine("// clock: " + (wallClock ? "wall time (Stopwatch)" : ThreadCpuClock.Instance.Title));
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.OperationsPerSecond)
    .AddLogger(ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .WithOptions(ConfigOptions.JoinSummary)
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Fixture).Assembly).Run(rest, config);

// One line per benchmark: operations (credentials) per second derived from the mean, and bytes allocated per operation.
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is not { } stats)
        {
            continue;
        }
        var perSecond = 1e9 / stats.Mean;
        var bestPerSecond = 1e9 / stats.Min;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"credentials/s {perSecond,9:N0} (mean {stats.Mean / 1000,9:N2} us ±{stats.StandardError / stats.Mean * 100,4:N1}% SE; best iteration {bestPerSecond,9:N0}/s)  alloc {allocated,9:N0} B  {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo}"));
    }
}
