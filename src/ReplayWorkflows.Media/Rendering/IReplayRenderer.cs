namespace ReplayWorkflows.Media.Rendering;

/// <summary>Renders replays. FFmpeg locally today; a MediaConvert implementation can sit behind the same interface.</summary>
public interface IReplayRenderer
{
    Task<ReplayRenderResult> RenderAsync(ReplayRenderRequest request, CancellationToken cancellationToken = default);
}
