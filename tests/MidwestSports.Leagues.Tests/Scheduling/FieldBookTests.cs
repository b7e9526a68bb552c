using MidwestSports.Leagues.Domain.Scheduling;

namespace MidwestSports.Leagues.Tests.Scheduling;

[TestFixture]
public sealed class FieldBookTests
{
    private static readonly DateOnly Night = new(2026, 10, 6);
    private static readonly Guid Venue = ScheduleTestData.Venue(1);

    [TestCase("18:30", 60, false)]
    [TestCase("17:30", 31, false)]
    [TestCase("17:00", 60, true)]
    [TestCase("19:00", 60, true)]
    [TestCase("18:00", 0, false)]
    public void IsFree_AgainstGameFrom1800To1900_OnlyWhenIntervalsDoNotIntersect(string start, int minutes, bool expected)
    {
        var book = new FieldBook();
        book.Take(Night, Venue, "Field 1", new TimeOnly(18, 0), 60);

        var free = book.IsFree(Night, Venue, "Field 1", TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), minutes);

        Assert.That(free, Is.EqualTo(expected));
    }

    [Test]
    public void IsFree_OtherFieldVenueOrDate_Free()
    {
        var book = new FieldBook();
        book.Take(Night, Venue, "Field 1", new TimeOnly(18, 0), 60);

        Assert.Multiple(() =>
        {
            Assert.That(book.IsFree(Night, Venue, "Field 2", new TimeOnly(18, 0), 60), Is.True);
            Assert.That(book.IsFree(Night, ScheduleTestData.Venue(2), "Field 1", new TimeOnly(18, 0), 60), Is.True);
            Assert.That(book.IsFree(Night.AddDays(7), Venue, "Field 1", new TimeOnly(18, 0), 60), Is.True);
        });
    }
}
