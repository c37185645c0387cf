using FsCheck;
using FsCheck.Fluent;
using ReplayWorkflows.Core.Exports;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Exports;

public class EdlWriterTests
{
    [Fact]
    public void An_event_line_has_the_standard_columns_and_correct_timecodes()
    {
        var edl = EdlWriter.Write("Test", [new EdlClip("game.ts", 12_400, 27_000)], new EdlOptions(FrameRate.Fps25));
        edl.ShouldBe(
            "TITLE: Test\n" +
            "FCM: NON-DROP FRAME\n" +
            "\n" +
            "001  AX       B     C        00:00:12:10 00:00:27:00 01:00:00:00 01:00:14:15\n" +
            "* FROM CLIP NAME: game.ts\n" +
            "\n");
    }

    [Fact]
    public void Drop_frame_rates_write_drop_frame_timecode_and_say_so()
    {
        var edl = EdlWriter.Write("Test", [new EdlClip("game.ts", 59_950, 61_010)], new EdlOptions(FrameRate.Fps2997));
        var doc = EdlReader.Read(edl, FrameRate.Fps2997);
        doc.DropFrame.ShouldBeTrue();
        var e = doc.Events.ShouldHaveSingleItem();
        // 59.95 s is frame 1796 (00:00:59;26); 61.01 s is frame 1828, labelled 00:01:01;00 after the two dropped labels.
        (e.SourceIn.ToString(), e.SourceOut.ToString(), e.RecordIn.ToString(), e.RecordOut.ToString())
            .ShouldBe(("00:00:59;26", "00:01:01;00", "01:00:00;00", "01:00:01;02"));
    }

    [Fact]
    public void Clips_shorter_than_a_frame_are_left_out_and_numbering_stays_contiguous()
    {
        var edl = EdlWriter.Write("T", [new EdlClip("a", 0, 1_000), new EdlClip("a", 5_000, 5_010), new EdlClip("a", 9_000, 10_000)], new EdlOptions(FrameRate.Fps25));
        EdlReader.Read(edl, FrameRate.Fps25).Events.Select(e => e.Number).ShouldBe([1, 2]);
    }

    [Fact]
    public void Event_edls_match_their_golden_files_one_per_audio_track()
    {
        var files = EventEdlExporter.Export(ExportFixtures.Info(FrameRate.Fps2997), ExportFixtures.Segments);
        files.Select(f => (f.AudioTrack, f.FileName)).ShouldBe([(1, "Cup_Final_track1.edl"), (2, "Cup_Final_track2.edl")]);
        foreach (var f in files)
        {
            Golden.Match("event-2997-" + f.FileName, f.Content);
            EdlReader.Read(f.Content, FrameRate.Fps2997).Events.Count.ShouldBe(5);
        }

        var pal = EventEdlExporter.Export(ExportFixtures.Info(FrameRate.Fps25), ExportFixtures.Segments);
        Golden.Match("event-25-track1.edl", pal[0].Content);
    }

    [Fact]
    public void A_replay_edl_matches_its_golden_file()
    {
        var info = ExportFixtures.Info(FrameRate.Fps5994);
        var selection = ReplaySelector.Select(ExportFixtures.Request, ExportFixtures.Candidates);
        var file = EventEdlExporter.ExportReplay(info, ExportFixtures.Request, selection);
        file.FileName.ShouldBe("Cup_Final_highlights-2min_track1.edl");
        Golden.Match("replay-5994.edl", file.Content);
    }

    [Fact]
    public void Record_timecodes_are_contiguous_and_durations_match_the_source_at_every_rate()
    {
        var gen = from rate in Gen.Elements(FrameRate.Standard.ToArray())
                  from count in Gen.Choose(0, 30)
                  from spans in Gen.ListOf(Gen.Zip(Gen.Choose(0, 600_000), Gen.Choose(1, 300_000)), count)
                  select (rate, clips: Layout(spans));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(gen), c =>
        {
            var options = new EdlOptions(c.rate);
            var doc = EdlReader.Read(EdlWriter.Write("P", c.clips, options), c.rate);
            var record = options.RecordStart;
            foreach (var e in doc.Events)
            {
                var srcIn = e.SourceIn.ToFrameCount(c.rate);
                var srcOut = e.SourceOut.ToFrameCount(c.rate);
                if (e.RecordIn.ToFrameCount(c.rate) != record || srcOut <= srcIn
                    || e.RecordOut.ToFrameCount(c.rate) - e.RecordIn.ToFrameCount(c.rate) != srcOut - srcIn)
                {
                    return false;
                }

                record = e.RecordOut.ToFrameCount(c.rate);
            }

            return doc.Events.Count == c.clips.Count(x => c.rate.FrameAt(x.SourceOutMs) > c.rate.FrameAt(x.SourceInMs));
        }));
    }

    private static List<EdlClip> Layout(IEnumerable<(int Gap, int Duration)> spans)
    {
        var t = 0L;
        var clips = new List<EdlClip>();
        foreach (var (gap, duration) in spans)
        {
            t += gap;
            clips.Add(new EdlClip("src", t, t + duration));
            t += duration;
        }

        return clips;
    }
}
