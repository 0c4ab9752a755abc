using System.Security.Cryptography;

namespace CourseBot.Cli.Serve;

/// <summary>
/// The key <c>coursebot serve</c> signs credentials with when none is configured: a P-256 key made on first start into its own
/// file in the data folder (<see cref="FileName"/>, owner-only, mode 0600), and read from there on every later start, so
/// credentials issued before a restart still verify. Not the secrets file (setup mode owns that) and never the repository.
/// </summary>
internal static class DevCredentialKey
{
    public const string FileName = "credential-key.pem";

    /// <summary>The key's PEM, made when the file does not exist yet.</summary>
    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        // Owner-only from the moment it exists; CreateNew so a key another start wrote meanwhile is kept, not replaced.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new StreamWriter(new FileStream(path, options));
            file.Write(pem);
            return pem;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path);
        }
    }
}
