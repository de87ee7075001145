package org.patchdesk.users;

import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/**
 * The rule that every write of the application passes through, because every write appends to the
 * audit trail: while the database has no user accounts, anyone may change records under any name
 * (the operating-system user, {@code system}). Once accounts exist, a change needs an active
 * account with a role other than auditor. {@code system}, the actor of automatic work no person
 * starts, is always allowed.
 */
public final class AccountWriteCheck implements AuditLog.ActorCheck {

    /** Returns why the actor may not change records, or empty when they may. */
    public static Optional<String> rejection(Handle handle, Actor actor) {
        try {
            new AccountWriteCheck().check(handle, actor.name());
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void check(Handle handle, String actor) {
        if (Actor.SYSTEM.name().equals(actor)) {
            return;
        }
        UserDao dao = handle.attach(UserDao.class);
        UserDao.AccountRow account = dao.findByKey(UserService.key(actor)).orElse(null);
        if (account == null) {
            if (dao.count() == 0) {
                return;
            }
            throw new IllegalStateException(actor + " is not a PatchDesk user, and PatchDesk has user accounts: sign in as a user to"
                    + " change records");
        }
        if (!account.active()) {
            throw new IllegalStateException("User " + account.userName() + " is deactivated and cannot change records");
        }
        Set<Role> roles = UserService.roles(dao, account.id());
        if (roles.isEmpty() || roles.equals(Set.of(Role.AUDITOR))) {
            throw new IllegalStateException("User " + account.userName() + " has the role " + Role.AUDITOR.label()
                    + " and cannot change records; auditors only read");
        }
    }
}
