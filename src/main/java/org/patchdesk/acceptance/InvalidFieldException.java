package org.patchdesk.acceptance;

/**
 * A draft field that is missing or invalid, with the field's name as the form labels it, so that
 * a form can put the message next to the field and name it.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the field's name as the draft form labels it, such as "Risk statement". */
    public String field() {
        return field;
    }
}
