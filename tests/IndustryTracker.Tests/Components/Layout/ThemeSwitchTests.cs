using Bunit;
using IndustryTracker.Web.Components.Layout;

namespace IndustryTracker.Tests.Components.Layout;

/// <summary>The app bar's light/dark switch: a toggle button that reports the new mode and stores it in the theme cookie.</summary>
public sealed class ThemeSwitchTests : ComponentTestContext
{
    [Fact]
    public void Clicking_in_light_mode_switches_to_dark_and_stores_the_choice()
    {
        bool? reported = null;
        var cut = Render<ThemeSwitch>(p => p.Add(c => c.IsDark, false).Add(c => c.IsDarkChanged, dark => reported = dark));

        var button = cut.Find("button#theme-switch");
        Assert.Equal(("Dark mode", "false"), (button.GetAttribute("aria-label"), button.GetAttribute("aria-pressed")));
        button.Click();

        cut.WaitForAssertion(() => Assert.True(reported));
        var call = JSInterop.VerifyInvoke("industryTracker.setTheme");
        Assert.Equal("dark", call.Arguments.Single());
    }

    [Fact]
    public void Clicking_in_dark_mode_switches_to_light()
    {
        bool? reported = null;
        var cut = Render<ThemeSwitch>(p => p.Add(c => c.IsDark, true).Add(c => c.IsDarkChanged, dark => reported = dark));

        Assert.Equal("true", cut.Find("button#theme-switch").GetAttribute("aria-pressed"));
        cut.Find("button#theme-switch").Click();

        cut.WaitForAssertion(() => Assert.False(reported));
        Assert.Equal("light", JSInterop.VerifyInvoke("industryTracker.setTheme").Arguments.Single());
    }

    [Theory]
    [InlineData("dark", true)]
    [InlineData("light", false)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("purple", null)]
    public void The_cookie_holds_light_dark_or_nothing(string? cookie, bool? dark) => Assert.Equal(dark, ThemePreference.Parse(cookie));
}
