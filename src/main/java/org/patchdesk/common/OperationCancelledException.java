package org.patchdesk.common;

/** Thrown by long-running work that stopped because the user cancelled it; nothing it did is kept. */
public class OperationCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OperationCancelledException() {
        super("Cancelled by the user");
    }
}
