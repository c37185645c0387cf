using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Media.Tests.Support;

/// <summary>A real HTTP server on a free local port serving one folder (playlists over HTTP, ffmpeg reading URLs).</summary>
public sealed class FileServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FileServer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<FileServer> StartAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/{**path}", (string path) =>
        {
            var full = Path.GetFullPath(Path.Combine(root, path));
            return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full)
                ? Results.Bytes(File.ReadAllBytes(full), path.EndsWith(".m3u8", StringComparison.Ordinal) ? "application/vnd.apple.mpegurl" : "video/mp2t")
                : Results.NotFound();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FileServer(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
