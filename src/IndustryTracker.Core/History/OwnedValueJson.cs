using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IndustryTracker.Core.History;

/// <summary>An owned value (a date, an amount) as compact JSON, "label" first: {"label":"Jan. 20, 2025","end":"2025-01-20",…}.</summary>
internal static class OwnedValueJson
{
    public static string Write(EntityEntry entry, bool original)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in entry.Properties
                .Where(p => !p.Metadata.IsKey() && !p.Metadata.IsShadowProperty())
                .OrderBy(p => p.Metadata.Name == "Label" ? 0 : 1))
            {
                writer.WritePropertyName(HistoryValues.FieldName(property.Metadata.Name));
                switch (original ? property.OriginalValue : property.CurrentValue)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case decimal d:
                        writer.WriteNumberValue(d);
                        break;
                    case var value:
                        writer.WriteStringValue(HistoryValues.Format(value));
                        break;
                }
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
