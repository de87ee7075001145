package org.patchdesk.patchlog.ui;

import java.util.function.Function;

import javafx.util.StringConverter;

/** Shows the choices of a combo box that is not editable by a label, so no text is read back. */
final class Labels {

    private Labels() {
    }

    static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
