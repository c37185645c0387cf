using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Tests;

/// <summary>Clips, feedback and exports: the outputs hung off segments and events.</summary>
public sealed class OutputStoreTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Rendering_a_clip_again_replaces_the_row(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        var pending = new ClipRecord("evt-1", "Seg", 12_400, ClipVariant.Original, 1, "mp4", 12_400, 27_000, "pending");

        await plane.Clips.UpsertAsync(pending);
        await plane.Clips.UpsertAsync(pending with { Status = "complete", Location = "/clips/a.mp4", ThumbnailLocation = "/clips/a.jpg" });
        await plane.Clips.UpsertAsync(pending with { Variant = ClipVariant.Optimized, StartMs = 12_000, EndMs = 27_500 });
        await plane.Clips.UpsertAsync(pending with { SegmentStartMs = 1_000, StartMs = 1_000, EndMs = 2_000 });

        var clips = await plane.Clips.ListForSegmentAsync("evt-1", "Seg", 12_400);
        clips.Select(c => (c.Variant, c.Status)).ShouldBe([(ClipVariant.Optimized, "pending"), (ClipVariant.Original, "complete")]);
        clips[1].Location.ShouldBe("/clips/a.mp4");
        (await plane.Clips.ListAsync("evt-1")).Select(c => c.SegmentStartMs).ShouldBe([1_000, 12_400, 12_400]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Newer_feedback_replaces_older_and_a_reset_is_kept_as_none(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        var like = new FeedbackRecord("evt-1", "Seg", 12_400, 1, ClipVariant.Original, FeedbackVerdict.Like, "ana");

        await plane.Feedback.UpsertAsync(like);
        await plane.Feedback.UpsertAsync(like with { Verdict = FeedbackVerdict.None, Reviewer = "bo" });
        await plane.Feedback.UpsertAsync(like with { Variant = ClipVariant.Optimized, Verdict = FeedbackVerdict.Dislike });
        await plane.Feedback.UpsertAsync(like with { SegmentStartMs = 500 });

        (await plane.Feedback.ListForSegmentAsync("evt-1", "Seg", 12_400)).Select(f => (f.Variant, f.Verdict, f.Reviewer))
            .ShouldBe([(ClipVariant.Optimized, FeedbackVerdict.Dislike, "ana"), (ClipVariant.Original, FeedbackVerdict.None, "bo")]);
        (await plane.Feedback.ListAsync("evt-1")).Select(f => f.SegmentStartMs).ShouldBe([500, 12_400, 12_400]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_export_row_always_points_at_the_newest_file(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);

        await plane.Exports.UpsertAsync(new ExportRecord("evt-1", "", "edl", 1, "/exports/v1.edl", "aa", 10));
        await plane.Exports.UpsertAsync(new ExportRecord("evt-1", "", "edl", 1, "/exports/v2.edl", "bb", 12));
        await plane.Exports.UpsertAsync(new ExportRecord("evt-1", "r1", "replay-json", 0, "/exports/r1.json"));
        await plane.Exports.UpsertAsync(new ExportRecord("evt-1", "", "event-json", 0, "/exports/e.json"));

        var edl = (await plane.Exports.GetAsync("evt-1", "", "edl", 1)).ShouldNotBeNull();
        (edl.Location, edl.ContentSha256, edl.SizeBytes).ShouldBe(("/exports/v2.edl", "bb", 12L));
        (await plane.Exports.ListAsync("evt-1")).Select(e => (e.ReplayId, e.Kind)).ShouldBe([("", "edl"), ("", "event-json"), ("r1", "replay-json")]);
        (await plane.Exports.GetAsync("evt-1", "", "edl", 2)).ShouldBeNull();
    }
}
