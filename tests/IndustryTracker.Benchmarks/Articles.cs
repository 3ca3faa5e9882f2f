using System.Globalization;
using System.Text;

namespace IndustryTracker.Benchmarks;

/// <summary>The benchmark inputs: a real seed article and a deterministic synthetic one of a given size.</summary>
internal static class Articles
{
    public static string Seed()
    {
        using var stream = typeof(Articles).Assembly.GetManifestResourceStream("seed-article.txt")
            ?? throw new InvalidOperationException("The embedded seed article is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>About <paramref name="targetBytes"/> of wire-style prose, one paragraph per line (as benchmarks/make-long-article.sh writes it).</summary>
    public static string Long(int targetBytes)
    {
        var text = new StringBuilder("A long report on China AI funding\nBy Test Writer, Bench Wire, March 6, 2026\n\n");
        for (var i = 0; text.Length < targetBytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"StepFun raised ${i % 900 + 100} million in a Series B round led by Tencent and Lakeshore Capital on Tuesday. Zhipu AI released GLM-4.{i % 9} in November, and in January it signed a cloud agreement with Alibaba Cloud. Moonshot AI, a Beijing start-up, has closed a funding round that values it at US${i % 50 + 1}.5 billion. The company, known in Chinese as Yuezhi Anmian, said revenue had grown. Analysts in Hangzhou said paragraph {i} of the report was about chips from Alibaba's chip unit, T-Head.\n\n");
        }
        return text.ToString();
    }
}
