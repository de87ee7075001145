package org.patchdesk.inventory;

import java.util.Collection;

import org.jdbi.v3.core.Handle;
import org.patchdesk.common.ProgressMonitor;

/**
 * Told about inventory changes inside the transaction that makes them, so that data derived from
 * devices (such as vulnerability findings) changes with them or not at all.
 */
@FunctionalInterface
public interface InventoryChangeListener {

    /** A listener that does nothing. */
    InventoryChangeListener NONE = (handle, deviceIds, monitor) -> {
    };

    /**
     * Called after devices changed, in the transaction that changed them.
     *
     * @param deviceIds the devices added, changed or deleted; empty when any device may have changed
     */
    void devicesChanged(Handle handle, Collection<Long> deviceIds, ProgressMonitor monitor);
}
