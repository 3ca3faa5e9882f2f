using System.Globalization;
using System.Text;
using CsvHelper;
using IndustryTracker.Core.Contracts;

namespace IndustryTracker.Web.Api;

/// <summary>
/// CSV files of events and investments (RFC 4180 quoting by CsvHelper, UTF-8 with a byte-order mark so spreadsheets
/// read Chinese names). Lists inside a cell are joined with "; "; sources as "file ¶n: quote" joined with " | ".
/// Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) get a
/// leading apostrophe; numbers and dates are written as they are.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] EventColumns =
        ["id", "date_label", "date_start", "date_end", "date_precision", "category", "title", "summary", "companies", "models", "origin", "sources"];

    public static readonly string[] InvestmentColumns =
    [
        "id", "kind", "recipient", "investors", "lead_investors", "round", "purpose", "period", "amount", "currency", "as_reported",
        "is_lower_bound", "amount_usd", "usd_is_reported", "fx_rate", "fx_rate_date", "fx_rate_source", "date_label", "date_start", "date_end", "sources",
    ];

    public static byte[] Events(IEnumerable<EventDto> events) => Write(EventColumns, events.Select(e => new object?[]
    {
        e.Id, e.Date.Label, e.Date.Start, e.Date.End, e.Date.Precision, e.Category, e.Title, e.Summary,
        string.Join("; ", e.Companies), string.Join("; ", e.Models), e.Origin, Sources(e.Sources),
    }));

    public static byte[] Investments(IEnumerable<InvestmentDto> investments) => Write(InvestmentColumns, investments.Select(i => new object?[]
    {
        i.Id, i.Kind, i.Recipient, string.Join("; ", i.Investors), string.Join("; ", i.LeadInvestors), i.Round, i.Purpose, i.Period,
        i.Amount, i.Currency, i.AsReported, i.IsLowerBound ? "true" : "false", i.AmountUsd, i.UsdIsReported ? "true" : "false",
        i.FxRate, i.FxRateDate, i.FxRateSource, i.Date?.Label, i.Date?.Start, i.Date?.End, Sources(i.Sources),
    }));

    private static string Sources(IEnumerable<SourceDto> sources) =>
        string.Join(" | ", sources.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Article} ¶{s.Paragraph}: {s.Quote}")));

    /// <summary>"=HYPERLINK(…)" → "'=HYPERLINK(…)": the cell is shown as text, never evaluated.</summary>
    public static string? DefuseFormula(string? text) =>
        text is [('=' or '+' or '-' or '@' or '\t' or '\r'), ..] ? "'" + text : text;

    private static byte[] Write(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(value switch
                    {
                        null => string.Empty,
                        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => DefuseFormula(value.ToString()),
                    });
                }
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }
}
