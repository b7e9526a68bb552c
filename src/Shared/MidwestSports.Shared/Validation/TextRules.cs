using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;

namespace MidwestSports.Shared.Validation;

/// <summary>
/// The one rule for text an admin types: no NUL or other control characters (PostgreSQL refuses NUL, and the rest
/// breaks exports and screens), something visible (a name of only zero-width or format characters is no name), and a
/// bounded length. Values are trimmed where they are stored (<see cref="Clean"/>), so the length is checked trimmed.
/// </summary>
public static class TextRules
{
    /// <summary>A required single-line text: a name, a title, a code.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.SetValidator(new TextValidator<T>(maxLength, required: true, multiline: false));

    /// <summary>An optional text: empty is fine, but what is there follows the same rule.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiline = false) =>
        rule.SetValidator(new TextValidator<T>(maxLength, required: false, multiline));

    /// <summary>Trimmed text, or null for blank: how every module stores what passed the rule.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Control characters (category Cc: NUL, escape, DEL…); line breaks and tabs are allowed only in multi-line text.</summary>
    public static bool HasControlCharacters(string? value, bool multiline)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>At least one character that shows: not white space, not a control, not a format character (zero-width space, joiners, BOM, bidi marks).</summary>
    public static bool HasVisibleCharacter(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            var category = char.GetUnicodeCategory(c);
            if (!char.IsWhiteSpace(c) && category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                && c != '\u3164' && c != '\u115F' && c != '\u1160' && c != '\uFFA0')
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The rule of <see cref="TextRules"/> as one validator, so each failure says exactly what is wrong.</summary>
internal sealed class TextValidator<T>(int maxLength, bool required, bool multiline) : PropertyValidator<T, string?>
{
    public override string Name => "TextValidator";

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        var problem = Problem(value);
        if (problem is null)
        {
            return true;
        }

        context.MessageFormatter.AppendArgument("Problem", problem);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "{PropertyName} {Problem}";

    private string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? "is required." : null;
        }

        if (TextRules.HasControlCharacters(value, multiline))
        {
            return "must not contain NUL or other control characters.";
        }

        if (!TextRules.HasVisibleCharacter(value))
        {
            return "must contain letters, digits or symbols, not only invisible characters.";
        }

        return value.Trim().Length > maxLength ? $"must be {maxLength} characters or fewer." : null;
    }
}
