package org.patchdesk.vendors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The editable fields of a vendor contact, as a user types them. {@link #cleaned()} checks them
 * and returns them trimmed, with blank fields as null.
 */
public record ContactDetails(String name, String role, String email, String phone, String portalUrl, String supportContract) {

    /** One "@", no spaces, and a dot in the domain: enough to catch typing slips without rejecting real addresses. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /**
     * Returns the details trimmed, blank fields as null.
     *
     * @throws IllegalArgumentException when the name is missing, or the email, phone or portal URL is not valid
     */
    public ContactDetails cleaned() {
        String cleanName = clean(name);
        if (cleanName == null) {
            throw new IllegalArgumentException("A contact needs a name");
        }
        String cleanEmail = clean(email);
        if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
            throw new IllegalArgumentException("Email '" + cleanEmail + "' is not an email address; write it as name@example.com");
        }
        String cleanPhone = clean(phone);
        if (cleanPhone != null && cleanPhone.chars().noneMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Phone '" + cleanPhone + "' has no digits; write the number, such as +1 800 555 0100");
        }
        String cleanUrl = clean(portalUrl);
        if (cleanUrl != null) {
            checkUrl(cleanUrl);
        }
        return new ContactDetails(cleanName, clean(role), cleanEmail, cleanPhone, cleanUrl, clean(supportContract));
    }

    private static void checkUrl(String url) {
        String hint = "; write the whole address, such as https://support.example.com/portal";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Portal URL '" + url + "' is not a web address (" + e.getReason() + ")" + hint);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Portal URL '" + url + "' does not start with https:// or http://" + hint);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("Portal URL '" + url + "' has no host name" + hint);
        }
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
