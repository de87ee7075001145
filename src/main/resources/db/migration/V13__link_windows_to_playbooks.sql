-- Playbooks attached to a patch window, in the order they print on its work order. A playbook in
-- use cannot be deleted, so a printed work order always matches a stored playbook.
CREATE TABLE patch_window_playbook (
    window_id   BIGINT NOT NULL REFERENCES patch_window (id) ON DELETE CASCADE,
    playbook_id BIGINT NOT NULL REFERENCES playbook (id),
    position    INT    NOT NULL,
    PRIMARY KEY (window_id, playbook_id)
);

CREATE INDEX ix_patch_window_playbook_playbook ON patch_window_playbook (playbook_id);
