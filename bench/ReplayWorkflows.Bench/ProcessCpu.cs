using System.Globalization;

namespace ReplayWorkflows.Bench;

/// <summary>
/// CPU time of this process and of its reaped children (FFmpeg), from /proc/self/stat: tells whether a run was
/// bound by the CPU and how it split between the .NET side (server, workers, data plane) and FFmpeg.
/// </summary>
internal readonly record struct ProcessCpu(TimeSpan Self, TimeSpan Children)
{
    public TimeSpan Total => Self + Children;

    public static ProcessCpu Now()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return default;
        }

        // Fields after the parenthesised command name: utime, stime, cutime, cstime are fields 14-17 (1-based).
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Clock ticks: USER_HZ is 100 on every Linux this runs on.
        double Ticks(int field) => double.Parse(fields[field - 3], CultureInfo.InvariantCulture) / 100.0;
        return new ProcessCpu(TimeSpan.FromSeconds(Ticks(14) + Ticks(15)), TimeSpan.FromSeconds(Ticks(16) + Ticks(17)));
    }

    public static ProcessCpu operator -(ProcessCpu a, ProcessCpu b) => new(a.Self - b.Self, a.Children - b.Children);

    public string Describe(TimeSpan wall) =>
        string.Create(CultureInfo.InvariantCulture,
            $"CPU {Total.TotalSeconds:0.0} s ({Total / wall:0.00} cores busy on average): .NET {Self.TotalSeconds:0.0} s, FFmpeg {Children.TotalSeconds:0.0} s");
}
