using System.Text;

namespace CourseBot.Core.Journey.Progress;

/// <summary>
/// Estimates how wide a line of badge text draws at 11px in Verdana or DejaVu Sans, in tenths of a pixel
/// (integers, so the badge bytes never depend on floating-point formatting).
/// </summary>
/// <remarks>
/// The ASCII table is, per character, the larger advance width of Verdana and DejaVu Sans at 11px
/// (hmtx advance / 2048 units per em * 11), rounded up to 0.1px: a viewer with either font sees the text fit.
/// Other characters are estimated by script: combining marks take no room, other characters below U+1100
/// (Latin accents, Greek, Cyrillic, ...) a Latin capital's width, and everything from U+1100 on (Hangul, CJK,
/// symbols, emoji) one em, as those fonts draw them square. The badge also sets <c>textLength</c> to this
/// estimate, so a viewer whose font differs squeezes or spreads the text into the box instead of overflowing it.
/// </remarks>
internal static class BadgeTextWidth
{
    private const int CombiningMark = 0;
    private const int NarrowScript = 77;
    private const int Em = 110;

    // Index 0 is the space (U+0020), the last entry is '~' (U+007E).
    private static readonly int[] AsciiTenths =
    [
        39, 45, 51, 93, 70, 119, 86, 31, 49, 49, 70, 93, 41, 49, 41, 49, //  !"#$%&'()*+,-./
        70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 49, 49, 93, 93, 93, 60, // 0123456789:;<=>?
        110, 76, 76, 77, 85, 70, 64, 86, 83, 47, 51, 77, 62, 95, 83, 87, // @ABCDEFGHIJKLMNO
        67, 87, 77, 76, 68, 81, 76, 109, 76, 68, 76, 49, 49, 49, 93, 70, // PQRSTUVWXYZ[\]^_
        70, 68, 70, 61, 70, 68, 39, 70, 70, 31, 38, 65, 31, 108, 70, 68, // `abcdefghijklmno
        70, 70, 47, 58, 44, 70, 66, 90, 66, 66, 58, 70, 49, 70, 93, //     pqrstuvwxyz{|}~
    ];

    /// <summary>The drawn width of <paramref name="text"/> in tenths of a pixel.</summary>
    public static int Tenths(string text)
    {
        var total = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            total += Tenths(rune);
        }

        return total;
    }

    private static int Tenths(Rune rune) => rune.Value switch
    {
        >= 0x20 and <= 0x7E => AsciiTenths[rune.Value - 0x20],
        >= 0x0300 and <= 0x036F => CombiningMark,
        < 0x1100 => NarrowScript,
        _ => Em,
    };
}
