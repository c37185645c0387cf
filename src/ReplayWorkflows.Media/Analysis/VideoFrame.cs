namespace ReplayWorkflows.Media.Analysis;

/// <summary>A decoded frame at an event time, packed rows without padding (<see cref="Width"/> x bytes per pixel per row).</summary>
public sealed record VideoFrame(long TimeMs, int Width, int Height, FramePixelFormat Format, ReadOnlyMemory<byte> Pixels);
