namespace Temporalio.Converters;

/// <summary>A value as the server holds it (still encoded by any codec): decoded and converted on demand.</summary>
public interface IEncodedRawValue : IRawValue
{
    Task<T> ToValueAsync<T>();

    Task<object?> ToValueAsync(Type type);
}
