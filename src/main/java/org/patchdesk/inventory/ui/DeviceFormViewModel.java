package org.patchdesk.inventory.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceService;
import org.patchdesk.inventory.DeviceValidationException;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.FieldValues;

/**
 * The state of the device form: the text or choice of every field, the validation message under
 * each, and saving through {@link DeviceService}. Text fields are checked with the same parser as
 * imports, so the form accepts what an import accepts.
 */
public final class DeviceFormViewModel {

    private final DeviceService devices;
    private final Device existing;
    private final Map<DeviceField, StringProperty> texts = new EnumMap<>(DeviceField.class);
    private final Map<DeviceField, ObjectProperty<Object>> choices = new EnumMap<>(DeviceField.class);
    private final Map<DeviceField, StringProperty> errors = new EnumMap<>(DeviceField.class);

    /** Creates the form for a new device when {@code existing} is null, else for editing it. */
    public DeviceFormViewModel(DeviceService devices, Device existing) {
        this.devices = devices;
        this.existing = existing;
        for (DeviceField field : DeviceField.values()) {
            errors.put(field, new SimpleStringProperty(""));
            Object value = existing == null ? null : existing.values().get(field);
            if (isChoice(field)) {
                choices.put(field, new SimpleObjectProperty<>(value));
            } else {
                texts.put(field, new SimpleStringProperty(FieldValues.display(value)));
            }
        }
    }

    /** True for fields chosen from a list (status, yes/no, criticality, mission impact, exposure). */
    public static boolean isChoice(DeviceField field) {
        return switch (field.kind()) {
            case STATUS, YES_NO, CRITICALITY, MISSION_IMPACT, NETWORK_EXPOSURE -> true;
            default -> false;
        };
    }

    public boolean isNew() {
        return existing == null;
    }

    public Device existing() {
        return existing;
    }

    public StringProperty text(DeviceField field) {
        return texts.get(field);
    }

    public ObjectProperty<Object> choice(DeviceField field) {
        return choices.get(field);
    }

    public StringProperty error(DeviceField field) {
        return errors.get(field);
    }

    /** Checks one field as the user leaves it; a valid date or address list is rewritten in its normal form. */
    public boolean validate(DeviceField field) {
        if (isChoice(field)) {
            errors.get(field).set("");
            return true;
        }
        String text = texts.get(field).get();
        FieldValues.Parsed parsed = FieldValues.parse(field, text);
        if (parsed instanceof FieldValues.Invalid invalid) {
            String value = text == null ? "" : text.strip();
            errors.get(field).set(invalid.reason().startsWith("'") ? capitalize(invalid.reason()) : "'" + value + "' " + invalid.reason());
            return false;
        }
        if (field == DeviceField.ASSET_TAG && parsed instanceof FieldValues.Blank) {
            errors.get(field).set("An asset tag is required");
            return false;
        }
        errors.get(field).set("");
        if (parsed instanceof FieldValues.Value value && field.kind() != DeviceField.ValueKind.TEXT) {
            texts.get(field).set(FieldValues.display(value.value()));
        }
        return true;
    }

    /** Checks every field; returns true when all are valid. */
    public boolean validateAll() {
        boolean valid = true;
        for (DeviceField field : DeviceField.values()) {
            valid &= validate(field);
        }
        return valid;
    }

    /** Returns the values the form holds; call only after {@link #validateAll} returned true. */
    public DeviceValues values() {
        DeviceValues values = new DeviceValues();
        for (DeviceField field : DeviceField.values()) {
            if (isChoice(field)) {
                values.set(field, choices.get(field).get());
            } else if (FieldValues.parse(field, texts.get(field).get()) instanceof FieldValues.Value value) {
                values.set(field, value.value());
            }
        }
        return values;
    }

    /**
     * Saves the device when every field is valid and the asset tag is free. Returns the saved device,
     * or empty with the problems shown under their fields.
     */
    public Optional<Device> save(Actor actor) {
        if (!validateAll()) {
            return Optional.empty();
        }
        try {
            Device saved = existing == null
                    ? devices.create(values(), actor)
                    : devices.update(existing.id(), values(), actor);
            return Optional.of(saved);
        } catch (DeviceValidationException e) {
            e.problems().forEach((field, message) -> errors.get(field).set(message));
            return Optional.empty();
        }
    }

    /** Returns the number of fields that show a problem. */
    public long problemCount() {
        return errors.values().stream().filter(error -> !error.get().isEmpty()).count();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
