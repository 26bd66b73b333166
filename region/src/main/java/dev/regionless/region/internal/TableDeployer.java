package dev.regionless.region.internal;

import dev.regionless.common.AwsException;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.StreamSpecification;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a region's tables in line with a template: creates the tables that do not exist yet and updates those that
 * do in place, never touching their items, so a redeploy loses no data. Every table is checked before any is changed,
 * so a template that would need a table replaced changes nothing. Tables a template no longer declares are kept, as
 * with CloudFormation's {@code DeletionPolicy: Retain}.
 */
public final class TableDeployer {
    private final TableStore store;

    public TableDeployer(TableStore store) {
        this.store = store;
    }

    /**
     * Creates or updates every table in {@code tables}, or, if any of them would need replacing, changes none.
     *
     * @throws AwsException naming the table's logical id and name, when a table would need replacing or the store
     *     refuses it
     */
    public void deploy(List<DeclaredTable> tables) {
        var changes = new ArrayList<Runnable>();
        for (var table : tables) {
            changes.add(plan(table));
        }
        changes.forEach(Runnable::run);
    }

    private Runnable plan(DeclaredTable declared) {
        var current = store.table(declared.name());
        if (current.isEmpty()) {
            return () -> create(declared);
        }
        var target = TableChanges.apply(declared, current.get());
        if (target.equals(current.get())) {
            return () -> {};
        }
        var newStream = TableChanges.needsNewStream(declared, current.get());
        return () -> guarded(declared, () -> {
            if (newStream) {
                store.updateTable(
                        declared.name(),
                        state -> state.withDefinition(state.definition().withStream(StreamSpecification.DISABLED)));
            }
            store.updateTable(declared.name(), state -> TableChanges.apply(declared, state));
        });
    }

    private void create(DeclaredTable declared) {
        guarded(declared, () -> {
            store.createTable(declared.definition());
            if (declared.ttlAttribute() != null
                    || !declared.tags().isEmpty()
                    || !declared.replicaRegions().isEmpty()) {
                store.updateTable(
                        declared.name(),
                        state -> state.withTtlAttribute(declared.ttlAttribute())
                                .withTags(declared.tags())
                                .withReplicas(declared.replicaRegions()));
            }
        });
    }

    private static void guarded(DeclaredTable declared, Runnable change) {
        try {
            change.run();
        } catch (AwsException e) {
            throw new AwsException(e.code(), e.status(), prefix(declared) + e.getMessage(), e.extraFields());
        }
    }

    /** A deploy error about {@code declared}: {@code table Messages (chat-Messages-ABC): problem}. */
    static AwsException error(DeclaredTable declared, String problem) {
        return new AwsException("ValidationException", 400, prefix(declared) + problem);
    }

    private static String prefix(DeclaredTable declared) {
        return "table " + declared.logicalId() + " (" + declared.name() + "): ";
    }
}
