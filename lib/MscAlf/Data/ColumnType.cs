namespace MscAlf.Data;

/// <summary>The kinds of cell the data files hold; their names are the <c>type</c> column of the data dictionary.</summary>
public enum ColumnType
{
    /// <summary>Free text.</summary>
    Text,
    /// <summary>A whole number, 0 or more.</summary>
    Integer,
    /// <summary>An ISO date at year, month or day precision.</summary>
    Date,
    /// <summary>One value of a fixed set.</summary>
    Code,
    /// <summary>Text items separated by <c>|</c>.</summary>
    TextList,
    /// <summary>Values of a fixed set separated by <c>|</c>.</summary>
    CodeList,
    /// <summary>Whole numbers separated by <c>|</c>.</summary>
    IntegerList,
}
