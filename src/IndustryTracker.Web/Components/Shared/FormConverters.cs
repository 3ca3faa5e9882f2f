using System.Globalization;
using MudBlazor;
using MudBlazor.Utilities.Exceptions;

namespace IndustryTracker.Web.Components.Shared;

/// <summary>
/// Converters for MudBlazor's form components, one instance each for the whole app. Given none, every MudTextField,
/// MudSelect, MudAutocomplete and date picker builds a <see cref="DefaultConverter{T}"/> of its own in its first
/// OnParametersSet, looking through the value type's interfaces by reflection: about 2 % of a timeline page's CPU under
/// load (docs/benchmarks.md). These hold no state and are not <see cref="ICultureAwareConverter"/> (MudBlazor hands such
/// a converter each component's culture, which a shared instance must not take), so any number of components and
/// requests can share them.
/// </summary>
public static class FormConverters
{
    /// <summary>A text field's value is its text.</summary>
    public static IReversibleConverter<string?, string?> Text { get; } = new TextConverter();

    /// <summary>Dates typed and shown as YYYY-MM-DD; other text is MudBlazor's "not a valid date" error.</summary>
    public static IReversibleConverter<DateTime?, string?> IsoDay { get; } = new IsoDayConverter();

    /// <summary>
    /// For components that show a value through their own ToStringFunc and never turn typed text into a value
    /// (an autocomplete whose value is chosen from its list): shown by ToString, typed text is no value.
    /// </summary>
    public static IReversibleConverter<T?, string?> ChosenOnly<T>() => ChosenOnlyConverter<T>.Instance;

    private sealed class TextConverter : IReversibleConverter<string?, string?>
    {
        public string? Convert(string? input) => input;

        public string? ConvertBack(string? input) => input;
    }

    private sealed class IsoDayConverter : IReversibleConverter<DateTime?, string?>
    {
        private const string Format = "yyyy-MM-dd";

        public string? Convert(DateTime? input) => input?.ToString(Format, CultureInfo.InvariantCulture);

        public DateTime? ConvertBack(string? input) =>
            string.IsNullOrEmpty(input) ? null
            : DateTime.TryParseExact(input, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new ConversionException("Converter_InvalidDateTime");
    }

    private sealed class ChosenOnlyConverter<T> : IReversibleConverter<T?, string?>
    {
        public static readonly ChosenOnlyConverter<T> Instance = new();

        public string? Convert(T? input) => input?.ToString();

        public T? ConvertBack(string? input) => default;
    }
}
