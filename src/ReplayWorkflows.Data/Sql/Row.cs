using System.Data.Common;
using System.Globalization;

namespace ReplayWorkflows.Data.Sql;

/// <summary>
/// Reads columns by name with the conversions both providers need: SQLite returns every integer as Int64 and booleans
/// as integers, PostgreSQL returns int4, int8 and bool as they are.
/// </summary>
internal readonly struct Row(DbDataReader reader)
{
    public string String(string column) => reader.GetString(reader.GetOrdinal(column));

    public string? NullableString(string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public long Long(string column) => Convert.ToInt64(reader.GetValue(reader.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public long? NullableLong(string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
    }

    public int Int(string column) => checked((int)Long(column));

    public int? NullableInt(string column) => NullableLong(column) is { } value ? checked((int)value) : null;

    public bool Bool(string column) => Convert.ToBoolean(reader.GetValue(reader.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public double? NullableDouble(string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
    }

    public T Enum<T>(string column)
        where T : struct, Enum => System.Enum.Parse<T>(String(column));
}
