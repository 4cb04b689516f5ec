-- A bank's officers are told when the agency returns their claim, with the reason, as a district officer is told of
-- a returned report: a bank had learnt of it only by opening its claims list.
ALTER TYPE "NotificationKind" ADD VALUE 'CLAIM_RETURNED';
