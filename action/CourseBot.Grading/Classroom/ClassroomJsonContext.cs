using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourseBot.Grading.Classroom;

[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true
)]
[JsonSerializable(typeof(ClassroomFile))]
internal sealed partial class ClassroomJsonContext : JsonSerializerContext;
