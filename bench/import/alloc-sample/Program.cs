using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// What a trace's allocation ticks say was allocated: by type ([LOH] for the large-object heap), by the first frame of
// the app's own code, and by stack. Each tick stands for about 100 KB of allocations of its type, so the figures are a
// sample: compare two traces of the same work, not absolute bytes.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: AllocSample <trace.nettrace> [top=25]");
    return 2;
}

var top = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 25;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byType = new Dictionary<string, double>();
var byFrame = new Dictionary<string, double>();
var byStack = new Dictionary<string, double>();
double total = 0;
foreach (var data in log.Events)
{
    if (data is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    var type = tick.TypeName + (tick.AllocationKind == GCAllocationKind.Large ? " [LOH]" : string.Empty);
    double bytes = tick.AllocationAmount64;
    total += bytes;
    var frames = new List<string>();
    for (var frame = data.CallStack(); frame is not null && frames.Count < 40; frame = frame.Caller)
    {
        if (frame.CodeAddress.FullMethodName is { Length: > 0 } name)
        {
            frames.Add(name);
        }
    }

    var app = frames.FirstOrDefault(f => f.Contains("MidwestSports", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "?";
    var stack = string.Join(" < ", frames.Where(f => !f.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal)).Take(8));
    Add(byType, type, bytes);
    Add(byFrame, $"{type} <= {app}", bytes);
    Add(byStack, $"{type} :: {stack}", bytes);
}

Console.WriteLine($"Sampled: {total / 1e6:F0} MB");
Print("By type", byType);
Print("By the first frame of the app's code", byFrame);
Print("By stack", byStack);
return 0;

static void Add(Dictionary<string, double> totals, string key, double bytes) => totals[key] = totals.GetValueOrDefault(key) + bytes;

void Print(string title, Dictionary<string, double> totals)
{
    Console.WriteLine($"\n{title}");
    foreach (var (key, bytes) in totals.OrderByDescending(t => t.Value).Take(top))
    {
        Console.WriteLine($"{bytes / 1e6,8:F1} MB {bytes * 100 / total,5:F1}%  {(key.Length > 300 ? key[..300] : key)}");
    }
}
