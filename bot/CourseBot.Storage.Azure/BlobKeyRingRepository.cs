using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CourseBot.Storage.Azure;

/// <summary>
/// ASP.NET Data Protection's key ring in a blob container of the app's own storage account (<c>{prefix}keys</c>), one blob per
/// key, so every Functions instance seals and opens the dashboard's cookies with the same keys and a restart signs nobody
/// out. The keys are as safe as that account, which already holds every learner's record. The container is made on first use
/// (Data Protection builds its key manager while the host starts, before the storage settings are validated and reported).
/// </summary>
public sealed class BlobKeyRingRepository(Func<BlobContainerClient> open) : IXmlRepository
{
    private readonly Lazy<BlobContainerClient> _container = new(open);
    private int _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureContainer();
        var keys = new List<XElement>();
        foreach (var item in _container.Value.GetBlobs())
        {
            var content = _container.Value.GetBlobClient(item.Name).DownloadContent().Value.Content;
            keys.Add(XElement.Parse(content.ToString()));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        EnsureContainer();
        // Key names are fresh GUIDs: a name that exists already was written by another instance, with the same key.
        try
        {
            _container.Value.GetBlobClient(friendlyName + ".xml")
                .Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }
    }

    private void EnsureContainer()
    {
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            _container.Value.CreateIfNotExists();
        }
    }
}
