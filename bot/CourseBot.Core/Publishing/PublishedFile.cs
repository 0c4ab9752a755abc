using System.Text;

namespace CourseBot.Core.Publishing;

/// <summary>A file as it is to be published: path in the repository, content, and whether it is executable.</summary>
public sealed record PublishedFile(string Path, string Text, bool Executable = false)
{
    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    public string Mode => Executable ? "100755" : "100644";
}
