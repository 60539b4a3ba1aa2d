using System.Buffers;
using System.Globalization;
using System.Text;

namespace OpenBadgesIssuer.Standards.Rdf;

/// <summary>
/// RDF 1.1 N-Quads: a parser (all escape forms, blank nodes, language tags, datatypes, comments) and a writer of the
/// canonical form required by RDFC-1.0 ("Canonical N-Quads": single spaces, xsd:string datatype omitted, minimal escaping).
/// </summary>
public static class NQuads
{
    /// <summary>Parses N-Quads text into quads, in document order (duplicates are kept).</summary>
    /// <exception cref="FormatException">The text is not valid N-Quads.</exception>
    public static IReadOnlyList<RdfQuad> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        return parser.ParseDocument();
    }

    /// <summary>Writes one quad in canonical N-Quads form, including the terminating <c>" .\n"</c>.</summary>
    public static string Serialize(RdfQuad quad)
    {
        ArgumentNullException.ThrowIfNull(quad);
        var writer = new ByteBuffer(128);
        WriteQuad(writer, quad);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    /// <summary>Writes one term in canonical N-Quads form (<c>&lt;iri&gt;</c>, <c>_:label</c> or a literal).</summary>
    public static string Serialize(RdfTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var writer = new ByteBuffer(64);
        WriteTerm(writer, term);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    /// <summary>Writes quads in the given order, one canonical line each (no sorting, no relabelling).</summary>
    public static string Serialize(IEnumerable<RdfQuad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var writer = new ByteBuffer(1024);
        foreach (var quad in quads)
        {
            WriteQuad(writer, quad);
        }
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    internal static void WriteQuad(ByteBuffer writer, RdfQuad quad)
    {
        WriteTerm(writer, quad.Subject);
        writer.Append((byte)' ');
        WriteTerm(writer, quad.Predicate);
        writer.Append((byte)' ');
        WriteTerm(writer, quad.Object);
        if (quad.Graph is not null)
        {
            writer.Append((byte)' ');
            WriteTerm(writer, quad.Graph);
        }
        writer.Append(" .\n"u8);
    }

    internal static void WriteTerm(ByteBuffer writer, RdfTerm term)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                WriteIri(writer, term.Value);
                break;
            case RdfTermKind.BlankNode:
                writer.Append("_:"u8);
                writer.AppendUtf8(term.Value);
                break;
            default:
                writer.Append((byte)'"');
                WriteEscapedLiteral(writer, term.Value);
                writer.Append((byte)'"');
                if (term.Language is not null)
                {
                    writer.Append((byte)'@');
                    writer.AppendUtf8(term.Language);
                }
                else if (term.Datatype is not null && !string.Equals(term.Datatype, RdfTerm.XsdString, StringComparison.Ordinal))
                {
                    writer.Append("^^"u8);
                    WriteIri(writer, term.Datatype);
                }
                break;
        }
    }

    // Characters that need attention when writing: IRIREF forbids these literally; literals escape a similar set.
    // Surrogates are included so that unpaired ones can be escaped (paired ones are written as UTF-8).
    private static readonly SearchValues<char> IriSpecial = SearchValues.Create(BuildSpecial("<>\"{}|^`\\", 0x20));
    private static readonly SearchValues<char> LiteralSpecial = SearchValues.Create(BuildSpecial("\"\\\u007F\uFFFE\uFFFF", 0x1F));

    private static string BuildSpecial(string extra, int controlsUpTo)
    {
        var sb = new StringBuilder(extra);
        for (var c = 0; c <= controlsUpTo; c++)
        {
            sb.Append((char)c);
        }
        for (var c = 0xD800; c <= 0xDFFF; c++)
        {
            sb.Append((char)c);
        }
        return sb.ToString();
    }

    /// <summary>IRIs are written raw; characters that IRIREF cannot hold literally are written as UCHAR.</summary>
    internal static void WriteIri(ByteBuffer writer, string iri)
    {
        if (!iri.AsSpan().ContainsAny(IriSpecial))
        {
            writer.Append((byte)'<');
            writer.AppendUtf8(iri);
            writer.Append((byte)'>');
            return;
        }
        writer.Append((byte)'<');
        var start = 0;
        for (var i = 0; i < iri.Length; i++)
        {
            var c = iri[i];
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\' || char.IsSurrogate(c) && !IsPairAt(iri, i))
            {
                writer.AppendUtf8(iri.AsSpan(start, i - start));
                WriteUchar(writer, c);
                start = i + 1;
            }
            else if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }
        writer.AppendUtf8(iri.AsSpan(start));
        writer.Append((byte)'>');
    }

    private static bool IsPairAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);

    /// <summary>
    /// Literal escaping of canonical N-Quads: ECHAR for \b \t \n \f \r \" \\; UCHAR (upper-case hex) for the remaining
    /// C0 controls, U+007F, U+FFFE, U+FFFF and unpaired surrogates; everything else raw UTF-8.
    /// </summary>
    internal static void WriteEscapedLiteral(ByteBuffer writer, string value)
    {
        if (!value.AsSpan().ContainsAny(LiteralSpecial))
        {
            writer.AppendUtf8(value);
            return;
        }
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            ReadOnlySpan<byte> echar;
            switch (c)
            {
                case '\b': echar = "\\b"u8; break;
                case '\t': echar = "\\t"u8; break;
                case '\n': echar = "\\n"u8; break;
                case '\f': echar = "\\f"u8; break;
                case '\r': echar = "\\r"u8; break;
                case '"': echar = "\\\""u8; break;
                case '\\': echar = "\\\\"u8; break;
                default:
                    if (c < ' ' || c == '\u007F' || c == '\uFFFE' || c == '\uFFFF')
                    {
                        writer.AppendUtf8(value.AsSpan(start, i - start));
                        WriteUchar(writer, c);
                        start = i + 1;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            i++;
                        }
                        else
                        {
                            writer.AppendUtf8(value.AsSpan(start, i - start));
                            WriteUchar(writer, c);
                            start = i + 1;
                        }
                    }
                    continue;
            }
            writer.AppendUtf8(value.AsSpan(start, i - start));
            writer.Append(echar);
            start = i + 1;
        }
        writer.AppendUtf8(value.AsSpan(start));
    }

    private static void WriteUchar(ByteBuffer writer, char c)
    {
        const string Hex = "0123456789ABCDEF";
        writer.Append((byte)'\\');
        writer.Append((byte)'u');
        writer.Append((byte)Hex[(c >> 12) & 0xF]);
        writer.Append((byte)Hex[(c >> 8) & 0xF]);
        writer.Append((byte)Hex[(c >> 4) & 0xF]);
        writer.Append((byte)Hex[c & 0xF]);
    }

    private sealed class Parser(string text)
    {
        private readonly string _text = text;
        private readonly StringBuilder _sb = new();
        private readonly Dictionary<string, RdfTerm> _iris = new(StringComparer.Ordinal);
        private int _pos;
        private int _line = 1;

        public List<RdfQuad> ParseDocument()
        {
            var quads = new List<RdfQuad>();
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return quads;
                }
                var c = _text[_pos];
                if (c == '#')
                {
                    SkipComment();
                    continue;
                }
                if (c is '\n' or '\r')
                {
                    NewLine();
                    continue;
                }
                quads.Add(ParseStatement());
            }
        }

        private RdfQuad ParseStatement()
        {
            var subject = Peek() == '<' ? ParseIri() : Peek() == '_' ? ParseBlank() : throw Error("subject must be an IRI or a blank node");
            SkipWhitespace();
            if (Peek() != '<')
            {
                throw Error("predicate must be an IRI");
            }
            var predicate = ParseIri();
            SkipWhitespace();
            var obj = Peek() switch
            {
                '<' => ParseIri(),
                '_' => ParseBlank(),
                '"' => ParseLiteral(),
                _ => throw Error("object must be an IRI, a blank node or a literal"),
            };
            SkipWhitespace();
            RdfTerm? graph = null;
            if (Peek() == '<')
            {
                graph = ParseIri();
                SkipWhitespace();
            }
            else if (Peek() == '_')
            {
                graph = ParseBlank();
                SkipWhitespace();
            }
            if (Peek() != '.')
            {
                throw Error("expected '.'");
            }
            _pos++;
            SkipWhitespace();
            if (Peek() == '#')
            {
                SkipComment();
            }
            if (_pos < _text.Length)
            {
                if (_text[_pos] is not ('\n' or '\r'))
                {
                    throw Error("expected end of line after '.'");
                }
                NewLine();
            }
            return new RdfQuad(subject, predicate, obj, graph);
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
            {
                _pos++;
            }
        }

        private void SkipComment()
        {
            while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r'))
            {
                _pos++;
            }
        }

        private void NewLine()
        {
            if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
            {
                _pos++;
            }
            _pos++;
            _line++;
        }

        private RdfTerm ParseIri()
        {
            var value = ParseIriValue();
            if (!_iris.TryGetValue(value, out var term))
            {
                term = RdfTerm.Iri(value);
                _iris[value] = term;
            }
            return term;
        }

        private string ParseIriValue()
        {
            _pos++; // '<'
            var start = _pos;
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '>')
                {
                    return _text.Substring(start, _pos++ - start);
                }
                if (c == '\\')
                {
                    break;
                }
                CheckIriChar(c);
                _pos++;
            }
            _sb.Clear();
            _sb.Append(_text, start, _pos - start);
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '>')
                {
                    _pos++;
                    return _sb.ToString();
                }
                if (c == '\\')
                {
                    var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
                    if (next is not ('u' or 'U'))
                    {
                        throw Error("only \\u and \\U escapes are allowed in IRIs");
                    }
                    ReadUchar();
                    continue;
                }
                CheckIriChar(c);
                _sb.Append(c);
                _pos++;
            }
            throw Error("unterminated IRI");
        }

        private void CheckIriChar(char c)
        {
            if (c <= ' ' || c is '<' or '"' or '{' or '}' or '|' or '^' or '`')
            {
                throw Error("character not allowed in an IRI");
            }
        }

        private RdfTerm ParseBlank()
        {
            if (_pos + 1 >= _text.Length || _text[_pos + 1] != ':')
            {
                throw Error("expected '_:'");
            }
            _pos += 2;
            var start = _pos;
            if (_pos >= _text.Length || !(IsPnCharsU(_text[_pos]) || char.IsAsciiDigit(_text[_pos])))
            {
                throw Error("invalid blank node label");
            }
            _pos++;
            while (_pos < _text.Length && (IsPnChars(_text[_pos]) || _text[_pos] == '.'))
            {
                _pos++;
            }
            while (_text[_pos - 1] == '.')
            {
                _pos--; // a label cannot end with '.'
            }
            return RdfTerm.Blank(_text.Substring(start, _pos - start));
        }

        private static bool IsPnCharsU(char c) =>
            char.IsAsciiLetter(c) || c == '_' || c == ':' ||
            c >= '\u00C0' && c <= '\u00D6' || c >= '\u00D8' && c <= '\u00F6' || c >= '\u00F8' && c <= '\u02FF' ||
            c >= '\u0370' && c <= '\u037D' || c >= '\u037F' && c <= '\u1FFF' || c >= '\u200C' && c <= '\u200D' ||
            c >= '\u2070' && c <= '\u218F' || c >= '\u2C00' && c <= '\u2FEF' || c >= '\u3001' && c <= '\uD7FF' ||
            c >= '\uF900' && c <= '\uFDCF' || c >= '\uFDF0' && c <= '\uFFFD' || char.IsSurrogate(c);

        private static bool IsPnChars(char c) =>
            IsPnCharsU(c) || c == '-' || char.IsAsciiDigit(c) || c == '\u00B7' ||
            c >= '\u0300' && c <= '\u036F' || c >= '\u203F' && c <= '\u2040';

        private RdfTerm ParseLiteral()
        {
            _pos++; // '"'
            _sb.Clear();
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("unterminated literal");
                }
                var c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    break;
                }
                if (c is '\n' or '\r')
                {
                    throw Error("line break inside a literal");
                }
                if (c == '\\')
                {
                    var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
                    char? simple = next switch
                    {
                        't' => '\t',
                        'b' => '\b',
                        'n' => '\n',
                        'r' => '\r',
                        'f' => '\f',
                        '"' => '"',
                        '\'' => '\'',
                        '\\' => '\\',
                        _ => null,
                    };
                    if (simple is { } s)
                    {
                        _sb.Append(s);
                        _pos += 2;
                    }
                    else if (next is 'u' or 'U')
                    {
                        ReadUchar();
                    }
                    else
                    {
                        throw Error("invalid escape in literal");
                    }
                    continue;
                }
                _sb.Append(c);
                _pos++;
            }
            var lexical = _sb.ToString();
            if (Peek() == '@')
            {
                _pos++;
                var start = _pos;
                while (_pos < _text.Length && char.IsAsciiLetter(_text[_pos]))
                {
                    _pos++;
                }
                if (_pos == start)
                {
                    throw Error("empty language tag");
                }
                while (_pos < _text.Length && _text[_pos] == '-')
                {
                    var subStart = ++_pos;
                    while (_pos < _text.Length && char.IsAsciiLetterOrDigit(_text[_pos]))
                    {
                        _pos++;
                    }
                    if (_pos == subStart)
                    {
                        throw Error("invalid language tag");
                    }
                }
                return RdfTerm.Literal(lexical, language: _text.Substring(start, _pos - start));
            }
            if (Peek() == '^')
            {
                if (_pos + 2 >= _text.Length || _text[_pos + 1] != '^' || _text[_pos + 2] != '<')
                {
                    throw Error("expected '^^<'");
                }
                _pos += 2;
                var literalText = lexical;
                var datatype = ParseIriValue();
                return RdfTerm.Literal(literalText, datatype);
            }
            return RdfTerm.Literal(lexical);
        }

        /// <summary>Reads \uXXXX or \UXXXXXXXX at the current position and appends the character(s).</summary>
        private void ReadUchar()
        {
            var digits = _text[_pos + 1] == 'u' ? 4 : 8;
            if (_pos + 2 + digits > _text.Length ||
                !int.TryParse(_text.AsSpan(_pos + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
                code < 0 || code > 0x10FFFF)
            {
                throw Error("invalid \\u or \\U escape");
            }
            if (code <= 0xFFFF)
            {
                _sb.Append((char)code);
            }
            else
            {
                _sb.Append(char.ConvertFromUtf32(code));
            }
            _pos += 2 + digits;
        }

        private FormatException Error(string message) =>
            new(string.Create(CultureInfo.InvariantCulture, $"N-Quads line {_line}: {message}."));
    }
}
