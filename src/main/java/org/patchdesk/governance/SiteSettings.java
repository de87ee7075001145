package org.patchdesk.governance;

import java.nio.file.Path;

/**
 * The site's name and logo, printed on reports.
 *
 * @param name the site name, such as "St. Anne Medical Center"
 * @param logo the PNG or JPEG logo file, or null for none; PatchDesk keeps the path, not a copy
 */
public record SiteSettings(String name, Path logo) {

    /** The name reports print until the site sets its own. */
    public static final String DEFAULT_NAME = "PatchDesk";
    public static final SiteSettings DEFAULTS = new SiteSettings(DEFAULT_NAME, null);
}
