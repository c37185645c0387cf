using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Exports;

/// <summary>One parsed CMX 3600 event line and its clip name.</summary>
internal sealed record EdlEvent(int Number, string Reel, string Channel, string Transition,
    Timecode SourceIn, Timecode SourceOut, Timecode RecordIn, Timecode RecordOut, string? ClipName);

internal sealed record EdlDocumentRead(string Title, bool DropFrame, IReadOnlyList<EdlEvent> Events);

/// <summary>
/// A strict reader of the CMX 3600 subset we write (no EDL parser is installable here): exact 76-column event lines,
/// timecodes valid at the rate and in the frame-code mode the FCM line declares, clip names after their event.
/// </summary>
internal static class EdlReader
{
    public static EdlDocumentRead Read(string text, FrameRate rate)
    {
        text.ShouldNotContain("\r");
        var lines = text.Split('\n');
        lines[^1].ShouldBe(string.Empty, "the file ends with a newline");
        lines[0].ShouldStartWith("TITLE: ");
        var drop = lines[1] switch
        {
            "FCM: DROP FRAME" => true,
            "FCM: NON-DROP FRAME" => false,
            var other => throw new FormatException($"line 2 is not an FCM line: '{other}'"),
        };
        lines[2].ShouldBe(string.Empty);

        var events = new List<EdlEvent>();
        for (var i = 3; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("* FROM CLIP NAME: ", StringComparison.Ordinal))
            {
                events.Count.ShouldBeGreaterThan(0, $"line {i + 1}: a clip name before any event");
                events[^1] = events[^1] with { ClipName = line["* FROM CLIP NAME: ".Length..] };
                continue;
            }

            line.Length.ShouldBe(76, $"line {i + 1} is not a 76-column event line: '{line}'");
            int.TryParse(line.AsSpan(0, 3), out var number).ShouldBeTrue($"line {i + 1}: event number");
            line.Substring(3, 2).ShouldBe("  ");
            line[13].ShouldBe(' ');
            line.Substring(18, 2).ShouldBe("  ");
            line.Substring(24, 5).ShouldBe("     ", "cuts have no transition duration");
            foreach (var gap in new[] { 40, 52, 64 })
            {
                line[gap].ShouldBe(' ');
            }

            Timecode Tc(int start)
            {
                var tc = Timecode.Parse(line.Substring(start, 11), rate);
                tc.DropFrame.ShouldBe(drop, $"line {i + 1}: timecode {tc} does not match the FCM line");
                return tc;
            }

            events.Add(new EdlEvent(number, line.Substring(5, 8).TrimEnd(), line.Substring(14, 4).TrimEnd(), line.Substring(20, 4).TrimEnd(),
                Tc(29), Tc(41), Tc(53), Tc(65), null));
        }

        events.Select(e => e.Number).ShouldBe(Enumerable.Range(1, events.Count));
        return new EdlDocumentRead(lines[0]["TITLE: ".Length..], drop, events);
    }
}
