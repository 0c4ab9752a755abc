namespace CourseBot.Core.Telemetry;

/// <summary>
/// One dependency's answer to <c>/readyz</c>: its name (<c>store</c>, <c>github</c>), whether it answered, and what
/// it said.
/// </summary>
public sealed record ReadinessCheck(string Name, bool Ok, string Detail);
