using CourseBot.Core.Curriculum.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CourseBot.Core.Curriculum.Loading;

/// <summary>
/// Parses one YAML file into a node tree that keeps line and column for every value.
/// We read nodes by hand instead of deserializing so that every error can name its field and
/// position, unknown fields are caught, and one run reports all problems.
/// </summary>
public static class YamlDocumentReader
{
    public static MapReader? ReadMapping(string fullPath, string displayPath, DiagnosticBag bag)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(fullPath);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Trim();
            bag.Add(new SourceLocation(displayPath, (int)ex.Start.Line, (int)ex.Start.Column), "", $"invalid YAML: {message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            bag.Add(SourceLocation.OfFile(displayPath), "", "expected a mapping of fields at the top of the file");
            return null;
        }

        return new MapReader(root, displayPath, "", bag);
    }
}
