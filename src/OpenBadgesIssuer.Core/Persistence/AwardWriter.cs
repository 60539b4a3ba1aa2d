using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Core.Persistence;

/// <summary>
/// Inserts an award (its assertion row and the rows of its signed documents) as one multi-statement command, bypassing
/// change tracking: the award path's only write. The SQL and the parameters come from the EF model (table and column
/// names, each column's type mapping and value converter), so they follow the model and both providers.
/// <list type="bullet">
/// <item>PostgreSQL: the statements travel in one round trip and run in one implicit transaction (the extended protocol
/// with a single Sync): all rows or none.</item>
/// <item>Other providers (SQLite): the same command inside an explicit transaction.</item>
/// </list>
/// </summary>
internal static class AwardWriter
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private static readonly PerModel<Inserts> ByModel = new(db =>
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        return new Inserts(Insert.For(db.Model.FindEntityType(typeof(Assertion))!, helper), Insert.For(db.Model.FindEntityType(typeof(AssertionArtifact))!, helper));
    });

    public static async Task InsertAsync(IssuerDbContext db, Assertion assertion, IReadOnlyList<AssertionArtifact> artifacts, CancellationToken ct)
    {
        (Insert assertionInsert, Insert artifactInsert) = ByModel.For(db);
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            var sql = new StringBuilder(1024);
            assertionInsert.Append(command, sql, assertion, "a");
            for (int i = 0; i < artifacts.Count; i++)
            {
                artifactInsert.Append(command, sql, artifacts[i], "f" + i.ToString(CultureInfo.InvariantCulture) + "_");
            }

            command.CommandText = sql.ToString();
            bool implicitTransaction = db.Database.ProviderName == NpgsqlProvider && db.Database.CurrentTransaction is null;
            IDbContextTransaction? transaction = implicitTransaction || db.Database.CurrentTransaction is not null
                ? null
                : await db.Database.BeginTransactionAsync(ct);
            await using (transaction)
            {
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                await command.ExecuteNonQueryAsync(ct);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Inserts(Insert Assertion, Insert Artifact);

    /// <summary>One INSERT of every mapped column of an entity type, with a parameter per column.</summary>
    private sealed class Insert
    {
        private readonly IProperty[] _properties;
        private readonly RelationalTypeMapping[] _mappings;
        private readonly string _head;
        private readonly ISqlGenerationHelper _sql;

        private Insert(IProperty[] properties, RelationalTypeMapping[] mappings, string head, ISqlGenerationHelper helper)
        {
            _properties = properties;
            _mappings = mappings;
            _head = head;
            _sql = helper;
        }

        public static Insert For(IEntityType entity, ISqlGenerationHelper sql)
        {
            IProperty[] properties = [.. entity.GetProperties()];
            if (properties.Any(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never))
            {
                throw new InvalidOperationException($"{entity.DisplayName()} has shadow or store-generated properties; the award writer cannot insert it.");
            }

            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string head = "INSERT INTO " + sql.DelimitIdentifier(table.Name, table.Schema) + " ("
                + string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") VALUES (";
            RelationalTypeMapping[] mappings = [.. properties.Select(p => p.GetRelationalTypeMapping())];
            return new Insert(properties, mappings, head, sql);
        }

        /// <summary>Appends the statement for <paramref name="entity"/> and adds its parameters to the command.</summary>
        public void Append(DbCommand command, StringBuilder text, object entity, string prefix)
        {
            text.Append(_head);
            for (int i = 0; i < _properties.Length; i++)
            {
                string name = prefix + i.ToString(CultureInfo.InvariantCulture);
                text.Append(i == 0 ? "" : ", ").Append(_sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(_mappings[i].CreateParameter(command, _sql.GenerateParameterName(name),
                    _properties[i].GetGetter().GetClrValueUsingContainingEntity(entity), _properties[i].IsNullable));
            }

            text.Append(");");
        }
    }
}
