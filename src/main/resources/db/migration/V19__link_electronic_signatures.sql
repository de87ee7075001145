-- The electronic signature that approved a patch decision. NULL for decisions recorded before the
-- database had user accounts, whose approver name and role were typed.
ALTER TABLE patch_decision ADD COLUMN signature_id BIGINT REFERENCES electronic_signature (id);

-- The electronic signature behind a window's status change: the clinical leader's approval
-- (meaning approved) or declined approval (meaning rejected). NULL for other changes and for
-- approvals and declines typed before the database had user accounts.
ALTER TABLE patch_window_event ADD COLUMN signature_id BIGINT REFERENCES electronic_signature (id);
