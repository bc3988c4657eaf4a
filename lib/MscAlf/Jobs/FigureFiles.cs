namespace MscAlf.Jobs;

/// <summary>One figure as the figures job wrote it: what the manifest, the gallery and the site's index list.</summary>
/// <param name="Name">The stable file stem (e.g. <c>figure2-a-phase</c>).</param>
/// <param name="Title">The human title.</param>
/// <param name="Description">The text description, read from the figure's data.</param>
/// <param name="Files">Its file names in the output folder, one per format, in the order asked.</param>
public sealed record FigureFiles(string Name, string Title, string Description, IReadOnlyList<string> Files);
