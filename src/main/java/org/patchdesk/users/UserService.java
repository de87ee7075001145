package org.patchdesk.users;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/**
 * Local user accounts: creating them (the first one as administrator, without signing in),
 * signing in, passwords, roles and deactivation, and the inactivity lock setting. Every change
 * is audited under the acting user; passwords and their hashes are never audited or logged. Only
 * administrators change accounts, except that users change their own password. The last active
 * administrator keeps that role and stays active.
 */
public final class UserService {

    public static final String RECORD_TYPE = "user_account";
    public static final String SETTING_RECORD_TYPE = "setting";
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** The setting key of the minutes of inactivity after which the window locks; 0 turns the lock off. */
    public static final String LOCK_MINUTES_KEY = "users.lock_after_minutes";
    public static final int DEFAULT_LOCK_MINUTES = 15;
    public static final int MAX_LOCK_MINUTES = 480;

    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(Jdbi jdbi, AuditLog auditLog, PasswordHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Returns true once the first account exists; from then on changes need a signed-in user. */
    public boolean hasUsers() {
        return jdbi.withExtension(UserDao.class, UserDao::count) > 0;
    }

    public List<User> list() {
        return jdbi.withHandle(handle -> {
            UserDao dao = handle.attach(UserDao.class);
            Map<Long, Set<Role>> roles = new HashMap<>();
            for (UserDao.RoleRow row : dao.allRoles()) {
                roles.computeIfAbsent(row.userId(), id -> EnumSet.noneOf(Role.class)).add(Role.parse(row.role()));
            }
            return dao.all().stream().map(row -> user(row, roles.getOrDefault(row.id(), Set.of()))).toList();
        });
    }

    /** Finds an account by user name, ignoring case. */
    public Optional<User> find(String userName) {
        if (userName == null || userName.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> find(handle, userName));
    }

    /** Finds an account by user name, ignoring case, inside the caller's transaction. */
    public static Optional<User> find(Handle handle, String userName) {
        UserDao dao = handle.attach(UserDao.class);
        return dao.findByKey(key(userName)).map(row -> user(row, roles(dao, row.id())));
    }

    /**
     * Creates the first account of the database, with the administrator role whatever roles were
     * given. No one signs in for it; the entry in the audit trail is recorded under the new
     * administrator and names the operating-system user who created it.
     *
     * @throws IllegalStateException    when an account already exists
     * @throws IllegalArgumentException when the user name, full name or password is invalid
     */
    public User createFirstAdministrator(NewUser newUser, char[] password, Actor operatingSystemUser) {
        EnumSet<Role> roles = EnumSet.of(Role.ADMINISTRATOR);
        roles.addAll(newUser.roles());
        NewUser administrator = new NewUser(newUser.userName(), newUser.fullName(), newUser.department(), roles);
        validate(administrator, password);
        return jdbi.inTransaction(handle -> {
            if (handle.attach(UserDao.class).count() > 0) {
                throw new IllegalStateException("PatchDesk already has user accounts; an administrator signs in to add more");
            }
            return insert(handle, administrator, password, administrator.userName().strip(), "Created the first administrator"
                    + " (from the operating-system account " + operatingSystemUser.name() + ")");
        });
    }

    /**
     * Creates an account. {@code actor} must be an active administrator.
     *
     * @throws IllegalStateException    when no account exists yet (create the first administrator instead), or the actor is not
     *                                  an administrator
     * @throws IllegalArgumentException when the user name is taken or a value is invalid
     */
    public User create(NewUser newUser, char[] password, Actor actor) {
        validate(newUser, password);
        return jdbi.inTransaction(handle -> {
            if (handle.attach(UserDao.class).count() == 0) {
                throw new IllegalStateException("PatchDesk has no user accounts yet; create the first administrator first");
            }
            requireRole(handle, actor, Role.ADMINISTRATOR);
            return insert(handle, newUser, password, actor.name(), "Created user");
        });
    }

    /**
     * Checks a user name and password, and returns the account.
     *
     * @throws AuthenticationException when the account does not exist, is deactivated, or the password does not match
     */
    public User authenticate(String userName, char[] password) {
        if (userName == null || userName.isBlank()) {
            throw new AuthenticationException("Enter your user name");
        }
        if (password == null || password.length == 0) {
            throw new AuthenticationException("Enter the password of " + userName.strip());
        }
        return jdbi.withHandle(handle -> authenticate(handle, userName, password));
    }

    static User authenticate(Handle handle, String userName, char[] password, PasswordHasher hasher) {
        UserDao dao = handle.attach(UserDao.class);
        UserDao.AccountRow row = dao.findByKey(key(userName)).orElse(null);
        if (row == null || !hasher.verify(password, row.password())) {
            throw new AuthenticationException("The user name " + userName.strip() + " and this password do not match; check both and"
                    + " try again");
        }
        if (!row.active()) {
            throw new AuthenticationException("The account " + row.userName() + " is deactivated; ask an administrator to reactivate it");
        }
        return user(row, roles(dao, row.id()));
    }

    private User authenticate(Handle handle, String userName, char[] password) {
        return authenticate(handle, userName, password, hasher);
    }

    /**
     * Changes the password of the signed-in user, who confirms the current one.
     *
     * @throws AuthenticationException  when the current password does not match
     * @throws IllegalArgumentException when the new password is too short
     */
    public void changeOwnPassword(Actor actor, char[] currentPassword, char[] newPassword) {
        checkPassword(newPassword);
        jdbi.useTransaction(handle -> {
            User user = authenticate(handle, actor.name(), currentPassword);
            storePassword(handle, user, newPassword, user.userName(), "Changed own password");
        });
    }

    /**
     * Sets a new password for an account, as an administrator does when a user forgot theirs.
     *
     * @throws IllegalStateException when the actor is not an administrator
     */
    public void resetPassword(String userName, char[] newPassword, Actor actor) {
        checkPassword(newPassword);
        jdbi.useTransaction(handle -> {
            requireRole(handle, actor, Role.ADMINISTRATOR);
            storePassword(handle, require(handle, userName), newPassword, actor.name(), "Reset the password");
        });
    }

    /**
     * Replaces the roles of an account.
     *
     * @throws IllegalStateException    when the actor is not an administrator, or the change would leave no active administrator
     * @throws IllegalArgumentException when {@code roles} is empty
     */
    public User setRoles(String userName, Set<Role> roles, Actor actor) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Give " + userName + " at least one role");
        }
        return jdbi.inTransaction(handle -> {
            requireRole(handle, actor, Role.ADMINISTRATOR);
            UserDao dao = handle.attach(UserDao.class);
            User user = require(handle, userName);
            if (user.has(Role.ADMINISTRATOR) && !roles.contains(Role.ADMINISTRATOR) && user.active() && dao.activeAdministrators() <= 1) {
                throw new IllegalStateException(user.userName() + " is the last active administrator and keeps the administrator role;"
                        + " give another user that role first");
            }
            OffsetDateTime now = now();
            dao.removeRoles(user.id());
            for (Role role : EnumSet.copyOf(roles)) {
                dao.addRole(user.id(), role.word());
            }
            dao.touch(user.id(), now, actor.name());
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, RECORD_TYPE, user.id(),
                    user.userName(), null, Map.of("roles", words(user.roles())), Map.of("roles", words(roles)), "Changed roles to "
                    + Role.labels(roles)));
            return find(handle, userName).orElseThrow();
        });
    }

    /**
     * Deactivates an account: it can no longer sign in or sign, and its records and signatures stay.
     *
     * @throws IllegalStateException when the actor is not an administrator, deactivates their own account, or the account is
     *                               the last active administrator
     */
    public User deactivate(String userName, Actor actor) {
        return setActive(userName, false, actor);
    }

    /** Lets a deactivated account sign in again. */
    public User reactivate(String userName, Actor actor) {
        return setActive(userName, true, actor);
    }

    private User setActive(String userName, boolean active, Actor actor) {
        return jdbi.inTransaction(handle -> {
            requireRole(handle, actor, Role.ADMINISTRATOR);
            UserDao dao = handle.attach(UserDao.class);
            User user = require(handle, userName);
            if (user.active() == active) {
                return user;
            }
            if (!active && key(user.userName()).equals(key(actor.name()))) {
                throw new IllegalStateException("You cannot deactivate your own account; another administrator can");
            }
            if (!active && user.has(Role.ADMINISTRATOR) && dao.activeAdministrators() <= 1) {
                throw new IllegalStateException(user.userName() + " is the last active administrator and cannot be deactivated");
            }
            OffsetDateTime now = now();
            dao.setActive(user.id(), active, now, actor.name());
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, RECORD_TYPE, user.id(),
                    user.userName(), null, Map.of("active", String.valueOf(!active)), Map.of("active", String.valueOf(active)),
                    active ? "Reactivated user" : "Deactivated user"));
            return find(handle, userName).orElseThrow();
        });
    }

    /**
     * Checks that {@code actor} may do an action that needs one of {@code anyOf}. While no account
     * exists, every actor may.
     *
     * @throws IllegalStateException naming the user and the roles needed when the actor is not an active account with one of them
     */
    public void requireRole(Actor actor, Role... anyOf) {
        jdbi.useHandle(handle -> requireRole(handle, actor, anyOf));
    }

    /** Does {@link #requireRole(Actor, Role...)} inside the caller's transaction. */
    public static void requireRole(Handle handle, Actor actor, Role... anyOf) {
        UserDao dao = handle.attach(UserDao.class);
        if (dao.count() == 0) {
            return;
        }
        UserDao.AccountRow row = dao.findByKey(key(actor.name())).orElseThrow(() -> new IllegalStateException(actor.name()
                + " is not a PatchDesk user; sign in as a user with the role " + labels(anyOf)));
        if (!row.active()) {
            throw new IllegalStateException("The account " + row.userName() + " is deactivated");
        }
        Set<Role> roles = roles(dao, row.id());
        if (Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw new IllegalStateException("User " + row.userName() + " (" + (roles.isEmpty() ? "no role" : Role.labels(roles))
                    + ") cannot do this; it needs the role " + labels(anyOf));
        }
    }

    /** Returns the minutes of inactivity after which the window locks; 0 means never. */
    public int lockAfterMinutes() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT setting_value FROM setting WHERE setting_key = :key")
                .bind("key", LOCK_MINUTES_KEY).mapTo(String.class).findOne()).map(UserService::parseMinutes).orElse(DEFAULT_LOCK_MINUTES);
    }

    /**
     * Sets the minutes of inactivity after which the window locks, 0 to turn the lock off.
     *
     * @throws IllegalArgumentException when {@code minutes} is negative or above {@value #MAX_LOCK_MINUTES}
     * @throws IllegalStateException    when the actor is not an administrator
     */
    public void setLockAfterMinutes(int minutes, Actor actor) {
        checkLockMinutes(minutes);
        int before = lockAfterMinutes();
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            requireRole(handle, actor, Role.ADMINISTRATOR);
            handle.createUpdate("MERGE INTO setting (setting_key, setting_value, updated_at, updated_by) KEY (setting_key)"
                    + " VALUES (:key, :value, :at, :by)").bind("key", LOCK_MINUTES_KEY).bind("value", Integer.toString(minutes))
                    .bind("at", now).bind("by", actor.name()).execute();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, SETTING_RECORD_TYPE, null,
                    "lock after inactivity", null, Map.of(LOCK_MINUTES_KEY, Integer.toString(before)),
                    Map.of(LOCK_MINUTES_KEY, Integer.toString(minutes)), minutes == 0 ? "Turned the inactivity lock off"
                    : "Lock the window after " + minutes + " minutes of inactivity"));
        });
    }

    /**
     * Checks the minutes of inactivity before the window locks.
     *
     * @throws IllegalArgumentException when {@code minutes} is negative or above {@value #MAX_LOCK_MINUTES}
     */
    public static void checkLockMinutes(int minutes) {
        if (minutes < 0 || minutes > MAX_LOCK_MINUTES) {
            throw new IllegalArgumentException("The lock needs 0 (off) to " + MAX_LOCK_MINUTES + " minutes, not " + minutes);
        }
    }

    /**
     * Returns why the actor may not set the inactivity lock, or empty when they may: only an
     * administrator may once accounts exist, as {@link #setLockAfterMinutes} enforces.
     */
    public Optional<String> lockRejection(Actor actor) {
        return jdbi.withHandle(handle -> {
            try {
                requireRole(handle, actor, Role.ADMINISTRATOR);
                return Optional.empty();
            } catch (IllegalStateException e) {
                return Optional.of("Only an administrator can set the inactivity lock. " + e.getMessage());
            }
        });
    }

    private static int parseMinutes(String text) {
        try {
            int minutes = Integer.parseInt(text.strip());
            return minutes < 0 || minutes > MAX_LOCK_MINUTES ? DEFAULT_LOCK_MINUTES : minutes;
        } catch (NumberFormatException e) {
            return DEFAULT_LOCK_MINUTES;
        }
    }

    private User insert(Handle handle, NewUser newUser, char[] password, String actorName, String summary) {
        UserDao dao = handle.attach(UserDao.class);
        String userName = newUser.userName().strip();
        if (dao.findByKey(key(userName)).isPresent()) {
            throw new IllegalArgumentException("The user name " + userName + " is taken (user names ignore case); choose another");
        }
        OffsetDateTime now = now();
        PasswordHasher.PasswordHash hash = hasher.hash(password);
        String fullName = fullName(newUser);
        String department = blankToNull(newUser.department());
        long id = dao.insert(userName, key(userName), fullName, department, hash.algorithm(), hash.iterations(), hash.salt(),
                hash.hash(), now, actorName);
        for (Role role : EnumSet.copyOf(newUser.roles())) {
            dao.addRole(id, role.word());
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("user_name", userName);
        values.put("full_name", fullName);
        values.put("department", department == null ? "" : department);
        values.put("roles", words(newUser.roles()));
        values.put("active", "true");
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actorName, AuditAction.CREATE, RECORD_TYPE, id, userName, null,
                null, values, summary + " " + userName + " (" + Role.labels(newUser.roles()) + ")"));
        return find(handle, userName).orElseThrow();
    }

    private void storePassword(Handle handle, User user, char[] password, String actorName, String summary) {
        OffsetDateTime now = now();
        PasswordHasher.PasswordHash hash = hasher.hash(password);
        handle.attach(UserDao.class).setPassword(user.id(), hash.algorithm(), hash.iterations(), hash.salt(), hash.hash(), now, actorName);
        // The entry records that the password changed, never the password or its hash.
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actorName, AuditAction.UPDATE, RECORD_TYPE, user.id(),
                user.userName(), null, null, Map.of("password_changed_at", now.toInstant().toString()), summary));
    }

    private static User require(Handle handle, String userName) {
        return find(handle, userName).orElseThrow(() -> new IllegalArgumentException("No user is named " + userName));
    }

    private static void validate(NewUser user, char[] password) {
        String name = user.userName() == null ? "" : user.userName().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Enter a user name");
        }
        if (!USER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The user name '" + name + "' may hold only letters, digits, '.', '-', '_' and '@',"
                    + " up to 100 characters");
        }
        if (name.equalsIgnoreCase(Actor.SYSTEM.name())) {
            throw new IllegalArgumentException("The user name " + name + " is kept for automatic work; choose another");
        }
        if (fullName(user).length() > 200) {
            throw new IllegalArgumentException("The full name is longer than 200 characters");
        }
        if (user.department() != null && user.department().strip().length() > 200) {
            throw new IllegalArgumentException("The department is longer than 200 characters");
        }
        if (user.roles().isEmpty()) {
            throw new IllegalArgumentException("Give " + name + " at least one role");
        }
        checkPassword(password);
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static String fullName(NewUser user) {
        return user.fullName() == null || user.fullName().isBlank() ? user.userName().strip() : user.fullName().strip();
    }

    static String key(String userName) {
        return userName.strip().toLowerCase(Locale.ROOT);
    }

    static Set<Role> roles(UserDao dao, long id) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dao.roles(id).forEach(word -> roles.add(Role.parse(word)));
        return roles;
    }

    static User user(UserDao.AccountRow row, Set<Role> roles) {
        return new User(row.id(), row.userName(), row.fullName(), row.department(), roles, row.active(), row.createdAt().toInstant(),
                row.passwordChangedAt().toInstant());
    }

    private static String words(Set<Role> roles) {
        return roles.stream().sorted().map(Role::word).collect(Collectors.joining(", "));
    }

    private static String labels(Role... roles) {
        return Arrays.stream(roles).map(Role::label).reduce((a, b) -> a + " or " + b).orElse("(none)");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** An account as stored, with its password hash, for copying the site's accounts into the demo database. */
    public record StoredAccount(String userName, String fullName, String department, boolean active, String passwordAlgorithm,
                                int passwordIterations, String passwordSalt, String passwordHash, List<String> roles) {
    }

    /** Returns every account with its roles and password hash, to copy into another database of the same site. */
    public List<StoredAccount> storedAccounts() {
        return jdbi.withHandle(handle -> {
            UserDao dao = handle.attach(UserDao.class);
            Map<Long, List<String>> roles = new HashMap<>();
            dao.allRoles().forEach(row -> roles.computeIfAbsent(row.userId(), id -> new ArrayList<>()).add(row.role()));
            return dao.all().stream().map(row -> new StoredAccount(row.userName(), row.fullName(), row.department(), row.active(),
                    row.passwordAlgorithm(), row.passwordIterations(), row.passwordSalt(), row.passwordHash(),
                    List.copyOf(roles.getOrDefault(row.id(), List.of())))).toList();
        });
    }

    /**
     * Makes this database's accounts match {@code accounts}: the demo database signs with the site's
     * accounts and passwords. Accounts are matched by user name and keep their ids, so signatures
     * already given stay linked; an account the site no longer has is deactivated. One audit entry
     * records the copy.
     *
     * @return how many accounts were added or changed
     */
    public int copyAccounts(List<StoredAccount> accounts, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            int changed = 0;
            Set<String> kept = new HashSet<>();
            for (StoredAccount account : accounts) {
                String key = account.userName().toLowerCase(Locale.ROOT);
                kept.add(key);
                Long id = handle.createQuery("SELECT id FROM user_account WHERE user_name_key = :key").bind("key", key)
                        .mapTo(Long.class).findOne().orElse(null);
                if (id == null) {
                    id = handle.createUpdate("INSERT INTO user_account (user_name, user_name_key, full_name, department, active,"
                                    + " password_algorithm, password_iterations, password_salt, password_hash, password_changed_at, created_at,"
                                    + " created_by, updated_at, updated_by) VALUES (:name, :key, :fullName, :department, :active, :algorithm,"
                                    + " :iterations, :salt, :hash, :at, :at, :by, :at, :by)")
                            .bind("name", account.userName()).bind("key", key).bind("fullName", account.fullName())
                            .bind("department", account.department()).bind("active", account.active())
                            .bind("algorithm", account.passwordAlgorithm()).bind("iterations", account.passwordIterations())
                            .bind("salt", account.passwordSalt()).bind("hash", account.passwordHash()).bind("at", now)
                            .bind("by", actor.name()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                } else {
                    handle.createUpdate("UPDATE user_account SET full_name = :fullName, department = :department, active = :active,"
                                    + " password_algorithm = :algorithm, password_iterations = :iterations, password_salt = :salt,"
                                    + " password_hash = :hash, updated_at = :at, updated_by = :by WHERE id = :id")
                            .bind("fullName", account.fullName()).bind("department", account.department())
                            .bind("active", account.active()).bind("algorithm", account.passwordAlgorithm())
                            .bind("iterations", account.passwordIterations()).bind("salt", account.passwordSalt())
                            .bind("hash", account.passwordHash()).bind("at", now).bind("by", actor.name()).bind("id", id).execute();
                }
                handle.createUpdate("DELETE FROM user_role WHERE user_id = :id").bind("id", id).execute();
                for (String role : account.roles()) {
                    handle.createUpdate("INSERT INTO user_role (user_id, role) VALUES (:id, :role)").bind("id", id).bind("role", role)
                            .execute();
                }
                changed++;
            }
            for (UserDao.AccountRow row : handle.attach(UserDao.class).all()) {
                if (row.active() && !kept.contains(row.userName().toLowerCase(Locale.ROOT))) {
                    handle.createUpdate("UPDATE user_account SET active = FALSE, updated_at = :at, updated_by = :by WHERE id = :id")
                            .bind("at", now).bind("by", actor.name()).bind("id", row.id()).execute();
                    changed++;
                }
            }
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, RECORD_TYPE, null,
                    "accounts", null, Map.of(), Map.of("accounts", String.valueOf(accounts.size())),
                    "Copied " + accounts.size() + (accounts.size() == 1 ? " account" : " accounts") + " from the site database"));
            return changed;
        });
    }
}
