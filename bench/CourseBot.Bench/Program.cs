using CourseBot.Bench;

var name = args.FirstOrDefault() ?? "all";
var benches = new Dictionary<string, Func<Task>>(StringComparer.Ordinal)
{
    ["grader-overhead"] = GraderOverhead.RunAsync,
    ["junit"] = JUnitParsing.RunAsync,
    ["webhook-ingress"] = WebhookIngress.RunAsync,
    ["cohort-view"] = CohortViewTiming.RunAsync,
    ["enrollment-pacing"] = EnrollmentPacing.RunAsync,
    ["push-feedback"] = PushFeedback.RunAsync,
    ["functions-store-soak"] = FunctionsStoreSoak.RunAsync,
};
if (name == "all")
{
    foreach (var bench in benches.Values)
    {
        await bench().ConfigureAwait(false);
    }

    return 0;
}

if (!benches.TryGetValue(name, out var run))
{
    Console.Error.WriteLine($"unknown benchmark '{name}': {string.Join(", ", benches.Keys)} or all");
    return 2;
}

await run().ConfigureAwait(false);
return 0;
