namespace MscAlf.Concepts;

/// <summary>One category's count and its share of the denominator.</summary>
/// <param name="Category">The category.</param>
/// <param name="Count">How many items fall in it.</param>
/// <param name="Percent">Count ÷ denominator × 100.</param>
public sealed record TallyRow(Category Category, int Count, double Percent);
