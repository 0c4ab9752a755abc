using Markdig;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>The one Markdig pipeline used for lessons (built once; Markdig pipelines are immutable and thread-safe).</summary>
public static class LessonMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
}
