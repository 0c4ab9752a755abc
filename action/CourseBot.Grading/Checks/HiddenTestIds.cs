using System.Globalization;
using System.Text.RegularExpressions;

namespace CourseBot.Grading.Checks;

/// <summary>
/// The tests a hidden file must report, known before it runs, and the key that ties each to its JUnit case
/// (<c>classname::name</c>, the way pytest's junitxml plugin mangles a node id). A test the report leaves out
/// is then a failed test, never a smaller denominator.
/// </summary>
public static partial class HiddenTestIds
{
    /// <summary>
    /// Lists test functions and <c>Test*</c> classes' test methods without importing the file (white-box tests
    /// import learner code, so the grader only parses them): <c>name</c> or <c>Class::name</c>, one a line.
    /// </summary>
    public const string AstLister = """
        import ast, sys
        def walk(body, prefix):
            for node in body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
                    print(prefix + node.name)
                elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                    walk(node.body, prefix + node.name + "::")
        with open(sys.argv[1], encoding="utf-8") as source:
            walk(ast.parse(source.read()).body, "")
        """;

    /// <summary>Node ids from <c>pytest --collect-only -q</c>: the lines that name a test of <paramref name="relativeFile"/>.</summary>
    public static List<string> FromCollectOnly(string output, string relativeFile)
    {
        ArgumentNullException.ThrowIfNull(output);
        var prefix = relativeFile.Replace('\\', '/') + "::";
        return output.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(Key)
            .ToList();
    }

    /// <summary>Keys from <see cref="AstLister"/>'s output for a test file directly under pytest's root folder.</summary>
    public static List<string> FromAstListing(string output, string fileName)
    {
        ArgumentNullException.ThrowIfNull(output);
        var module = Path.GetFileNameWithoutExtension(fileName);
        return output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => TestName().IsMatch(l))
            .Distinct(StringComparer.Ordinal)
            .Select(l => Key(module + ".py::" + l))
            .ToList();
    }

    /// <summary><c>sub/test_x.py::TestA::test_b[1]</c> -> <c>sub.test_x.TestA::test_b[1]</c> (pytest's
    /// <c>mangle_test_address</c>).</summary>
    public static string Key(string nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var bracket = nodeId.IndexOf('[', StringComparison.Ordinal);
        var (path, parameters) = bracket < 0 ? (nodeId, "") : (nodeId[..bracket], nodeId[bracket..]);
        var names = path.Split("::");
        names[0] = PyExtension().Replace(names[0].Replace('/', '.'), "");
        return string.Join('.', names[..^1]) + "::" + names[^1] + parameters;
    }

    /// <summary>The key of a JUnit case; with <paramref name="family"/>, without its parameters (<c>test_b[1]</c> ->
    /// <c>test_b</c>).</summary>
    public static string Key(JUnitCase testCase, bool family)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var name =
            family && testCase.Name.IndexOf('[', StringComparison.Ordinal) is var bracket and >= 0
                ? testCase.Name[..bracket]
                : testCase.Name;
        return testCase.ClassName + "::" + name;
    }

    /// <summary>The test's own name, for people: the part after the last <c>::</c>.</summary>
    public static string NameOf(string key) => key[(key.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>What pytest's exit status means, for a message.</summary>
    public static string DescribeExit(int status) => status switch
    {
        2 => "2: the session was interrupted",
        3 => "3: internal error",
        4 => "4: usage error",
        5 => "5: no tests were collected",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(?:[A-Za-z_][A-Za-z0-9_]*::)*[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex TestName();

    [GeneratedRegex(@"\.py$")]
    private static partial Regex PyExtension();
}
