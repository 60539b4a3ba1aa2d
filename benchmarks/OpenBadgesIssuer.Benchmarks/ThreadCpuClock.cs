using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace OpenBadgesIssuer.Benchmarks;

/// <summary>
/// A BenchmarkDotNet clock that reads the CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>) instead
/// of wall time. On this shared 2-core box other builds keep the load far above 2, so wall time mostly measures how
/// long the scheduler kept the benchmark thread waiting; CPU time measures the work. The in-process toolchain times
/// the workload on the thread that runs it, and the workstation non-concurrent GC collects on that thread too, so
/// garbage-collection cost is included. Background JIT (tiering) is not, which is what steady state should exclude.
/// </summary>
internal sealed partial class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static ThreadCpuClock Instance { get; } = new();

    public string Title => "Thread CPU time (CLOCK_THREAD_CPUTIME_ID)";

    public bool IsAvailable => OperatingSystem.IsLinux() && TryRead(out _);

    public Frequency Frequency => Frequency.FromHz(1_000_000_000);

    public long GetTimestamp() => TryRead(out var ns) ? ns : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");

    private static bool TryRead(out long nanoseconds)
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var spec) != 0)
        {
            nanoseconds = 0;
            return false;
        }
        nanoseconds = (spec.Seconds * 1_000_000_000) + spec.Nanoseconds;
        return true;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec spec);
}
