namespace CourseBot.Tests.Infrastructure;

/// <summary>One &lt;img&gt; after loading: its src as written, its intrinsic size (0 when it failed), and whether loading
/// finished.</summary>
public sealed record RenderedImage(string Src, int NaturalWidth, int NaturalHeight, bool Complete);
