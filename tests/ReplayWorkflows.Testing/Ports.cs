using System.Net;
using System.Net.Sockets;

namespace ReplayWorkflows.Testing;

/// <summary>Free local TCP ports for servers a test starts as child processes.</summary>
public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
