namespace ReplayWorkflows.Media.Analysis;

/// <summary>Pixel layout of sampled frames.</summary>
public enum FramePixelFormat
{
    /// <summary>One byte of luma per pixel.</summary>
    Gray8,

    /// <summary>Three bytes (R, G, B) per pixel.</summary>
    Rgb24,
}
