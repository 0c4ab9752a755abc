using System.Globalization;

namespace CourseBot.Core.Storage.Journal;

/// <summary>The segment files of a journal folder: <c>segment-0000000001.log</c>, numbered in the order they were started.</summary>
internal static class JournalSegments
{
    private const string Prefix = "segment-";
    private const string Extension = ".log";

    public static string PathOf(string directory, long segment) =>
        Path.Combine(directory, Prefix + segment.ToString("D10", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The numbers of the segments present, in order.</summary>
    public static List<long> List(string directory)
    {
        var segments = new List<long>();
        foreach (var file in Directory.EnumerateFiles(directory, Prefix + "*" + Extension))
        {
            var name = Path.GetFileNameWithoutExtension(file)[Prefix.Length..];
            if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                segments.Add(number);
            }
        }

        segments.Sort();
        return segments;
    }

    /// <summary>Deletes the segments numbered below <paramref name="segment"/>: everything in them is in the inbox.</summary>
    public static void DeleteBefore(string directory, long segment)
    {
        foreach (var number in List(directory).Where(n => n < segment))
        {
            File.Delete(PathOf(directory, number));
        }
    }
}
