-- A bank's officers are told when the agency approves their claim (with the amount approved) and when it records a
-- payment (SP2D: amount, date, reference), as they are told of a return: they had learnt of both only by opening the
-- claim.
ALTER TYPE "NotificationKind" ADD VALUE 'CLAIM_APPROVED';
ALTER TYPE "NotificationKind" ADD VALUE 'CLAIM_PAID';
