using System.Globalization;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Core.Tests.Time;

/// <summary>Checks our labels against an independent implementation: the npm package smpte-timecode.</summary>
public class TimecodeOracleTests
{
    [Theory]
    [InlineData(30000, 1001, "29.97", true)]
    [InlineData(60000, 1001, "59.94", true)]
    [InlineData(30000, 1001, "29.97", false)]
    [InlineData(24000, 1001, "23.976", false)]
    [InlineData(25, 1, "25", false)]
    [InlineData(50, 1, "50", false)]
    public async Task Labels_match_the_smpte_timecode_package(int num, int den, string oracleRate, bool dropFrame)
    {
        await NodeTools.EnsureInstalledAsync();
        var rate = new FrameRate(num, den);
        var perMinute = rate.NominalFps * 60L;
        // Every 97th frame over two hours plus the frames around every minute boundary, where drop frame skips labels.
        var frames = Enumerable.Range(0, (int)(perMinute * 120 / 97)).Select(i => i * 97L)
            .Concat(Enumerable.Range(1, 120).SelectMany(m => Enumerable.Range(-3, 8).Select(d => (m * (perMinute - (dropFrame ? rate.NominalFps / 15 : 0))) + d)))
            .Where(f => f >= 0)
            .Distinct()
            .Order()
            .ToList();

        const string script = """
            const Timecode = require('smpte-timecode');
            const rate = Number(process.env.RATE), drop = process.env.DROP === 'true';
            process.stdout.write(process.env.FRAMES.split(',').map(f => Timecode(Number(f), rate, drop).toString()).join('\n'));
            """;
        var result = await ProcessRunner.RunAsync("node", ["-e", script], RepoPaths.NodeTools, TimeSpan.FromMinutes(1), new Dictionary<string, string>
        {
            ["RATE"] = oracleRate,
            ["DROP"] = dropFrame ? "true" : "false",
            ["FRAMES"] = string.Join(',', frames.Select(f => f.ToString(CultureInfo.InvariantCulture))),
        });
        result.ExitCode.ShouldBe(0, result.StdErr);

        var expected = result.StdOut.TrimEnd().Split('\n');
        expected.Length.ShouldBe(frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            Timecode.FromFrameCount(frames[i], rate, dropFrame).ToString().ShouldBe(expected[i], $"frame {frames[i]} at {rate}");
        }
    }
}
