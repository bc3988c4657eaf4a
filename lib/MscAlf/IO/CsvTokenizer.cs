using System.Text;

namespace MscAlf.IO;

/// <summary>
/// A small RFC 4180 tokenizer for large exports, record by record: commas between fields, double quotes around fields
/// that hold commas, quotes (doubled) or line breaks, LF or CRLF line ends, a UTF-8 byte-order mark ignored. It reads
/// straight from a character buffer, several times faster than a general CSV library on the registry's wide rows, and
/// reports broken quoting per record instead of guessing.
/// </summary>
public sealed class CsvTokenizer(TextReader reader)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _length;
    private int _position;
    private int _line = 1;
    private bool _first = true;
    private bool _quoted;

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
                _fields.Add(_field.ToString());
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

    /// <summary>Reads one field into the field buffer; says whether it ended the record, and the field if its quoting is broken.</summary>
    private (bool EndOfRecord, string? Bad) ReadField()
    {
        _field.Clear();
        _quoted = false;
        if (!Fill())
        {
            return (true, null);
        }
        if (_buffer[_position] != '"')
        {
            var end = ReadPlain(_field);
            return (end, _field.ToString().Contains('"', StringComparison.Ordinal) ? _field.ToString() : null);
        }
        _position++;
        _quoted = true;
        while (true)
        {
            if (!Fill())
            {
                return (true, "\"" + _field); // a quote never closed
            }
            var span = _buffer.AsSpan(_position, _length - _position);
            var quote = span.IndexOf('"');
            var chunk = quote < 0 ? span : span[..quote];
            CountLines(chunk);
            _field.Append(chunk);
            _position += chunk.Length;
            if (quote < 0)
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
            if (!Fill())
            {
                return (true, null);
            }
            switch (_buffer[_position])
            {
                case ',':
                    _position++;
                    return (false, null);
                case '\n' or '\r':
                    ReadPlain(new StringBuilder()); // the line end
                    return (true, null);
                default:
                    var tail = new StringBuilder();
                    var end = ReadPlain(tail);
                    var bad = $"\"{_field}\"{tail}";
                    _field.Append(tail);
                    return (end, bad); // text after the closing quote
            }
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
            if (stop < 0)
            {
                continue;
            }
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
        return true;
    }

    private void CountLines(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '\n')
            {
                _line++;
            }
        }
    }

    /// <summary>True when a character is available at <see cref="_position"/>, reading more when needed.</summary>
    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
