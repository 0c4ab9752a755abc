namespace CourseBot.Tests.Grading;

/// <summary>
/// Reads a job log the way the Actions runner does, and lists the workflow commands it would execute: a line
/// starting with <c>::</c>, or holding the legacy <c>##[</c> anywhere, unless commands are stopped by
/// <c>::stop-commands::TOKEN</c> and not yet resumed by <c>::TOKEN::</c>.
/// </summary>
internal static class RunnerCommandLog
{
    public static List<string> Executed(string log)
    {
        var executed = new List<string>();
        string? stopToken = null;
        foreach (var raw in log.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'))
        {
            var line = raw.Trim();
            if (stopToken is not null)
            {
                if (line == $"::{stopToken}::")
                {
                    stopToken = null;
                }

                continue;
            }

            if (line.StartsWith("::stop-commands::", StringComparison.Ordinal))
            {
                stopToken = line["::stop-commands::".Length..];
            }
            else if (line.StartsWith("::", StringComparison.Ordinal) || line.Contains("##[", StringComparison.Ordinal))
            {
                executed.Add(line);
            }
        }

        return executed;
    }
}
