using System.ComponentModel.DataAnnotations;

namespace CourseBot.Storage.Azure;

/// <summary>The storage account the Functions host keeps its state in (<c>CourseBot:Storage</c>, <c>CourseBot:Prefix</c>).</summary>
public sealed class AzureStorageOptions
{
    public const string Section = "CourseBot";

    /// <summary>The Functions runtime's own storage setting, the default for <see cref="Storage"/>.</summary>
    public const string FunctionsStorageSetting = "AzureWebJobsStorage";

    public const string MissingAccount = Section + ":Storage and " + FunctionsStorageSetting
        + " (a connection string, or " + FunctionsStorageSetting + "__accountName for a managed identity) are both empty: "
        + "name a storage account";

    /// <summary>
    /// The account for deliveries, dead letters, the learner history, used token ids and learner leases: a connection
    /// string, or an account name reached with the default Entra ID credential. Default: the Functions host's own account
    /// (<c>AzureWebJobsStorage</c>, or its identity form <c>AzureWebJobsStorage__accountName</c>).
    /// </summary>
    public string Storage { get; set; } = "";

    /// <summary>The account <see cref="Storage"/> or the Functions host's setting names; resolved when the options are read.</summary>
    public AzureStorageAccount? Account { get; set; }

    /// <summary>
    /// Prefix of the tables, queue and container. Default: <c>coursebot</c> (the queue trigger's <c>CourseBotQueue</c>
    /// setting is this + <c>deliveries</c>).
    /// </summary>
    [RegularExpression("^[a-z][a-z0-9]{0,39}$",
        ErrorMessage = Section + ":Prefix must be lower-case letters and digits, starting with a letter (at most 40)")]
    public string Prefix { get; set; } = "coursebot";
}
