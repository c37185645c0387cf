namespace ReplayWorkflows.Media.Tests.Support;

/// <summary>A fresh folder per test, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Path = Directory.CreateTempSubdirectory("rw-media-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process we killed may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}
