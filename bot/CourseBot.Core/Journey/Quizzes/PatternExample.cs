using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// The shortest answer an accept pattern takes (optional parts left out, first alternative), so feedback
/// can show "Right answer: worker" instead of a regular expression. Covers the regex subset quizzes use;
/// anything else (backreferences, Unicode categories) gives null and the caller shows the pattern.
/// </summary>
internal static class PatternExample
{
    private const string Candidates = "a0 x_.-:/=";

    public static string? Of(string pattern)
    {
        string example;
        try
        {
            var reader = new Reader(pattern);
            example = reader.Alternation();
            if (!reader.AtEnd)
            {
                return null;
            }
        }
        catch (FormatException)
        {
            return null;
        }

        // The generator is a best effort; the pattern itself has the last word.
        return example.Length > 0 && AnswerPattern.Match(example, pattern) == MatchOutcome.Match ? example : null;
    }

    private sealed class Reader(string pattern)
    {
        private int _pos;

        public bool AtEnd => _pos >= pattern.Length;

        public string Alternation()
        {
            var first = Sequence();
            while (!AtEnd && pattern[_pos] == '|')
            {
                _pos++;
                _ = Sequence(); // parsed to move past it; the first alternative is the example
            }

            return first;
        }

        private string Sequence()
        {
            var text = new StringBuilder();
            while (!AtEnd && pattern[_pos] is not ('|' or ')'))
            {
                var atom = Atom();
                var count = Quantifier();
                for (var i = 0; i < count; i++)
                {
                    text.Append(atom);
                }
            }

            return text.ToString();
        }

        private string Atom()
        {
            var c = pattern[_pos++];
            return c switch
            {
                '(' => Group(),
                '[' => Class(),
                '\\' => Escape(),
                '.' => "x",
                '^' or '$' => "",
                '*' or '+' or '?' or '{' => throw new FormatException("quantifier without an atom"),
                _ => c.ToString(),
            };
        }

        private string Group()
        {
            var zeroWidth = false;
            if (Peek('?'))
            {
                _pos++;
                if (Peek('=') || Peek('!') || Starts("<=") || Starts("<!"))
                {
                    zeroWidth = true;
                    _pos += Peek('<') ? 2 : 1;
                }
                else if (Peek('<') || Peek('\'') || Peek('P'))
                {
                    var close = pattern.IndexOfAny(['>', '\''], _pos + 1);
                    _pos = close < 0 ? throw new FormatException("unterminated group name") : close + 1;
                }
                else
                {
                    while (!AtEnd && pattern[_pos] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
                    {
                        _pos++;
                    }

                    if (Peek(')'))
                    {
                        _pos++;
                        return ""; // inline options such as (?i)
                    }

                    Expect(':');
                }
            }

            var inner = Alternation();
            Expect(')');
            return zeroWidth ? "" : inner;
        }

        private string Class()
        {
            var start = _pos - 1;
            var negated = Peek('^');
            var members = new StringBuilder();
            if (negated)
            {
                _pos++;
            }

            var first = true;
            while (!AtEnd && (pattern[_pos] != ']' || first))
            {
                first = false;
                var c = pattern[_pos++];
                if (c == '\\' && !AtEnd)
                {
                    var escaped = pattern[_pos++];
                    if (!char.IsLetterOrDigit(escaped))
                    {
                        members.Append(escaped);
                    }
                }
                else if (c != '-')
                {
                    members.Append(c);
                }
            }

            Expect(']');
            var set = new Regex(pattern[start.._pos], RegexOptions.CultureInvariant, AnswerPattern.Timeout);
            foreach (var candidate in (negated ? "" : members.ToString()) + Candidates)
            {
                if (set.IsMatch(candidate.ToString()))
                {
                    return candidate.ToString();
                }
            }

            throw new FormatException("no simple character in the class");
        }

        private string Escape()
        {
            if (AtEnd)
            {
                throw new FormatException("trailing backslash");
            }

            var c = pattern[_pos++];
            return c switch
            {
                'd' => "1",
                'D' or 'w' => "a",
                'W' => "-",
                's' => " ",
                'S' => "x",
                't' => "\t",
                'b' or 'B' or 'A' or 'z' or 'Z' or 'G' => "",
                _ when char.IsLetterOrDigit(c) => throw new FormatException($"escape \\{c} is not supported"),
                _ => c.ToString(),
            };
        }

        private int Quantifier()
        {
            if (AtEnd)
            {
                return 1;
            }

            int count;
            switch (pattern[_pos])
            {
                case '?' or '*':
                    _pos++;
                    count = 0;
                    break;
                case '+':
                    _pos++;
                    count = 1;
                    break;
                case '{' when pattern.IndexOf('}', _pos) is var close and > 0:
                    var bounds = pattern[(_pos + 1)..close].Split(',')[0];
                    if (!int.TryParse(bounds, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > 100)
                    {
                        return 1; // a literal '{', as .NET reads it
                    }

                    _pos = close + 1;
                    break;
                default:
                    return 1;
            }

            if (Peek('?'))
            {
                _pos++; // lazy: same minimum
            }

            return count;
        }

        private bool Peek(char c) => !AtEnd && pattern[_pos] == c;

        private bool Starts(string s) => string.CompareOrdinal(pattern, _pos, s, 0, s.Length) == 0;

        private void Expect(char c)
        {
            if (!Peek(c))
            {
                throw new FormatException($"expected '{c}'");
            }

            _pos++;
        }
    }
}
