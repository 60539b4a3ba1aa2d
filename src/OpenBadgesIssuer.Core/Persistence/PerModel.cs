using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OpenBadgesIssuer.Core.Persistence;

/// <summary>
/// A value built once per EF model: compiled queries (one serves only the model it first ran against) and SQL built from
/// model metadata. One process can hold several models (one per provider: the tests run SQLite and PostgreSQL side by
/// side), so each model gets its own.
/// </summary>
/// <typeparam name="T">What is built (a compiled-query delegate, prepared statements text, …).</typeparam>
internal sealed class PerModel<T>(Func<DbContext, T> build)
    where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _byModel = [];

    public T For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.TryGetValue(db.Model, out T? value) ? value : _byModel.GetValue(db.Model, _ => build(db));
    }
}
