package org.patchdesk.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;

/**
 * Keeps manufacturer names normalized: each manufacturer has one canonical name and any number of
 * aliases ("Becton Dickinson", "CareFusion" → "BD"). Adding a manufacturer's own name as an alias
 * of another merges the two, moving their devices and products.
 */
public final class ManufacturerService {

    public static final String RECORD_TYPE = "manufacturer";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Clock clock;
    private final InventoryChangeListener listener;

    public ManufacturerService(Jdbi jdbi, AuditLog auditLog, Clock clock, InventoryChangeListener listener) {
        this.listener = listener;
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public List<Manufacturer> list() {
        return jdbi.withExtension(ManufacturerDao.class, dao -> {
            List<Manufacturer> result = new ArrayList<>();
            for (ManufacturerDao.NameAndCount row : dao.listWithCounts()) {
                result.add(new Manufacturer(row.id(), row.name(), dao.listAliases(row.id()), row.deviceCount()));
            }
            return result;
        });
    }

    /** Returns the manufacturer that {@code name} leads to through the alias list, if any. */
    public Optional<Manufacturer> findByAlias(String name) {
        String key = ManufacturerNames.key(name);
        Optional<Long> id = jdbi.withExtension(ManufacturerDao.class, dao -> dao.findIdByAliasKey(key));
        return id.flatMap(found -> list().stream().filter(m -> m.id() == found).findFirst());
    }

    /** The outcome of adding an alias: nothing to do, added, a merge with another manufacturer, or a conflict. */
    public sealed interface AliasOutcome permits AlreadyPresent, Added, WouldMerge, Conflict {
    }

    public record AlreadyPresent() implements AliasOutcome {
    }

    public record Added() implements AliasOutcome {
    }

    /** The alias is the canonical name of {@code other}; confirming merges it into the target. */
    public record WouldMerge(Manufacturer other) implements AliasOutcome {
    }

    public record Conflict(String message) implements AliasOutcome {
    }

    /** Tells what {@link #addAlias} would do, without changing anything. */
    public AliasOutcome previewAlias(long manufacturerId, String alias) {
        String key = ManufacturerNames.key(alias);
        if (key.isEmpty()) {
            return new Conflict("An alias needs at least one letter or digit");
        }
        Optional<Long> owner = jdbi.withExtension(ManufacturerDao.class, dao -> dao.findIdByAliasKey(key));
        if (owner.isEmpty()) {
            return new Added();
        }
        if (owner.get() == manufacturerId) {
            return new AlreadyPresent();
        }
        Manufacturer other = list().stream().filter(m -> m.id() == owner.get()).findFirst().orElseThrow();
        if (ManufacturerNames.key(other.name()).equals(key)) {
            return new WouldMerge(other);
        }
        return new Conflict("The alias '" + alias + "' already leads to " + other.name() + "; remove it there first");
    }

    /**
     * Adds an alias to a manufacturer. When the alias is another manufacturer's own name, that
     * manufacturer is merged into this one. Returns the outcome; nothing changes on a conflict.
     */
    public AliasOutcome addAlias(long manufacturerId, String alias, Actor actor) {
        AliasOutcome outcome = previewAlias(manufacturerId, alias);
        String cleaned = ManufacturerNames.clean(alias);
        if (outcome instanceof Added) {
            jdbi.useTransaction(handle -> {
                handle.attach(ManufacturerDao.class).insertAlias(ManufacturerNames.key(alias), cleaned, manufacturerId);
                audit(handle, actor, AuditAction.UPDATE, manufacturerId, Map.of(), Map.of("alias_added", cleaned), "Alias added");
                listener.devicesChanged(handle, List.of(), ProgressMonitor.NONE);
            });
        } else if (outcome instanceof WouldMerge merge) {
            merge(merge.other().id(), manufacturerId, actor);
        }
        return outcome;
    }

    /** Removes an alias; a manufacturer's own name cannot be removed. */
    public void removeAlias(long manufacturerId, String alias, Actor actor) {
        String key = ManufacturerNames.key(alias);
        jdbi.useTransaction(handle -> {
            ManufacturerDao dao = handle.attach(ManufacturerDao.class);
            String name = dao.findName(manufacturerId).orElseThrow(() -> new IllegalArgumentException("No manufacturer has id " + manufacturerId));
            if (ManufacturerNames.key(name).equals(key)) {
                throw new IllegalArgumentException("'" + alias + "' is the name of " + name + " and cannot be removed; rename the manufacturer instead");
            }
            Optional<Long> owner = dao.findIdByAliasKey(key);
            if (owner.isEmpty() || owner.get() != manufacturerId) {
                throw new IllegalArgumentException("'" + alias + "' is not an alias of " + name);
            }
            dao.deleteAlias(key);
            audit(handle, actor, AuditAction.UPDATE, manufacturerId, Map.of("alias_removed", alias), Map.of(), "Alias removed");
            listener.devicesChanged(handle, List.of(), ProgressMonitor.NONE);
        });
    }

    /** Gives a manufacturer a new canonical name; the old name stays as an alias. */
    public void rename(long manufacturerId, String newName, Actor actor) {
        String cleaned = ManufacturerNames.clean(newName);
        String key = ManufacturerNames.key(cleaned);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("A manufacturer name needs at least one letter or digit");
        }
        jdbi.useTransaction(handle -> {
            ManufacturerDao dao = handle.attach(ManufacturerDao.class);
            String oldName = dao.findName(manufacturerId).orElseThrow(() -> new IllegalArgumentException("No manufacturer has id " + manufacturerId));
            Optional<Long> owner = dao.findIdByAliasKey(key);
            if (owner.isPresent() && owner.get() != manufacturerId) {
                String otherName = dao.findName(owner.get()).orElse("another manufacturer");
                throw new IllegalArgumentException("The name '" + cleaned + "' already leads to " + otherName + "; merge the two instead");
            }
            if (owner.isEmpty()) {
                dao.insertAlias(key, cleaned, manufacturerId);
            }
            dao.rename(manufacturerId, cleaned, key);
            audit(handle, actor, AuditAction.UPDATE, manufacturerId, Map.of("name", oldName), Map.of("name", cleaned), "Manufacturer renamed");
            listener.devicesChanged(handle, List.of(), ProgressMonitor.NONE);
        });
    }

    /**
     * Merges manufacturer {@code fromId} into {@code intoId}: its devices, aliases, products and vendor
     * contacts move. Products with the same model become one that keeps the validation requests of
     * both. The merged manufacturer is deleted.
     */
    public void merge(long fromId, long intoId, Actor actor) {
        if (fromId == intoId) {
            throw new IllegalArgumentException("A manufacturer cannot be merged into itself");
        }
        jdbi.useTransaction(handle -> {
            ManufacturerDao dao = handle.attach(ManufacturerDao.class);
            ProductDao products = handle.attach(ProductDao.class);
            String fromName = dao.findName(fromId).orElseThrow(() -> new IllegalArgumentException("No manufacturer has id " + fromId));
            String intoName = dao.findName(intoId).orElseThrow(() -> new IllegalArgumentException("No manufacturer has id " + intoId));
            Map<String, Long> targetProducts = new HashMap<>();
            for (ProductDao.ProductKey row : products.listForManufacturer(intoId)) {
                targetProducts.put(row.modelKey(), row.id());
            }
            for (ProductDao.ProductKey row : products.listForManufacturer(fromId)) {
                long productId = row.id();
                Long same = targetProducts.get(row.modelKey());
                if (same == null) {
                    products.moveProduct(productId, intoId);
                } else {
                    products.moveDevices(productId, same);
                    products.moveValidationRequests(productId, same);
                    products.moveRecoveryProtocol(productId, same);
                    products.delete(productId);
                }
            }
            int devices = dao.moveDevices(fromId, intoId);
            dao.moveAliases(fromId, intoId);
            dao.moveVendorContacts(fromId, intoId);
            dao.delete(fromId);
            audit(handle, actor, AuditAction.DELETE, fromId, Map.of("name", fromName), Map.of("merged_into", intoName),
                    "Merged into " + intoName + " with " + devices + " devices");
            audit(handle, actor, AuditAction.UPDATE, intoId, Map.of(), Map.of("merged_from", fromName), "Merged " + fromName + " into this manufacturer");
            listener.devicesChanged(handle, List.of(), ProgressMonitor.NONE);
        });
    }

    private void audit(Handle handle, Actor actor, AuditAction action, long id, Map<String, String> oldValues, Map<String, String> newValues,
                       String summary) {
        Instant now = clock.instant();
        String label = handle.attach(ManufacturerDao.class).findName(id).orElse(null);
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), action, RECORD_TYPE, id, label, null, oldValues, newValues, summary));
    }
}
