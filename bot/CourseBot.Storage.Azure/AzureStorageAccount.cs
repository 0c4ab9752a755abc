using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace CourseBot.Storage.Azure;

/// <summary>
/// One storage account, reached either by a connection string (Azurite, a key) or by its service URIs and an Entra ID
/// credential (a managed identity in Azure, <c>az login</c> on a laptop). The identity form is the one the Functions
/// runtime reads (<c>AzureWebJobsStorage__accountName</c>, <c>__blobServiceUri</c>, <c>__credential</c>,
/// <c>__clientId</c>), so one app setting serves the runtime's queue trigger and the bot's stores alike; <c>azd</c>
/// templates set exactly that form, with no key anywhere.
/// </summary>
public sealed class AzureStorageAccount
{
    private readonly string? _connectionString;
    private readonly TokenCredential? _credential;

    private AzureStorageAccount(string connectionString) => _connectionString = connectionString;

    private AzureStorageAccount(Uri blobs, Uri queues, Uri tables, TokenCredential credential)
    {
        (BlobServiceUri, QueueServiceUri, TableServiceUri, _credential) =
            (WithSlash(blobs), WithSlash(queues), WithSlash(tables), credential);
    }

    /// <summary>The blob endpoint of the identity form; null for a connection string.</summary>
    public Uri? BlobServiceUri { get; }

    /// <summary>The queue endpoint of the identity form; null for a connection string.</summary>
    public Uri? QueueServiceUri { get; }

    /// <summary>The table endpoint of the identity form; null for a connection string.</summary>
    public Uri? TableServiceUri { get; }

    /// <summary>True when the account is reached with an Entra ID credential rather than a key.</summary>
    public bool UsesIdentity => _credential is not null;

    /// <summary>A connection string as it is (it holds '='), else a bare account name reached with the default credential.</summary>
    public static AzureStorageAccount Parse(string value, TokenCredential? credential = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value.Contains('=', StringComparison.Ordinal)
            ? new AzureStorageAccount(value)
            : ForAccountName(value, credential ?? new DefaultAzureCredential());
    }

    /// <summary>
    /// The account a setting names, in the Functions runtime's forms: the setting itself is a connection string, or its
    /// section holds <c>accountName</c> or the three service URIs, with <c>credential</c>=<c>managedidentity</c> and an
    /// optional <c>clientId</c> (a user-assigned identity). Null when the setting is absent.
    /// </summary>
    public static AzureStorageAccount? FromConfiguration(IConfiguration configuration, string setting)
    {
        if (configuration[setting] is { Length: > 0 } connectionString)
        {
            return new AzureStorageAccount(connectionString);
        }

        var section = configuration.GetSection(setting);
        var credential = Credential(section["credential"], section["clientId"]);
        if (section["accountName"] is { Length: > 0 } account)
        {
            return ForAccountName(account, credential);
        }

        return (section["blobServiceUri"], section["queueServiceUri"], section["tableServiceUri"]) is
            ({ Length: > 0 } blobs, { Length: > 0 } queues, { Length: > 0 } tables)
            ? new AzureStorageAccount(new Uri(blobs), new Uri(queues), new Uri(tables), credential)
            : null;
    }

    public TableClient Table(string name) => _credential is null
        ? new TableClient(_connectionString, name)
        : new TableClient(TableServiceUri, name, _credential);

    public QueueClient Queue(string name, QueueClientOptions options) => _credential is null
        ? new QueueClient(_connectionString, name, options)
        : new QueueClient(new Uri(QueueServiceUri!, name), _credential, options);

    public BlobContainerClient Container(string name) => _credential is null
        ? new BlobContainerClient(_connectionString, name)
        : new BlobContainerClient(new Uri(BlobServiceUri!, name), _credential);

    /// <summary>Where the account is, for logs and <c>doctor</c>: never the key.</summary>
    public override string ToString() => _credential is null
        ? "a storage connection string"
        : $"{BlobServiceUri!.Host.Split('.')[0]} (identity: blob {BlobServiceUri}, queue {QueueServiceUri}, table {TableServiceUri})";

    private static AzureStorageAccount ForAccountName(string account, TokenCredential credential) => new(
        Endpoint(account, "blob"), Endpoint(account, "queue"), Endpoint(account, "table"), credential);

    // A service URI with a path (an emulator's or a proxy's /accountname) keeps it when a name is appended.
    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static Uri Endpoint(string account, string service) => new($"https://{account}.{service}.core.windows.net/");

    // The runtime's rule: "managedidentity" means the App's managed identity (system-assigned, or the user-assigned one
    // clientId names); anything else falls back to the default chain, which on a laptop is the developer's az login.
    private static TokenCredential Credential(string? kind, string? clientId) =>
        string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(clientId is { Length: > 0 }
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
}
