package org.patchdesk.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.patchdesk.ui.DialogService;

/**
 * Dialogs for view tests: messages are recorded, and questions take the answers a test queued
 * beforehand. A question without a queued answer fails the test.
 */
public final class ScriptedDialogs implements DialogService {

    private final List<String> shown = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    /** Queues the answer to the next question: a Boolean, an Integer choice, a String, a Path or a List of paths. */
    public ScriptedDialogs answer(Object answer) {
        answers.add(answer);
        return this;
    }

    /** Returns every message shown so far, each as "title: message". */
    public List<String> shown() {
        return List.copyOf(shown);
    }

    private Object next(String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("No answer queued for: " + question);
        }
        return answers.removeFirst();
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add(title + ": " + message);
    }

    @Override
    public void showError(String title, String message) {
        shown.add(title + ": " + message);
    }

    @Override
    public void showFailure(String title, String whatFailed, Throwable error) {
        shown.add(title + ": " + whatFailed + " " + error);
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        shown.add(title + ": " + message);
        return (Boolean) next(message);
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> actions) {
        shown.add(title + ": " + message);
        return Optional.ofNullable((Integer) next(message));
    }

    @Override
    public Optional<String> askText(String title, String message, String initialText) {
        return Optional.ofNullable((String) next(message));
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        return Optional.ofNullable((Path) next(title));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Path> chooseFilesToOpen(String title, List<String> extensions) {
        return (List<Path>) next(title);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable((Path) next(title));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
        return Optional.ofNullable((Path) next(title));
    }
}
