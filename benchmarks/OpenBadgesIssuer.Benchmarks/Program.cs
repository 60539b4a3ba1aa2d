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
//   --full:  BenchmarkDotNet's default job (longer, more precise).
var full = args.Contains("--full", StringComparer.Ordinal);
var rest = args.Where(a => !string.Equals(a, "--full", StringComparison.Ordinal)).ToArray();

var job = full
    ? Job.Default
    : Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
var config = ManualConfig.CreateEmpty()
    .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).WithId(full ? "Default" : "Short"))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddColumn(StatisticColumn.OperationsPerSecond)
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
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"credentials/s {perSecond,12:N0}  mean {stats.Mean / 1000,10:N2} us  ±{stats.StandardError / stats.Mean * 100,5:N1}% (SE)  alloc {allocated,10:N0} B  {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo}"));
    }
}
