-- The owners of a follow-up are told when it is assigned to them (or moved to them), not first by the "due in 7
-- days" reminder: a follow-up due in three weeks had stayed silent for two of them.
ALTER TYPE "NotificationKind" ADD VALUE 'ACTION_ASSIGNED';
