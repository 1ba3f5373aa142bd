/**
 * Checks (核查, issue 6, R23-R25): dated snapshots of the core system's data (loan ledger, write-offs, loans
 * repaid by a guarantor, guarantors who did not honour a guarantee, litigation recoveries, existing loan
 * certificates), the bad-record rule (R24) and the sorting of older certificates (R25).
 */
package sunshine.check;
