using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Resources;

namespace MidwestSports.Shared.Validation;

/// <summary>
/// FluentValidation's default messages in an admin's words: no quoted property names ("'Captain Name' must not be
/// empty."), no "You entered", field names in sentence case ("Roster size"). A validator names a field as its form labels
/// it (<c>WithName("Captain")</c>); these defaults cover every rule that does not say more.
/// </summary>
public static class PlainMessages
{
    /// <summary>Applies the plain messages to every validator in the process; idempotent.</summary>
    public static void Apply()
    {
        ValidatorOptions.Global.LanguageManager = Messages.Instance;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : SentenceCase(member.Name);
    }

    /// <summary>"CaptainName" becomes "Captain name"; "CityIds" becomes "Cities".</summary>
    public static string SentenceCase(string name)
    {
        if (name.EndsWith("Ids", StringComparison.Ordinal) && name.Length > 3)
        {
            var stem = name[..^3];
            name = stem.EndsWith('y') ? stem[..^1] + "ies" : stem + "s";
        }
        else if (name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2)
        {
            name = name[..^2];
        }

        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(i == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return text.ToString();
    }

    private sealed class Messages : LanguageManager
    {
        // Declared before Instance: static fields initialise in the order they are written.
        private static readonly (string Key, string Message)[] English =
        [
            ("NotEmptyValidator", "{PropertyName} is required."),
            ("NotNullValidator", "{PropertyName} is required."),
            ("EmptyValidator", "{PropertyName} must be left empty."),
            ("EmailValidator", "{PropertyName} must be an email address, like name@example.org."),
            ("InclusiveBetweenValidator", "{PropertyName} must be from {From} to {To}."),
            ("ExclusiveBetweenValidator", "{PropertyName} must be between {From} and {To}."),
            ("GreaterThanValidator", "{PropertyName} must be more than {ComparisonValue}."),
            ("GreaterThanOrEqualValidator", "{PropertyName} must be {ComparisonValue} or more."),
            ("LessThanValidator", "{PropertyName} must be less than {ComparisonValue}."),
            ("LessThanOrEqualValidator", "{PropertyName} must be {ComparisonValue} or less."),
            ("EnumValidator", "{PropertyName} must be one of the choices offered."),
            ("MaximumLengthValidator", "{PropertyName} must be {MaxLength} characters or fewer."),
            ("MinimumLengthValidator", "{PropertyName} must be at least {MinLength} characters."),
            ("LengthValidator", "{PropertyName} must be {MinLength} to {MaxLength} characters."),
            ("RegularExpressionValidator", "{PropertyName} is not in the expected form."),
            ("PredicateValidator", "{PropertyName} is not valid here."),
            ("AsyncPredicateValidator", "{PropertyName} is not valid here."),
        ];

        public static readonly Messages Instance = new();

        private Messages()
        {
            // English whatever the server's culture: the admin UI speaks English.
            Culture = CultureInfo.GetCultureInfo("en");
            foreach (var (key, message) in English)
            {
                AddTranslation("en", key, message);
            }
        }
    }
}
