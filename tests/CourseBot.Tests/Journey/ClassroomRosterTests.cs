using CourseBot.Core.Journey.Forms;

namespace CourseBot.Tests.Journey;

/// <summary>The roster CSV as RFC 4180 has it (read by Sep): what a line-by-line split got wrong.</summary>
public sealed class ClassroomRosterTests
{
    [Fact]
    public void Roster_QuotedLineBreakInAField_IsOneRow_AndLinesCountFromTheFile()
    {
        const string Csv = "identifier,github_username,github_id,name\r\n" +
            "ada@example.edu,ada,101,\"Lovelace,\r\nAda\"\r\n" +
            "\r\n" +
            "bob@example.edu,,,\"Bob\nthe second\"\n" +
            "cyd@example.edu,cyd,103,Cyd\n";
        var (rows, problems) = ClassroomRoster.Read(Csv);

        Assert.Equal([("ada", 2), ("cyd", 7)], rows.Select(r => (r.Login, r.Line)));
        Assert.Equal(["line 5: no GitHub account yet (bob@example.edu); not enrolled"], problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Roster_Empty_IsSaidSo(string csv) => Assert.Equal(["the roster is empty"], ClassroomRoster.Read(csv).Problems);

    [Fact]
    public void Roster_ShortRowsAndPaddedHeaders_AreRead()
    {
        var (rows, problems) = ClassroomRoster.Read(" GitHub_Username , Path \nada\nbob, expert \n");
        Assert.Empty(problems);
        Assert.Equal([("ada", (string?)null), ("bob", "expert")], rows.Select(r => (r.Login, r.Path)));
    }
}
