package org.patchdesk.governance;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.risk.SettingChanges;
import org.patchdesk.risk.SettingDao;
import org.patchdesk.users.Role;
import org.patchdesk.users.UserService;

/**
 * Reads and changes the site name and logo. They are rows of the {@code setting} table, changed with
 * one audit entry that records the old and new value of each changed key, so the audit check
 * compares them like other settings.
 */
public final class SiteSettingsService {

    public static final String NAME_KEY = "site.name";
    public static final String LOGO_KEY = "site.logo_path";
    public static final int MAX_NAME_LENGTH = 120;
    /** The largest logo file accepted, 2 MB: reports embed the whole file. */
    public static final long MAX_LOGO_BYTES = 2L * 1024 * 1024;

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Clock clock;

    public SiteSettingsService(Jdbi jdbi, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Returns the stored name and logo; the name is {@value SiteSettings#DEFAULT_NAME} until one is set. */
    public SiteSettings current() {
        return jdbi.withHandle(SiteSettingsService::current);
    }

    private static SiteSettings current(Handle handle) {
        Map<String, String> rows = handle.attach(SettingDao.class).all();
        String name = rows.get(NAME_KEY);
        String logo = rows.get(LOGO_KEY);
        return new SiteSettings(name == null || name.isBlank() ? SiteSettings.DEFAULT_NAME : name,
                logo == null || logo.isBlank() ? null : Path.of(logo));
    }

    /**
     * Stores the name and logo; a null logo removes it. Once accounts exist, only an administrator
     * may. Returns the stored settings.
     *
     * @throws IllegalArgumentException when the name is blank or too long, or the logo is not a readable PNG or JPEG of at most 2 MB
     * @throws IllegalStateException    when the actor is not an administrator
     */
    public SiteSettings save(String name, Path logo, Actor actor) {
        String cleanName = checkName(name);
        Path cleanLogo = logo == null ? null : checkLogo(logo);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbi.inTransaction(handle -> {
            UserService.requireRole(handle, actor, Role.ADMINISTRATOR);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(NAME_KEY, cleanName);
            values.put(LOGO_KEY, cleanLogo == null ? null : cleanLogo.toString());
            SettingChanges.store(handle, auditLog, handle.attach(SettingDao.class).all(), values, now, actor, "site settings");
            return current(handle);
        });
    }

    /** Returns why the actor may not change the site settings, or empty when they may. */
    public Optional<String> changeRejection(Actor actor) {
        return jdbi.withHandle(handle -> {
            try {
                UserService.requireRole(handle, actor, Role.ADMINISTRATOR);
                return Optional.empty();
            } catch (IllegalStateException e) {
                return Optional.of("Only an administrator can change the site name and logo. " + e.getMessage());
            }
        });
    }

    /**
     * Returns the stripped name.
     *
     * @throws IllegalArgumentException when it is blank, longer than {@value #MAX_NAME_LENGTH} characters or contains a line break
     */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The site name is required, such as the hospital's name");
        }
        String clean = name.strip();
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("The site name has " + clean.length() + " characters; at most " + MAX_NAME_LENGTH
                    + " fit in a report header");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The site name must be one line of text, without line breaks or tabs");
        }
        return clean;
    }

    /**
     * Returns the logo file's absolute path after checking that it exists, is at most 2 MB and
     * is a PNG or JPEG image that can be read.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static Path checkLogo(Path logo) {
        Path file;
        try {
            file = logo.toAbsolutePath().normalize();
        } catch (InvalidPathException | java.io.IOError e) {
            throw new IllegalArgumentException("The logo path " + logo + " is not a valid file path");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The logo file " + file + " does not exist");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_LOGO_BYTES) {
                throw new IllegalArgumentException(String.format(java.util.Locale.US,
                        "The logo file %s is %.1f MB; use an image of at most 2 MB", file, size / (1024.0 * 1024.0)));
            }
            String format = format(file);
            if (format == null) {
                throw new IllegalArgumentException("The logo file " + file + " is not a PNG or JPEG image; save the logo as .png or .jpg");
            }
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null || image.getWidth() == 0 || image.getHeight() == 0) {
                throw new IllegalArgumentException("The logo file " + file + " looks like a " + format
                        + " image but cannot be read; it may be damaged");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The logo file " + file + " cannot be read: " + e.getMessage());
        }
        return file;
    }

    /** Returns "PNG" or "JPEG" from the file's first bytes, else null. */
    private static String format(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "PNG";
        }
        if (read >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "JPEG";
        }
        return null;
    }
}
