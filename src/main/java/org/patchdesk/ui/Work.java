package org.patchdesk.ui;

import org.patchdesk.common.ProgressMonitor;

/** A piece of long-running work that reports progress to, and stops when cancelled through, a monitor. */
@FunctionalInterface
public interface Work<T> {
    T run(ProgressMonitor monitor) throws Exception;
}
