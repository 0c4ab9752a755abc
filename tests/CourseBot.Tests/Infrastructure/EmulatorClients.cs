using System.Security.Cryptography;
using CourseBot.Core.GitHub;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourseBot.Tests.Infrastructure;

/// <summary>
/// The bot's own client factory pointed at an emulator, without waits between content-creating calls nor GitHub's
/// content-creation limits (the emulator does not enforce them unless told to).
/// </summary>
internal static class EmulatorClients
{
    public static GitHubClientFactory For(GitHubEmulator.GitHubEmulator github, RSA key) => new(
        new GitHubAppOptions { AppId = 1, PrivateKey = key.ExportPkcs8PrivateKeyPem(), ApiBaseUrl = github.ApiBaseUrl },
        new GitHubResilienceOptions
        {
            ContentCreationSpacing = TimeSpan.Zero,
            RetryBase = TimeSpan.FromMilliseconds(20),
            ContentCreationPerMinute = 100_000,
            ContentCreationPerHour = 1_000_000,
        },
        TimeProvider.System,
        NullLoggerFactory.Instance);
}
