-- A district's officers are told when the agency approves their quarterly report, as they are told of a return: they
-- had learnt of the approval only by opening the report.
ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_APPROVED';
