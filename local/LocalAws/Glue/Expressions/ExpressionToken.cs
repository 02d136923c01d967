namespace LocalAws.Glue.Expressions;

internal enum TokenKind
{
    Identifier,
    Keyword,
    String,
    Number,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

/// <summary>One lexical token of a GetPartitions expression.</summary>
internal readonly record struct ExpressionToken(TokenKind Kind, string Text, int Position);
