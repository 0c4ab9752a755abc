using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.Telemetry;

/// <summary>How <c>/readyz</c> probes its dependencies (<c>CourseBot:Readiness</c>).</summary>
public sealed class ReadinessOptions
{
    public const string Section = "CourseBot:Readiness";

    /// <summary>
    /// How long a GitHub probe's answer is reused, so a load balancer probing every few seconds does not spend the
    /// App's rate limit. Default: 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = Section + ":GitHubCacheFor must be from {1} to {2}")]
    public TimeSpan GitHubCacheFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long each probe (store, GitHub) may take before it counts as failed. Default: 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = Section + ":Timeout must be from {1} to {2}")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
