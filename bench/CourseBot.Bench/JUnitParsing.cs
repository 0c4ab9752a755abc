using System.Diagnostics;
using System.Globalization;
using System.Text;
using CourseBot.Grading.Checks;

namespace CourseBot.Bench;

/// <summary>Parsing a JUnit XML report with 10,000 cases (a tenth of them failing with a traceback).</summary>
internal static class JUnitParsing
{
    public static Task RunAsync()
    {
        var xml = Encoding.UTF8.GetBytes(Generate(10_000));
        var times = new List<double>();
        for (var i = 0; i < 22; i++)
        {
            using var stream = new MemoryStream(xml);
            var clock = Stopwatch.StartNew();
            var cases = JUnitReader.Read(stream);
            var ms = clock.Elapsed.TotalMilliseconds;
            if (cases.Count != 10_000)
            {
                throw new InvalidOperationException("wrong case count");
            }

            if (i >= 2)
            {
                times.Add(ms);
            }
        }

        Console.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"junit (10,000 cases, {xml.Length / 1024} KiB): ") + Stats.Describe(times)
        );
        return Task.CompletedTask;
    }

    public static string Generate(int count)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites><testsuite name=\"pytest\" tests=\"")
            .Append(count)
            .Append("\">");
        for (var i = 0; i < count; i++)
        {
            xml.Append(
                CultureInfo.InvariantCulture,
                $"<testcase classname=\"test_tasks\" name=\"test_case_{i}\" file=\"test_tasks.py\" line=\"{i}\" time=\"0.001\">"
            );
            if (i % 10 == 0)
            {
                xml.Append("<failure message=\"assert 4 == 5\">def test():\n    assert add(2, 2) == 5\nE   assert 4 == 5</failure>");
            }

            xml.Append("</testcase>");
        }

        return xml.Append("</testsuite></testsuites>").ToString();
    }
}
