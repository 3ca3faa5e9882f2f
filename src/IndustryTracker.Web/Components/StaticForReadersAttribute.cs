namespace IndustryTracker.Web.Components;

/// <summary>
/// A page that only shows data to readers: a request for it from a reader who may not edit (<see cref="Security.Policies.CanEdit"/>)
/// is answered with static HTML, without starting a circuit for the page (the app bar stays interactive, see
/// <c>MainLayout</c>). Editors get the interactive page, with its editing panels. A page reached by navigation inside an
/// interactive session renders interactively there, as any page does. Read by <c>App.razor</c> from the endpoint's metadata.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StaticForReadersAttribute : Attribute;
