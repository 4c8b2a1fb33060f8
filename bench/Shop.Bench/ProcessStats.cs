using System.Diagnostics;
using System.Globalization;

namespace Shop.Bench;

/// <summary>Readings of another process from /proc: resident memory and CPU time.</summary>
internal static class ProcessStats
{
    // USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every Linux build .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>VmRSS of /proc/&lt;pid&gt;/status, in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS line.");
    }

    /// <summary>User plus system CPU time so far (fields 14 and 15 of /proc/&lt;pid&gt;/stat).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; field 3 starts two characters after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The 1-minute load average, to tell a quiet run from one on a busy shared machine.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// Waits until none of <paramref name="pids"/> used more than 5 % of a core over the last second
    /// (work queued by the set-up, such as subscriptions still registering, has finished), at most
    /// <paramref name="patience"/>.
    /// </summary>
    public static async Task<bool> WaitQuietAsync(IReadOnlyList<int> pids, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        var before = pids.Select(CpuTime).ToArray();
        while (clock.Elapsed < patience)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = pids.Select(CpuTime).ToArray();
            if (now.Zip(before).All(pair => (pair.First - pair.Second).TotalSeconds < 0.05))
            {
                return true;
            }

            before = now;
        }

        return false;
    }
}
