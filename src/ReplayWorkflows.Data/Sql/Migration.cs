using System.Reflection;

namespace ReplayWorkflows.Data.Sql;

/// <summary>One schema change: version (from the file name's leading number), name, and the SQL to run.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>The migrations embedded for a provider ("sqlite" or "postgres"), in version order.</summary>
    public static IReadOnlyList<Migration> Load(string provider)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"migrations/{provider}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file[..underscore], out var version))
            {
                throw new InvalidOperationException($"migration resource {resource} must be named NNNN_name.sql");
            }

            migrations.Add(new Migration(version, Path.GetFileNameWithoutExtension(file), Read(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{provider} migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Name}");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"migration resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
