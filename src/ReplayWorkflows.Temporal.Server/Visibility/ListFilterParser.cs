using System.Globalization;
using System.Text;
using ReplayWorkflows.Temporal.Api.Grpc;

namespace ReplayWorkflows.Temporal.Server.Visibility;

/// <summary>
/// Parses Temporal's list-filter language (an SQL WHERE subset). Errors are INVALID_ARGUMENT naming the
/// character position where parsing failed.
/// </summary>
internal sealed class ListFilterParser
{
    private readonly List<(string Text, int Position, bool Quoted)> tokens;
    private readonly int length;
    private int index;

    private ListFilterParser(List<(string Text, int Position, bool Quoted)> tokens, int length)
    {
        this.tokens = tokens;
        this.length = length;
    }

    public static ListFilter Parse(string? query)
    {
        var parser = new ListFilterParser(Tokenize(query ?? string.Empty), (query ?? string.Empty).Length);
        return parser.ParseQuery();
    }

    private ListFilter ParseQuery()
    {
        FilterNode? where = null;
        if (!AtEnd && !IsKeyword("ORDER") && !IsKeyword("GROUP"))
        {
            where = ParseOr();
        }

        var order = new List<SortKey>();
        string? groupBy = null;
        if (IsKeyword("ORDER"))
        {
            index++;
            ExpectKeyword("BY");
            do
            {
                var field = ExpectField();
                var descending = false;
                if (IsKeyword("DESC"))
                {
                    descending = true;
                    index++;
                }
                else if (IsKeyword("ASC"))
                {
                    index++;
                }

                order.Add(new SortKey(field, descending));
            }
            while (TryConsume(","));
        }
        else if (IsKeyword("GROUP"))
        {
            index++;
            ExpectKeyword("BY");
            groupBy = ExpectField();
        }

        if (!AtEnd)
        {
            throw Error($"unexpected '{Current.Text}'");
        }

        return new ListFilter(where, order, groupBy);
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("OR"))
        {
            index++;
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParsePrimary();
        while (IsKeyword("AND"))
        {
            index++;
            left = new AndNode(left, ParsePrimary());
        }

        return left;
    }

    private FilterNode ParsePrimary()
    {
        if (TryConsume("("))
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        var field = ExpectField();
        if (AtEnd)
        {
            throw Error($"expected an operator after '{field}'");
        }

        var negated = false;
        if (IsKeyword("NOT"))
        {
            negated = true;
            index++;
        }

        if (IsKeyword("IN"))
        {
            index++;
            Expect("(");
            var values = new List<FilterValue> { ExpectValue() };
            while (TryConsume(","))
            {
                values.Add(ExpectValue());
            }

            Expect(")");
            return new InNode(field, values, negated);
        }

        if (IsKeyword("BETWEEN"))
        {
            index++;
            var low = ExpectValue();
            ExpectKeyword("AND");
            return new BetweenNode(field, low, ExpectValue(), negated);
        }

        if (negated)
        {
            throw Error("expected IN or BETWEEN after NOT");
        }

        if (IsKeyword("IS"))
        {
            index++;
            var not = false;
            if (IsKeyword("NOT"))
            {
                not = true;
                index++;
            }

            ExpectKeyword("NULL");
            return new IsNullNode(field, not);
        }

        if (IsKeyword("STARTS_WITH"))
        {
            index++;
            return new CompareNode(field, "STARTS_WITH", ExpectValue());
        }

        var op = Current.Text;
        if (Current.Quoted || op is not ("=" or "!=" or "<>" or "<" or ">" or "<=" or ">="))
        {
            throw Error($"expected an operator after '{field}', found '{op}'");
        }

        index++;
        return new CompareNode(field, op == "<>" ? "!=" : op, ExpectValue());
    }

    private bool AtEnd => index >= tokens.Count;

    private (string Text, int Position, bool Quoted) Current => tokens[index];

    private bool IsKeyword(string keyword) =>
        !AtEnd && !Current.Quoted && string.Equals(Current.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private bool TryConsume(string symbol)
    {
        if (!AtEnd && !Current.Quoted && Current.Text == symbol)
        {
            index++;
            return true;
        }

        return false;
    }

    private void Expect(string symbol)
    {
        if (!TryConsume(symbol))
        {
            throw Error($"expected '{symbol}'");
        }
    }

    private void ExpectKeyword(string keyword)
    {
        if (!IsKeyword(keyword))
        {
            throw Error($"expected {keyword}");
        }

        index++;
    }

    private string ExpectField()
    {
        if (AtEnd)
        {
            throw Error("expected a search attribute name");
        }

        var (text, _, quoted) = Current;
        if (quoted || !IsIdentifier(text))
        {
            throw Error($"expected a search attribute name, found '{text}'");
        }

        index++;
        return text.Trim('`');
    }

    private FilterValue ExpectValue()
    {
        if (AtEnd)
        {
            throw Error("expected a value");
        }

        var (text, _, quoted) = Current;
        if (!quoted && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && !string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            throw Error($"expected a value, found '{text}'");
        }

        index++;
        return new FilterValue(text, quoted);
    }

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && (text[0] == '`' || char.IsLetter(text[0]) || text[0] == '_');

    private GrpcException Error(string message)
    {
        var position = AtEnd ? length : Current.Position;
        return new GrpcException(GrpcStatusCode.InvalidArgument,
            string.Create(CultureInfo.InvariantCulture, $"invalid query: {message} at position {position + 1}"));
    }

    private static List<(string Text, int Position, bool Quoted)> Tokenize(string query)
    {
        var result = new List<(string, int, bool)>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c is '\'' or '"')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= query.Length)
                    {
                        throw new GrpcException(GrpcStatusCode.InvalidArgument,
                            string.Create(CultureInfo.InvariantCulture, $"invalid query: unterminated string at position {start + 1}"));
                    }

                    if (query[i] == c)
                    {
                        if (i + 1 < query.Length && query[i + 1] == c)
                        {
                            text.Append(c);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (query[i] == '\\' && i + 1 < query.Length)
                    {
                        i++;
                    }

                    text.Append(query[i]);
                    i++;
                }

                result.Add((text.ToString(), start, true));
                continue;
            }

            if (c == '`')
            {
                var end = query.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new GrpcException(GrpcStatusCode.InvalidArgument,
                        string.Create(CultureInfo.InvariantCulture, $"invalid query: unterminated name at position {start + 1}"));
                }

                result.Add((query[i..(end + 1)], start, false));
                i = end + 1;
                continue;
            }

            if (c is '(' or ')' or ',')
            {
                result.Add((c.ToString(), start, false));
                i++;
                continue;
            }

            if (c is '=' or '<' or '>' or '!')
            {
                var two = i + 1 < query.Length ? query.Substring(i, 2) : string.Empty;
                if (two is "<=" or ">=" or "!=" or "<>")
                {
                    result.Add((two, start, false));
                    i += 2;
                    continue;
                }

                if (c == '!')
                {
                    throw new GrpcException(GrpcStatusCode.InvalidArgument,
                        string.Create(CultureInfo.InvariantCulture, $"invalid query: unexpected '!' at position {start + 1}"));
                }

                result.Add((c.ToString(), start, false));
                i++;
                continue;
            }

            while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] is '_' or '.' or '-' or ':' or '+'))
            {
                i++;
            }

            if (i == start)
            {
                throw new GrpcException(GrpcStatusCode.InvalidArgument,
                    string.Create(CultureInfo.InvariantCulture, $"invalid query: unexpected '{c}' at position {start + 1}"));
            }

            result.Add((query[start..i], start, false));
        }

        return result;
    }
}
