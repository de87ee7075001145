package org.patchdesk.acceptance;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An action of the risk acceptance life cycle, with the stored states in which it is allowed and
 * whether it needs user accounts because it leads to electronic signatures.
 */
public enum AcceptanceAction {
    EDIT("edited", false, AcceptanceState.DRAFT),
    SUBMIT("submitted", true, AcceptanceState.DRAFT),
    SIGN("signed", true, AcceptanceState.SUBMITTED),
    CLOSE("closed", false, AcceptanceState.DRAFT, AcceptanceState.SUBMITTED, AcceptanceState.APPROVED, AcceptanceState.ACTIVE),
    RENEW("renewed", false, AcceptanceState.ACTIVE, AcceptanceState.EXPIRED, AcceptanceState.CLOSED),
    PRINT("printed", false, AcceptanceState.values());

    private final String participle;
    private final boolean needsAccounts;
    private final Set<AcceptanceState> allowed;

    AcceptanceAction(String participle, boolean needsAccounts, AcceptanceState... allowed) {
        this.participle = participle;
        this.needsAccounts = needsAccounts;
        this.allowed = EnumSet.noneOf(AcceptanceState.class);
        for (AcceptanceState state : allowed) {
            if (state != AcceptanceState.EXPIRING) {
                this.allowed.add(state);
            }
        }
    }

    /** Returns the past participle used in messages, such as "submitted" in "RA-3 is active and cannot be submitted". */
    public String participle() {
        return participle;
    }

    /** True when the action leads to electronic signatures, which need user accounts in the database. */
    public boolean needsAccounts() {
        return needsAccounts;
    }

    /** True when an acceptance in the stored state {@code state} allows the action. */
    public boolean allowedIn(AcceptanceState state) {
        return allowed.contains(state);
    }

    /**
     * Returns why the acceptance does not allow the action in its stored state, or empty when it
     * does. The reason names the states that allow it.
     */
    public Optional<String> rejectionReason(RiskAcceptance acceptance) {
        if (allowedIn(acceptance.storedState())) {
            return Optional.empty();
        }
        return Optional.of(acceptance.number() + " is " + acceptance.storedState().word() + " and cannot be " + participle + "; only "
                + allowedWords() + " acceptances can");
    }

    /** Returns the allowed states in words, such as "active, expired or closed". */
    private String allowedWords() {
        List<String> words = allowed.stream().map(AcceptanceState::word).toList();
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
