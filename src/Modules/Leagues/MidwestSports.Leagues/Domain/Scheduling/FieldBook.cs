namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>
/// Which times each field is taken on each date, shared by every league in one run so leagues at the same venue cannot
/// book the same field twice. Lookups are per (date, venue, field), so a check costs only that field's bookings that day.
/// </summary>
internal sealed class FieldBook
{
    private readonly Dictionary<FieldNight, List<Booking>> taken = [];

    public bool IsFree(DateOnly date, SlotTemplate slot) => IsFree(date, slot.VenueId, slot.Field, slot.Start, slot.DurationMinutes);

    public bool IsFree(DateOnly date, Guid venueId, string field, TimeOnly start, int durationMinutes)
    {
        if (!taken.TryGetValue(new FieldNight(date, venueId, field), out var bookings))
        {
            return true;
        }

        var wanted = Booking.Of(start, durationMinutes);
        foreach (var booking in bookings)
        {
            if (booking.Overlaps(wanted))
            {
                return false;
            }
        }

        return true;
    }

    public void Take(DateOnly date, SlotTemplate slot) => Take(date, slot.VenueId, slot.Field, slot.Start, slot.DurationMinutes);

    public void Take(DateOnly date, Guid venueId, string field, TimeOnly start, int durationMinutes)
    {
        var key = new FieldNight(date, venueId, field);
        if (!taken.TryGetValue(key, out var bookings))
        {
            bookings = [];
            taken[key] = bookings;
        }

        bookings.Add(Booking.Of(start, durationMinutes));
    }

    private readonly record struct FieldNight(DateOnly Date, Guid VenueId, string Field);

    /// <summary>[Start, End) in ticks since midnight; a late game may run past midnight and still blocks its own date.</summary>
    private readonly record struct Booking(long Start, long End)
    {
        // A zero or negative length would let two games share a start time on one field; a game holds at least a minute.
        public static Booking Of(TimeOnly start, int durationMinutes) =>
            new(start.Ticks, start.Ticks + (Math.Max(1, durationMinutes) * TimeSpan.TicksPerMinute));

        public bool Overlaps(Booking other) => Start < other.End && other.Start < End;
    }
}
