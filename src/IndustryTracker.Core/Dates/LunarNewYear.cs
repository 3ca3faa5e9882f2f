namespace IndustryTracker.Core.Dates;

/// <summary>The first day of the Chinese (lunar) New Year for the years the tracker covers, as data.</summary>
public static class LunarNewYear
{
    private static readonly Dictionary<int, DateOnly> Dates = new()
    {
        [2015] = new(2015, 2, 19),
        [2016] = new(2016, 2, 8),
        [2017] = new(2017, 1, 28),
        [2018] = new(2018, 2, 16),
        [2019] = new(2019, 2, 5),
        [2020] = new(2020, 1, 25),
        [2021] = new(2021, 2, 12),
        [2022] = new(2022, 2, 1),
        [2023] = new(2023, 1, 22),
        [2024] = new(2024, 2, 10),
        [2025] = new(2025, 1, 29),
        [2026] = new(2026, 2, 17),
        [2027] = new(2027, 2, 6),
        [2028] = new(2028, 1, 26),
        [2029] = new(2029, 2, 13),
        [2030] = new(2030, 2, 3),
        [2031] = new(2031, 1, 23),
        [2032] = new(2032, 2, 11),
        [2033] = new(2033, 1, 31),
        [2034] = new(2034, 2, 19),
        [2035] = new(2035, 2, 8),
    };

    public static int FirstYear => 2015;
    public static int LastYear => 2035;

    public static bool TryGet(int year, out DateOnly date) => Dates.TryGetValue(year, out date);
}
