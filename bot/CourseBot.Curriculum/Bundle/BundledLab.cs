namespace CourseBot.Core.LabGrading;

/// <summary>One lab: <c>module/lab</c>, and its files by path relative to the lab folder (<c>lab.yml</c>, <c>hidden/...</c>).</summary>
public sealed record BundledLab(string Key, IReadOnlyDictionary<string, string> Files);
