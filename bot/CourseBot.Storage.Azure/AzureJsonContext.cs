namespace CourseBot.Storage.Azure;

[System.Text.Json.Serialization.JsonSerializable(typeof(QueueEnvelope))]
internal sealed partial class AzureJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
