using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Import.Domain;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Persistence;

internal sealed class ImportDbContext(DbContextOptions<ImportDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "import";

    public override string Schema => SchemaName;

    public DbSet<ImportBatch> Imports => Set<ImportBatch>();

    public DbSet<ImportFile> Files => Set<ImportFile>();

    public DbSet<ImportRowRecord> Rows => Set<ImportRowRecord>();

    public DbSet<SavedMapping> SavedMappings => Set<SavedMapping>();

    public DbSet<ImportWriteRecord> Writes => Set<ImportWriteRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ImportDbContext).Assembly);
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("imports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.FileName).HasMaxLength(ImportBatch.MaxFileName);
        builder.Property(i => i.Encoding).HasMaxLength(40);
        builder.Property(i => i.Delimiter).HasMaxLength(10);
        builder.Property(i => i.Sheet).HasMaxLength(SheetFile.MaxSheetName);
        builder.Property(i => i.Columns).HasColumnType("jsonb");
        builder.Property(i => i.Parts).HasColumnType("jsonb");
        builder.Property(i => i.Outcome).HasColumnType("jsonb");
        builder.Property(i => i.EncodingOverride).HasMaxLength(40);
        builder.Property(i => i.Message).HasMaxLength(2000);
        builder.Property(i => i.CommitMode).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.CityId, i.CreatedAt });
        builder.HasIndex(i => new { i.CreatedById, i.CreatedAt });
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> builder)
    {
        // No foreign key to imports: the file and the rows are copied in before the import's own row, in one transaction.
        builder.ToTable("import_files");
        builder.HasKey(f => f.ImportId);
        builder.Property(f => f.ImportId).ValueGeneratedNever();
    }
}

internal sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRowRecord>
{
    public void Configure(EntityTypeBuilder<ImportRowRecord> builder)
    {
        builder.ToTable("import_rows");
        builder.HasKey(r => new { r.ImportId, r.RowId });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Sheet).HasMaxLength(SheetFile.MaxSheetName);
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Values).HasColumnType("jsonb");
        builder.Property(r => r.Changes).HasColumnType("jsonb");
        builder.Property(r => r.Problems).HasColumnType("jsonb");
        builder.Property(r => r.Suggestions).HasColumnType("jsonb");
        builder.Property(r => r.Before).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.ImportId, r.Action, r.RowId });
    }
}

internal sealed class ImportWriteConfiguration : IEntityTypeConfiguration<ImportWriteRecord>
{
    public void Configure(EntityTypeBuilder<ImportWriteRecord> builder)
    {
        builder.ToTable("import_writes");
        builder.HasKey(w => new { w.ImportId, w.RowId });
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Write).HasColumnType("jsonb");
    }
}

internal sealed class SavedMappingConfiguration : IEntityTypeConfiguration<SavedMapping>
{
    public void Configure(EntityTypeBuilder<SavedMapping> builder)
    {
        builder.ToTable("saved_mappings");
        builder.HasKey(m => new { m.Kind, m.HeaderKey });
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.HeaderKey).HasMaxLength(64);
        builder.Property(m => m.Columns).HasColumnType("jsonb");
        builder.Property(m => m.SavedBy).HasMaxLength(256);
    }
}

/// <summary>For `dotnet ef migrations add` only; the running app builds its context from the shared data source.</summary>
internal sealed class ImportDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ImportDbContext>
{
    public ImportDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ImportDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", ImportDbContext.SchemaName)
            .Options);
}
