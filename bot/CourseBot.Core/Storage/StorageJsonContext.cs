namespace CourseBot.Core.Storage;

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class StorageJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
