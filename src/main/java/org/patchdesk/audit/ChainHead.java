package org.patchdesk.audit;

import java.util.Locale;

/**
 * The head of the audit chain: how many entries it holds and the hash of the newest one. Printed in
 * audit packets and backups, so that a later chain can be compared with it.
 */
public record ChainHead(long entryCount, String hash) {

    /** The head of an empty chain: no entries, and the hash every first entry links to. */
    public static final ChainHead EMPTY = new ChainHead(0, AuditHasher.GENESIS);

    public ChainHead {
        if (entryCount < 0) {
            throw new IllegalArgumentException("An audit chain cannot hold " + entryCount + " entries");
        }
    }

    /** Returns the head in one line, such as "12,345 audit entries, head hash 3fa9…", with the whole hash. */
    public String describe() {
        return String.format(Locale.US, entryCount == 1 ? "%,d audit entry, head hash %s" : "%,d audit entries, head hash %s", entryCount,
                hash);
    }
}
