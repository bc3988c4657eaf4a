using System.Buffers;
using System.Text;

namespace MscAlf.IO;

/// <summary>
/// A small RFC 4180 tokenizer for large exports, record by record: commas between fields, double quotes around fields
/// that hold commas, quotes (doubled) or line breaks, LF or CRLF line ends, a UTF-8 byte-order mark ignored. It reads
/// straight from a character buffer (a field that lies within it becomes a string in one copy), several times faster
/// than a general CSV library on the registry's wide rows, and reports broken quoting per record instead of guessing.
/// </summary>
public sealed class CsvTokenizer
{
    /// <summary>What ends a plain field, and the quote that makes it broken.</summary>
    private static readonly SearchValues<char> PlainStops = SearchValues.Create(",\n\r\"");

    private readonly TextReader _reader;
    private readonly char[] _buffer;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _length;
    private int _position;
    private int _line = 1;
    private bool _first = true;
    private bool _quoted;

    /// <summary>Creates a tokenizer over <paramref name="reader"/>.</summary>
    public CsvTokenizer(TextReader reader)
        : this(reader, 1 << 16)
    {
    }

    /// <summary>Creates a tokenizer that reads <paramref name="bufferSize"/> characters at a time (tests use tiny ones).</summary>
    internal CsvTokenizer(TextReader reader, int bufferSize)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _buffer = new char[bufferSize];
    }

    /// <summary>The next record, or null at the end of the input. Blank lines are skipped.</summary>
    public CsvRecord? Read()
    {
        while (Fill())
        {
            if (_first)
            {
                _first = false;
                if (_buffer[_position] == '\uFEFF')
                {
                    _position++;
                    continue;
                }
            }
            var start = _line;
            string? bad = null;
            _fields.Clear();
            bool end;
            do
            {
                (end, var badField) = ReadField();
                bad ??= badField;
            }
            while (!end);
            if (_fields.Count == 1 && _fields[0].Length == 0 && bad is null && !_quoted)
            {
                continue; // a blank line
            }
            return new CsvRecord([.. _fields], start, bad);
        }
        return null;
    }

    /// <summary>Reads one field into the record; says whether it ended the record, and the field if its quoting is broken.</summary>
    private (bool EndOfRecord, string? Bad) ReadField()
    {
        _quoted = false;
        if (!Fill())
        {
            _fields.Add("");
            return (true, null);
        }
        return _buffer[_position] == '"' ? ReadQuoted() : ReadUnquoted();
    }

    private (bool EndOfRecord, string? Bad) ReadUnquoted()
    {
        var span = _buffer.AsSpan(_position, _length - _position);
        var stop = span.IndexOfAny(PlainStops);
        if (stop >= 0 && span[stop] != '"')
        {
            _fields.Add(stop == 0 ? "" : new string(span[..stop]));
            _position += stop;
            return (EndField(), null);
        }
        // The field runs past the buffer, or holds a quote (broken quoting).
        _field.Clear();
        var end = ReadPlain(_field);
        var text = _field.ToString();
        _fields.Add(text);
        return (end, text.Contains('"', StringComparison.Ordinal) ? text : null);
    }

    private (bool EndOfRecord, string? Bad) ReadQuoted()
    {
        _position++;
        _quoted = true;
        var span = _buffer.AsSpan(_position, _length - _position);
        var quote = span.IndexOf('"');
        if (quote >= 0 && quote + 1 < span.Length && span[quote + 1] != '"')
        {
            // The closing quote and the character after it are in the buffer, and no doubled quote comes before it.
            var text = span[..quote];
            CountLines(text);
            var field = quote == 0 ? "" : new string(text);
            _position += quote + 1;
            return AfterClosingQuote(field);
        }
        _field.Clear();
        while (true)
        {
            if (!Fill())
            {
                var open = _field.ToString();
                _fields.Add(open);
                return (true, "\"" + open); // a quote never closed
            }
            var rest = _buffer.AsSpan(_position, _length - _position);
            var next = rest.IndexOf('"');
            var chunk = next < 0 ? rest : rest[..next];
            CountLines(chunk);
            _field.Append(chunk);
            _position += chunk.Length;
            if (next < 0)
            {
                continue;
            }
            _position++;
            if (Fill() && _buffer[_position] == '"')
            {
                _field.Append('"');
                _position++;
                continue;
            }
            return AfterClosingQuote(_field.ToString());
        }
    }

    /// <summary>After a quoted field's closing quote: adds the field and reads what ends it.</summary>
    private (bool EndOfRecord, string? Bad) AfterClosingQuote(string field)
    {
        if (!Fill())
        {
            _fields.Add(field);
            return (true, null);
        }
        switch (_buffer[_position])
        {
            case ',':
                _position++;
                _fields.Add(field);
                return (false, null);
            case '\n' or '\r':
                EndField();
                _fields.Add(field);
                return (true, null);
            default:
                var tail = new StringBuilder();
                var end = ReadPlain(tail);
                _fields.Add(field + tail);
                return (end, $"\"{field}\"{tail}"); // text after the closing quote
        }
    }

    /// <summary>Appends text up to the next comma or line end (consumed); true when a line end or the input's end came first.</summary>
    private bool ReadPlain(StringBuilder into)
    {
        while (Fill())
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(',', '\n', '\r');
            var chunk = stop < 0 ? span : span[..stop];
            into.Append(chunk);
            _position += chunk.Length;
            if (stop >= 0)
            {
                return EndField();
            }
        }
        return true;
    }

    /// <summary>Consumes the comma or line end at the position; true when it was a line end.</summary>
    private bool EndField()
    {
        var c = _buffer[_position++];
        if (c == ',')
        {
            return false;
        }
        if (c == '\r' && Fill() && _buffer[_position] == '\n')
        {
            _position++;
        }
        _line++;
        return true;
    }

    private void CountLines(ReadOnlySpan<char> text) => _line += text.Count('\n');

    /// <summary>True when a character is available at <see cref="_position"/>, reading more when needed.</summary>
    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
