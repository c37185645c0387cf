using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.Reflection;
using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>
/// Finds every payload inside a protocol message (history events, commands, failures, query answers: any depth)
/// and replaces it with what a codec makes of it, the way the official SDKs run their codec around workflow tasks.
/// Search attributes are left alone: the server has to read them.
/// </summary>
internal static class PayloadVisitor
{
    public static Task EncodeAsync(IPayloadCodec codec, IMessage message) => VisitAsync(message, codec.EncodeAsync);

    public static Task DecodeAsync(IPayloadCodec codec, IMessage message) => VisitAsync(message, codec.DecodeAsync);

    public static async Task VisitAsync(IMessage message, Func<IReadOnlyCollection<Payload>, Task<IReadOnlyCollection<Payload>>> transform)
    {
        if (message is SearchAttributes)
        {
            return;
        }

        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message)
            {
                continue;
            }

            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                await VisitMapAsync((System.Collections.IDictionary)value, field, transform).ConfigureAwait(false);
            }
            else if (field.IsRepeated)
            {
                if (field.MessageType == Payload.Descriptor)
                {
                    var list = (RepeatedField<Payload>)value;
                    var replaced = await transform(list.ToList()).ConfigureAwait(false);
                    list.Clear();
                    list.AddRange(replaced);
                }
                else
                {
                    foreach (var item in (System.Collections.IEnumerable)value)
                    {
                        await VisitAsync((IMessage)item, transform).ConfigureAwait(false);
                    }
                }
            }
            else if (value is Payload payload)
            {
                field.Accessor.SetValue(message, (await transform([payload]).ConfigureAwait(false)).Single());
            }
            else if (value is IMessage child)
            {
                await VisitAsync(child, transform).ConfigureAwait(false);
            }
        }
    }

    private static async Task VisitMapAsync(System.Collections.IDictionary map, FieldDescriptor field, Func<IReadOnlyCollection<Payload>, Task<IReadOnlyCollection<Payload>>> transform)
    {
        var valueField = field.MessageType.FindFieldByNumber(2);
        if (valueField.FieldType != FieldType.Message)
        {
            return;
        }

        foreach (var key in map.Keys.Cast<object>().ToList())
        {
            if (map[key] is Payload payload)
            {
                map[key] = (await transform([payload]).ConfigureAwait(false)).Single();
            }
            else if (map[key] is IMessage child)
            {
                await VisitAsync(child, transform).ConfigureAwait(false);
            }
        }
    }
}
